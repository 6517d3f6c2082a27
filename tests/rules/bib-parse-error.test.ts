import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

describe('bib-parse-error', () => {
  it('reports an unclosed entry at its line and keeps the entries after it', async () => {
    const result = await checkProject('valid', {
      'references.bib': (t) => `@misc{broken,\n  title = {Unclosed,\n  year = 2010\n}\n\n${t}`,
    });
    const [d] = ofRule(result, 'bib-parse-error');
    expect(where(d!)).toBe('references.bib:1:1');
    expect(d!.message).toContain('`broken`');
    expect(d!.severity).toBe('error');
    // The entries after the broken one still resolve.
    expect(ofRule(result, 'citation-unresolved')).toEqual([]);
  });

  it('reports an entry with invalid syntax and keeps the others', async () => {
    const result = await checkProject('valid', {
      'references.bib': (t) => `${t}\n@book{bad2020,\n  title = ,\n}\n`,
    });
    const [d] = ofRule(result, 'bib-parse-error');
    expect(d!.line).toBeGreaterThanOrEqual(16);
    expect(ofRule(result, 'citation-unresolved')).toEqual([]);
  });

  it('reports an entry without a key', async () => {
    const result = await checkProject('valid', {
      'references.bib': (t) => `${t}\n@book{,\n  title = {X}\n}\n`,
    });
    expect(ofRule(result, 'bib-parse-error')[0]!.message).toContain('no citation key');
  });
});
