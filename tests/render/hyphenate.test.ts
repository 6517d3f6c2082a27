// Soft hyphens for justified text: which tokens are hyphenated, per language, and that the
// per-word memo gives the patterns' own answer every time.
import { describe, expect, it } from 'vitest';
import { hyphenateText, hyphenatorFor } from '../../src/render/hyphenate.js';

const SOFT = '\u00ad';
const en = hyphenatorFor('en-GB')!;
const fr = hyphenatorFor('fr')!;

describe('hyphenateText', () => {
  it('puts soft hyphens into long words of running text, and removing them gives the text back', () => {
    const text = 'Municipalities coordinate sustainable infrastructure investment.';
    const out = hyphenateText(text, en);
    expect(out).toContain(SOFT);
    expect(out.replaceAll(SOFT, '')).toBe(text);
    expect(out.split(' ')[0]).toBe(
      en.hyphenateSync('Municipalities', { hyphenChar: SOFT, minWordLength: 6 }),
    );
  });

  it('answers the same for a word seen before (memo) as the patterns do', () => {
    const first = hyphenateText('accessibility', en);
    const again = hyphenateText('accessibility accessibility', en);
    expect(again).toBe(`${first} ${first}`);
    expect(first).toBe(en.hyphenateSync('accessibility', { hyphenChar: SOFT, minWordLength: 6 }));
  });

  it('keeps a memo per language: French patterns for French words', () => {
    const word = 'développement';
    expect(hyphenateText(word, fr)).toBe(
      fr.hyphenateSync(word, { hyphenChar: SOFT, minWordLength: 6 }),
    );
    expect(hyphenateText(word, en)).toBe(
      en.hyphenateSync(word, { hyphenChar: SOFT, minWordLength: 6 }),
    );
  });

  it('leaves URLs, symbols, codes, acronyms and short words whole', () => {
    for (const token of ['https://unece.org/housing', 'ECE/HBP/184', 'EC_2_1', 'UNECE', 'towns'])
      expect(hyphenateText(token, en)).toBe(token);
  });

  it('has no patterns for a language it does not know', () => {
    expect(hyphenatorFor('xx')).toBeUndefined();
  });
});
