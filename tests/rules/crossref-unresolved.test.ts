// crossref-unresolved: cross-references and hand-written numbers point at something.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/crossref-unresolved.js';
import { chapter, findings, places, runRules } from './domain-fixture.js';

const one = chapter(
  'introduction',
  [
    '## Purpose {#sec:purpose}', // 6
    '', // 7
    ':::good-practice{#box:open-data country=ESP city="Barcelona" title="Open data"}', // 8
    'X', // 9
    ':::', // 10
    '', // 11
    ':::figure{#fig:share}', // 12
    'Urban share', // 13
    '', // 14
    '![Line chart](figures/a.svg)', // 15
    ':::', // 16
  ].join('\n'),
);

describe('crossref-unresolved', () => {
  it('accepts references to labelled boxes, figures, sections and existing numbers', async () => {
    const two = chapter(
      'governance',
      'See @box:open-data, [Figure @fig:share] and @sec:purpose; as Box 1.1 and Figure 1.1 show. Table 2.1 of the report [@x] is elsewhere.',
    );
    const result = await runRules(
      { chapters: { '01-introduction.md': one, '02-governance.md': two } },
      [rule],
    );
    expect(findings(result, 'crossref-unresolved')).toEqual([]);
  });

  it('reports dangling labels with the nearest label, and numbers that point nowhere', async () => {
    const two = chapter(
      'governance',
      [
        'See @box:open-dat and [Box @box:nowhere].',
        'As Box 3.2 shows.',
        'Mixed [@unece2015; see @fig:shares].',
        'Chapter 2 and chapter 3 of the report exist; Chapter 7 does not.',
      ].join('\n'),
    );
    const result = await runRules(
      { chapters: { '01-introduction.md': one, '02-governance.md': two } },
      [rule],
      'first',
    );
    const found = findings(result, 'crossref-unresolved');
    expect(places(result, 'crossref-unresolved')).toEqual([
      'manuscript/02-governance.md:6:5',
      'manuscript/02-governance.md:6:23',
      'manuscript/02-governance.md:7:4',
      'manuscript/02-governance.md:8:7',
      'manuscript/02-governance.md:9:46',
    ]);
    expect(found.map((d) => d.suggestion)).toEqual([
      '@box:open-data',
      undefined,
      undefined,
      '@fig:share',
      undefined,
    ]);
    expect(found[4]!.message).toBe(
      '"Chapter 7" points nowhere: the publication has 2 chapters; correct the number.',
    );
    expect(found[0]!.message).toContain('did you mean `@box:open-data` (Box 1.1)?');
    expect(found[2]!.message).toContain('"Box 3.2" points nowhere');
    expect(found[0]!.severity).toBe('warning');
  });
});
