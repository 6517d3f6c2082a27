import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { mendBibtex, parseBibliography, splitBibtex } from '../../src/core/bibliography.js';

function parse(text: string) {
  const file = new VFile({ path: 'refs.bib', value: text });
  return parseBibliography({ path: '/x/refs.bib', file, text, sha256: 'x', readable: true });
}

describe('bibliography', () => {
  it('splits entries with their lines, skipping @string and comments', () => {
    const chunks = splitBibtex(
      '@string{un = {United Nations}}\n% note\n@book{a,\n title={X}}\n\n@misc{b, title={Y}}\n',
    );
    expect(chunks.map((c) => [c.type, c.key, c.line])).toEqual([
      ['string', 'un', 1],
      ['book', 'a', 3],
      ['misc', 'b', 6],
    ]);
  });

  it('uses @string macros when an entry is parsed on its own', () => {
    const bib = parse(
      '@string{un = {United Nations}}\n@book{a, publisher = un, title = {X}, year = 2015}\n@misc{bad, title = ,}\n',
    );
    expect(bib.byKey.get('a')!.item!.publisher).toBe('United Nations');
    expect(bib.file.messages.map((m) => m.ruleId)).toEqual(['bib-parse-error']);
  });

  it('mends what citation-js does not decode', () => {
    expect(
      mendBibtex("title = {{\\AA}land and {\\aa}rhus, 5\\,km, {\\euro}5, \\LaTeX{}, Mar{\\'\\i}a}"),
    ).toBe('title = {Åland and århus, 5\u202fkm, €5, LaTeX, María}');
    expect(mendBibtex('@misc{k, howpublished = {\\url{https://unece.org}}}')).toContain(
      'url = {https://unece.org}',
    );
  });

  it('turns `and others` into an et al. flag instead of an author named others', () => {
    const bib = parse('@article{k, author = {Smith, John and others}, title = {T}, year = 2020}\n');
    const item = bib.byKey.get('k')!.item!;
    expect(item.author).toEqual([{ family: 'Smith', given: 'John' }]);
    expect(item._etal).toBe(true);
  });

  it('keeps corporate authors as one name and Cyrillic names intact', () => {
    const bib = parse(
      '@book{k, author = {{United Nations Economic Commission for Europe}}, title = {T}, year = 2020}\n@book{r, author = {Иванов, Иван}, title = {Т}, year = 2019}\n',
    );
    expect(bib.byKey.get('k')!.item!.author).toEqual([
      { literal: 'United Nations Economic Commission for Europe' },
    ]);
    expect(bib.byKey.get('r')!.item!.author![0]!.family).toBe('Иванов');
  });
});
