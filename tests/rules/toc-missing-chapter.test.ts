import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

describe('toc-missing-chapter', () => {
  it('accepts a manuscript with every mandated chapter', async () => {
    const result = await checkProject('valid');
    expect(ofRule(result, 'toc-missing-chapter')).toEqual([]);
  });

  it('reports a missing chapter at its toc entry, as an error at every stage', async () => {
    for (const stage of ['first', 'second', 'final']) {
      const result = await checkProject('valid', { 'manuscript/02-governance.md': null }, stage);
      const [d, ...rest] = ofRule(result, 'toc-missing-chapter');
      expect(rest).toEqual([]);
      expect(where(d!)).toBe('manuscript/manuscript.yaml:15:1');
      expect(d!.severity).toBe('error');
      expect(d!.message).toContain('`governance`');
      expect(d!.suggestion).toBe('02-governance.md');
      expect(result.ok).toBe(false);
    }
  });

  it('counts a chapter whose id is wrong as missing', async () => {
    const result = await checkProject('valid', {
      'manuscript/02-governance.md': (t) => t.replace('id: governance', 'id: governanse'),
    });
    expect(ofRule(result, 'toc-missing-chapter').map((d) => d.message)).toEqual([
      expect.stringContaining('`governance`'),
    ]);
  });
});
