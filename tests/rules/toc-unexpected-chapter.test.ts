import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

describe('toc-unexpected-chapter', () => {
  it('accepts chapters that are all in the mandate', async () => {
    expect(ofRule(await checkProject('valid'), 'toc-unexpected-chapter')).toEqual([]);
  });

  it('reports a chapter outside the mandate at its id line, with the nearest toc id', async () => {
    const result = await checkProject('valid', {
      'manuscript/02-governance.md': (t) => t.replace('id: governance', 'id: governanse'),
    });
    const [d] = ofRule(result, 'toc-unexpected-chapter');
    expect(where(d!)).toBe('manuscript/02-governance.md:2:1');
    expect(d!.severity).toBe('error');
    expect(d!.suggestion).toBe('governance');
  });

  it('reports a second file claiming the same chapter id', async () => {
    const result = await checkProject('valid', {
      'manuscript/03-governance-again.md': '---\nid: governance\n---\n# Governance of SSCs\n',
    });
    const [d] = ofRule(result, 'toc-unexpected-chapter');
    expect(d!.file).toBe('manuscript/03-governance-again.md');
    expect(d!.message).toContain('already used by manuscript/02-governance.md');
  });
});
