/**
 * Segments: what is translatable, that the parts give the source back byte for
 * byte, and that ids survive edits elsewhere in the file.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDoc } from '../../src/core/parse.js';
import { sha256 } from '../../src/core/source.js';
import { applyTargets } from '../../src/translation/apply.js';
import { partsToMarkdown } from '../../src/translation/inline.js';
import { segmentsOf } from '../../src/translation/segments.js';

function doc(text: string, name = '01-introduction.md') {
  const file = new VFile({ path: `manuscript/${name}`, value: text });
  return parseDoc(
    { path: `/m/${name}`, file, text, sha256: sha256(text), readable: true },
    'chapter',
  );
}

const TEXT = `---
id: introduction
---
# Introduction {#sec:intro}

Smart cities [@a, p. 4] are *innovative*, see @box:x and :sdg[11.7] and the
[initiative](https://example.org).[^1]

- First item
  continued.
- Second **item**.

| Dimension | KPIs |
|-----------|-----:|
| Economy   | 20   |

:::good-practice{#box:x country=ESP city="Barcelona" title="Open data"}
Barcelona publishes data.
:::

:::figure{#fig:y}
Urban share

![A line chart](figures/y.svg)

Source: @a, table 2.
:::

[^1]: A footnote [-@a].
`;

describe('segmentsOf', () => {
  const segments = segmentsOf(doc(TEXT));

  it('finds headings, paragraphs, list items, table cells, box titles, captions, alt text and footnotes', () => {
    expect(segments.map((s) => `${s.kind}:${s.text}`)).toEqual([
      'heading:Introduction',
      'paragraph:Smart cities [@a, p. 4] are *innovative*, see @box:x and :sdg[11.7] and the [initiative](https://example.org).[^1]',
      'list-item:First item continued.',
      'list-item:Second **item**.',
      'table-cell:Dimension',
      'table-cell:KPIs',
      'table-cell:Economy',
      'box-title:Open data',
      'paragraph:Barcelona publishes data.',
      'caption:Urban share',
      'alt:A line chart',
      'paragraph:Source: @a, table 2.',
      'footnote:A footnote [-@a].',
    ]);
  });

  it('protects citations, cross-references, directives, footnote markers, links and emphasis as codes', () => {
    const para = segments[1]!;
    const codes = para.parts.filter((p) => p.t !== 'text').map((p) => `${p.t}:${p.v}`);
    expect(codes).toEqual([
      'ph:[@a, p. 4]',
      'open:*',
      'close:*',
      'ph:@box:x',
      'ph::sdg[11.7]',
      'open:[',
      'close:](https://example.org)',
      'ph:[^1]',
    ]);
  });

  it('protects the Source: lead of a figure, which the layout prints in the edition language', () => {
    const source = segments.find((s) => s.text.startsWith('Source:'))!;
    expect(source.parts.slice(0, 2)).toEqual([
      { t: 'ph', kind: 'label', v: 'Source: ' },
      { t: 'ph', kind: 'cite', v: '@a' },
    ]);
  });

  it('gives the exact source back when every segment is replaced by itself', () => {
    const same = new Map(segments.map((s) => [s.id, partsToMarkdown(s.parts)]));
    expect(applyTargets(TEXT, segments, same)).toBe(TEXT);
  });

  it('keeps ids when another segment changes or a paragraph is added elsewhere', () => {
    const edited = TEXT.replace(
      'Barcelona publishes data.',
      'Barcelona publishes much data.',
    ).replace(
      '# Introduction {#sec:intro}\n',
      '# Introduction {#sec:intro}\n\nA new opening paragraph.\n',
    );
    const after = segmentsOf(doc(edited));
    const ids = new Set(after.map((s) => s.id));
    const changed = segments.filter((s) => !ids.has(s.id));
    expect(changed.map((s) => s.text)).toEqual(['Barcelona publishes data.']);
    expect(after.length).toBe(segments.length + 1);
  });

  it('numbers identical segments at the same place only among themselves', () => {
    const text = '# T\n\n| A |\n|---|\n| Economy |\n| Economy |\n\nEconomy\n';
    const ids = segmentsOf(doc(text)).map((s) => s.id);
    const [, , c1, c2, para] = ids;
    expect(c2).toBe(`${c1}-2`);
    expect(para).not.toContain('-');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives the same text a different id in another file', () => {
    const a = segmentsOf(doc('# Same\n', '01-a.md'))[0]!.id;
    const b = segmentsOf(doc('# Same\n', '02-b.md'))[0]!.id;
    expect(a).not.toBe(b);
  });
});
