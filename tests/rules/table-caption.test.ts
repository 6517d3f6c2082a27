// table-caption: tables (and figures) have a caption.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/table-caption.js';
import { chapter, findings, places, runRules } from './domain-fixture.js';

const TABLE = '| A | B |\n|---|---|\n| 1 | 2 |';

describe('table-caption', () => {
  it('accepts captioned tables and figures, and the abbreviations table of the front matter', async () => {
    const body = `:::table{#tbl:a}\nKPIs by dimension\n\n${TABLE}\n\nSource: ITU.\n:::\n\n:::figure\nA chart\n\n![Chart](a.svg)\n:::`;
    const result = await runRules(
      {
        chapters: { '01-introduction.md': chapter('introduction', body) },
        front: {
          '04-abbreviations.md': `# Abbreviations\n\n| Abbreviation | Meaning |\n|---|---|\n| SDG | Sustainable Development Goal |\n`,
        },
      },
      [rule],
    );
    expect(findings(result, 'table-caption')).toEqual([]);
  });

  it('reports a :::table without caption, a bare table and a figure without caption', async () => {
    const body = [
      `:::table{#tbl:a}\n${TABLE}\n\nSource: ITU.\n:::`, // 6-11
      TABLE, // 13-15
      ':::figure\n![Chart](a.svg)\n\nSource: X.\n:::', // 17
    ].join('\n\n');
    const result = await runRules(
      { chapters: { '01-introduction.md': chapter('introduction', body) } },
      [rule],
    );
    const found = findings(result, 'table-caption');
    expect(places(result, 'table-caption')).toEqual([
      'manuscript/01-introduction.md:6:1',
      'manuscript/01-introduction.md:14:1',
      'manuscript/01-introduction.md:18:1',
    ]);
    expect(found[0]!.message).toContain('the table `tbl:a` has no caption');
    expect(found[1]!.message).toContain('wrap it in `:::table{#tbl:label}`');
    expect(found[2]!.message).toContain('the figure has no caption');
    expect(found[0]!.severity).toBe('error');
  });
});
