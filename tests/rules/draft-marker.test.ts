import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

const append = (text: string) => ({
  'manuscript/02-governance.md': (t: string) => `${t}\n${text}\n`,
});

describe('draft-marker', () => {
  it('accepts text without markers, and markers inside code', async () => {
    const result = await checkProject('valid', append('Use `TODO` in code.\n\n```\nTODO\n```'));
    expect(ofRule(result, 'draft-marker')).toEqual([]);
  });

  it('reports TODO and TBD at their column: info, warning, error', async () => {
    const severities = [];
    for (const stage of ['first', 'second', 'final']) {
      const result = await checkProject('valid', append('Data for 2019 TBD and more TODO.'), stage);
      const found = ofRule(result, 'draft-marker');
      expect(found.map(where)).toEqual([
        'manuscript/02-governance.md:22:15',
        'manuscript/02-governance.md:22:28',
      ]);
      severities.push(found[0]!.severity);
    }
    expect(severities).toEqual(['info', 'warning', 'error']);
  });

  it('reports open review comments with their author, not resolved ones', async () => {
    const result = await checkProject(
      'valid',
      append('Text :comment[Add 2019 data]{by="FPM"} and :comment[Done]{by="HLM" resolved}.'),
    );
    const found = ofRule(result, 'draft-marker');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('by FPM');
    expect(where(found[0]!)).toBe('manuscript/02-governance.md:22:6');
  });

  it('does not read lowercase "todo" or words containing TODO as markers', async () => {
    const result = await checkProject('valid', append('A todo list and TODOS and MASTODON.'));
    expect(ofRule(result, 'draft-marker')).toEqual([]);
  });
});
