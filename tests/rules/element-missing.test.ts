import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

const dropBox = (name: string) => ({
  'manuscript/02-governance.md': (t: string) =>
    t.replace(new RegExp(`:::${name}[^\\n]*\\n[\\s\\S]*?\\n:::\\n`), ''),
});

describe('element-missing', () => {
  it('accepts chapters with every required element', async () => {
    expect(ofRule(await checkProject('valid'), 'element-missing')).toEqual([]);
  });

  for (const element of ['good-practice', 'unece-support', 'recommendations']) {
    it(`names a missing ${element} at the chapter title: warning, then error`, async () => {
      const severities = [];
      for (const stage of ['first', 'second', 'final']) {
        const result = await checkProject('valid', dropBox(element), stage);
        const found = ofRule(result, 'element-missing');
        expect(found).toHaveLength(1);
        expect(where(found[0]!)).toBe('manuscript/02-governance.md:4:1');
        expect(found[0]!.message).toContain(`\`${element}\``);
        severities.push(found[0]!.severity);
      }
      expect(severities).toEqual(['warning', 'error', 'error']);
    });
  }

  it('lets a toc entry opt out of an element', async () => {
    const result = await checkProject('valid', {
      ...dropBox('unece-support'),
      'manuscript/manuscript.yaml': (t) =>
        t.replace(
          'title: Governance of SSCs',
          'title: Governance of SSCs\n    required_elements: [good-practice, recommendations]',
        ),
    });
    expect(ofRule(result, 'element-missing')).toEqual([]);
  });
});
