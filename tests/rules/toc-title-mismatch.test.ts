import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

const retitle = (title: string) => ({
  'manuscript/02-governance.md': (t: string) => t.replace('# Governance of SSCs', `# ${title}`),
});

describe('toc-title-mismatch', () => {
  it('accepts the mandated title', async () => {
    const result = await checkProject('valid');
    expect(ofRule(result, 'toc-title-mismatch')).toEqual([]);
    expect(ofRule(result, 'toc-title-typography')).toEqual([]);
  });

  it('reports another title at the H1 with the mandated one: warning, then error', async () => {
    const severities = [];
    for (const stage of ['first', 'second', 'final']) {
      const result = await checkProject('valid', retitle('Governing smart cities'), stage);
      const [d] = ofRule(result, 'toc-title-mismatch');
      expect(where(d!)).toBe('manuscript/02-governance.md:4:1');
      expect(d!.suggestion).toBe('Governance of SSCs');
      severities.push(d!.severity);
    }
    expect(severities).toEqual(['warning', 'error', 'error']);
  });

  it('treats dashes, quotes, case and spacing as typography: never an error', async () => {
    for (const stage of ['first', 'second', 'final']) {
      const result = await checkProject('valid', retitle('governance  of SSCs'), stage);
      expect(ofRule(result, 'toc-title-mismatch')).toEqual([]);
      const [d] = ofRule(result, 'toc-title-typography');
      expect(d!.severity).not.toBe('error');
    }
  });

  it('folds an en dash written as a hyphen', async () => {
    const result = await checkProject('valid', {
      'manuscript/manuscript.yaml': (t) =>
        t.replace('title: Governance of SSCs', 'title: Governance – of SSCs'),
      'manuscript/02-governance.md': (t) =>
        t.replace('# Governance of SSCs', '# Governance - of SSCs'),
    });
    expect(ofRule(result, 'toc-title-mismatch')).toEqual([]);
    expect(ofRule(result, 'toc-title-typography')).toHaveLength(1);
  });
});
