// figure-alt: images have alt text that describes them.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/figure-alt.js';
import { chapter, findings, places, runRules } from './domain-fixture.js';

describe('figure-alt', () => {
  it('accepts descriptive alt text', async () => {
    const body =
      ':::figure{#fig:a}\nCaption\n\n![Line chart: the urban share rises](figures/a.svg)\n\nSource: UNECE.\n:::';
    const result = await runRules(
      { chapters: { '01-introduction.md': chapter('introduction', body) } },
      [rule],
    );
    expect(findings(result, 'figure-alt')).toEqual([]);
  });

  it('reports an empty alt and an alt that is the file name', async () => {
    const body = [
      ':::figure{#fig:a}', // 6
      'Caption', // 7
      '', // 8
      '![](figures/a.svg)', // 9
      ':::', // 10
      '', // 11
      'Inline ![urban-share](figures/urban-share.svg) image.', // 12
    ].join('\n');
    const result = await runRules(
      { chapters: { '01-introduction.md': chapter('introduction', body) } },
      [rule],
      'first',
    );
    const found = findings(result, 'figure-alt');
    expect(places(result, 'figure-alt')).toEqual([
      'manuscript/01-introduction.md:9:1',
      'manuscript/01-introduction.md:12:8',
    ]);
    expect(found[0]!.message).toContain('has no alt text');
    expect(found[1]!.message).toContain('does not describe the image urban-share.svg');
    expect(found.map((d) => d.severity)).toEqual(['warning', 'warning']);
  });
});
