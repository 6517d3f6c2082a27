import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

describe('bib-duplicate-key', () => {
  it('accepts unique keys', async () => {
    expect(ofRule(await checkProject('valid'), 'bib-duplicate-key')).toEqual([]);
  });

  it('reports the second entry with the line of the first, as an error', async () => {
    const result = await checkProject('valid', {
      'references.bib': (t) => `${t}\n@misc{unece2015,\n  title = {Again}\n}\n`,
    });
    const [d] = ofRule(result, 'bib-duplicate-key');
    expect(where(d!)).toBe('references.bib:15:1');
    expect(d!.message).toContain('line 1');
    expect(d!.severity).toBe('error');
  });
});
