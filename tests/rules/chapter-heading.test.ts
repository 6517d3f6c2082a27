import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

describe('chapter-heading', () => {
  it('accepts one H1 per chapter', async () => {
    expect(ofRule(await checkProject('valid'), 'chapter-heading')).toEqual([]);
  });

  it('reports a chapter without a title, suggesting the mandated one', async () => {
    const result = await checkProject('valid', {
      'manuscript/02-governance.md': (t) => t.replace('# Governance of SSCs\n', ''),
    });
    const [d] = ofRule(result, 'chapter-heading');
    expect(d!.suggestion).toBe('# Governance of SSCs');
    expect(d!.severity).toBe('error');
  });

  it('reports a second H1 at its line', async () => {
    const result = await checkProject('valid', {
      'manuscript/02-governance.md': (t) => `${t}\n# Another title\n`,
    });
    const [d] = ofRule(result, 'chapter-heading');
    expect(where(d!)).toMatch(/^manuscript\/02-governance.md:2\d:1$/);
  });
});
