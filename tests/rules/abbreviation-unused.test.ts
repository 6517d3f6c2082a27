// abbreviation-unused: every entry of the abbreviations list is used.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/abbreviation-unused.js';
import { chapter, findings, places, runRules } from './domain-fixture.js';

const LIST = [
  '# Abbreviations', // 1
  '', // 2
  '| Abbreviation | Meaning |', // 3
  '|---|---|', // 4
  '| SDG | Sustainable Development Goal |', // 5
  '| SSC(s) | smart sustainable city |', // 6
  '| UN/CEFACT | United Nations Centre for Trade Facilitation and Electronic Business |', // 7
  '| WHO | World Health Organization |', // 8
  '| Habitat III | United Nations Conference on Housing and Sustainable Urban Development |', // 9
  '| SSC | smart sustainable city |', // 10
  '',
].join('\n');

describe('abbreviation-unused', () => {
  it('accepts entries used in the text (plurals, phrases, :sdg[...])', async () => {
    const body = 'SSCs follow :sdg[11]; UN/CEFACT standards; WHO data; Habitat III in Quito.';
    const list = LIST.replace('| SSC | smart sustainable city |\n', '');
    const result = await runRules(
      {
        chapters: { '01-introduction.md': chapter('introduction', body) },
        front: { '04-abbreviations.md': list },
      },
      [rule],
    );
    expect(findings(result, 'abbreviation-unused')).toEqual([]);
  });

  it('reports unused and duplicated rows at their line', async () => {
    const body = 'SSCs follow the SDGs.';
    const result = await runRules(
      {
        chapters: { '01-introduction.md': chapter('introduction', body) },
        front: { '04-abbreviations.md': LIST },
      },
      [rule],
    );
    const found = findings(result, 'abbreviation-unused');
    expect(places(result, 'abbreviation-unused')).toEqual([
      'manuscript/front/04-abbreviations.md:7:1',
      'manuscript/front/04-abbreviations.md:8:1',
      'manuscript/front/04-abbreviations.md:9:1',
      'manuscript/front/04-abbreviations.md:10:1',
    ]);
    expect(found[0]!.message).toContain('UN/CEFACT (United Nations Centre');
    expect(found[3]!.message).toContain('listed twice');
    expect(found[0]!.severity).toBe('warning');
  });
});
