import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

describe('directive-unknown', () => {
  it('accepts known directives and leaves prose with colons alone', async () => {
    const result = await checkProject('valid', {
      'manuscript/02-governance.md': (t) =>
        `${t}\nThe Geneva:Palais meeting at 10:30 and note:see.\n`,
    });
    expect(ofRule(result, 'directive-unknown')).toEqual([]);
  });

  it('reports a misspelled box with the nearest known name', async () => {
    const result = await checkProject('valid', {
      'manuscript/02-governance.md': (t) => t.replace(':::good-practice', ':::goodpractice'),
    });
    const [d] = ofRule(result, 'directive-unknown');
    expect(where(d!)).toBe('manuscript/02-governance.md:8:1');
    expect(d!.suggestion).toBe('good-practice');
    expect(d!.message).toContain(':::good-practice');
    // The box no longer counts, so the element is missing as well.
    expect(ofRule(result, 'element-missing')).toHaveLength(1);
  });

  it('reports a box written with two colons', async () => {
    const result = await checkProject('valid', {
      'manuscript/02-governance.md': (t) => `${t}\n::recommendations\n`,
    });
    const [d] = ofRule(result, 'directive-unknown');
    expect(d!.suggestion).toBe(':::recommendations');
  });
});
