import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

const extra = {
  'references.bib': (t: string) =>
    `${t}\n@book{orphan2020,\n  title = {Never cited},\n  year = {2020}\n}\n`,
};

describe('citation-unused', () => {
  it('accepts a bibliography whose entries are all cited', async () => {
    expect(ofRule(await checkProject('valid'), 'citation-unused')).toEqual([]);
  });

  it('reports an uncited entry at its line: info, then warning', async () => {
    const severities = [];
    for (const stage of ['first', 'second', 'final']) {
      const result = await checkProject('valid', extra, stage);
      const [d] = ofRule(result, 'citation-unused');
      expect(where(d!)).toBe('references.bib:15:1');
      severities.push(d!.severity);
    }
    expect(severities).toEqual(['info', 'warning', 'warning']);
  });

  it('accepts keys listed under nocite', async () => {
    const result = await checkProject('valid', {
      ...extra,
      'manuscript/manuscript.yaml': (t) => `${t}nocite: [orphan2020]\n`,
    });
    expect(ofRule(result, 'citation-unused')).toEqual([]);
  });
});
