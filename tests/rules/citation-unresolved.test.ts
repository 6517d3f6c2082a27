import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

const append = (text: string) => ({
  'manuscript/02-governance.md': (t: string) => `${t}\n${text}\n`,
});

describe('citation-unresolved', () => {
  it('accepts citations whose keys are in the bibliography', async () => {
    expect(ofRule(await checkProject('valid'), 'citation-unresolved')).toEqual([]);
  });

  it('reports an unknown key at its column with the nearest key: warning, then error', async () => {
    const severities = [];
    for (const stage of ['first', 'second', 'final']) {
      const result = await checkProject('valid', append('See also [@unece2016, p. 3].'), stage);
      const [d, ...rest] = ofRule(result, 'citation-unresolved');
      expect(rest).toEqual([]);
      expect(where(d!)).toBe('manuscript/02-governance.md:22:10');
      expect(d!.suggestion).toBe('unece2015');
      severities.push(d!.severity);
    }
    expect(severities).toEqual(['warning', 'error', 'error']);
  });

  it('reads every form of the Pandoc syntax', async () => {
    const result = await checkProject(
      'valid',
      append(
        'A [@nope1; @unece2015, p. 4] and [-@nope2] and [see @nope3, ch. 2] and @nope4 says and @nope5 [p. 3].',
      ),
    );
    expect(
      ofRule(result, 'citation-unresolved').map((d) => d.message.match(/`(\w+)`/)![1]),
    ).toEqual(['nope1', 'nope2', 'nope3', 'nope4', 'nope5']);
  });

  it('never reads e-mail addresses, code, URLs or cross-references as citations', async () => {
    const result = await checkProject(
      'valid',
      append(
        'Write to someone@example.org or user@host, run `x @nope`, see https://x.org/@nope and @box:nowhere.\n\n```\n@nope\n```',
      ),
    );
    expect(ofRule(result, 'citation-unresolved')).toEqual([]);
  });

  it('leaves cross-references mixed into a citation bracket to the cross-reference rules', async () => {
    const result = await checkProject(
      'valid',
      append('As argued [@unece2015; see @box:somewhere].'),
    );
    expect(ofRule(result, 'citation-unresolved')).toEqual([]);
  });

  it('finds citations in CRLF files with a BOM at the column an editor shows', async () => {
    const result = await checkProject('valid', {
      'manuscript/02-governance.md': (t) =>
        `\ufeff${t.replace(/\n/g, '\r\n')}\r\nText [@nope].\r\n`,
    });
    const [d] = ofRule(result, 'citation-unresolved');
    expect(where(d!)).toBe('manuscript/02-governance.md:22:6');
  });

  it('treats NFC and NFD spellings of a key as the same key', async () => {
    const nfc = 'Müller2019';
    const result = await checkProject('valid', {
      'references.bib': (t) => `${t}\n@book{${nfc}, title={X}, year={2019}}\n`,
      'manuscript/02-governance.md': (t) => `${t}\nSee [@${nfc.normalize('NFD')}].\n`,
    });
    expect(ofRule(result, 'citation-unresolved')).toEqual([]);
  });
});
