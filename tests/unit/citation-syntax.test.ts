import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { parseMarkdownTree } from '../../src/core/parse.js';
import { parseBracketed, scanCitations } from '../../src/core/syntax/citations.js';

const keys = (text: string) =>
  scanCitations(text).map((f) =>
    f.node.type === 'cite' ? f.node.items.map((i) => i.key) : f.node.items.map((i) => i.label),
  );

describe('Pandoc citation syntax', () => {
  it('reads bracketed citations with prefixes, locators and suppressed authors', () => {
    expect(parseBracketed('see @a, p. 4; -@b')).toEqual({
      items: [
        { key: 'a', prefix: 'see', suffix: 'p. 4', suppressAuthor: false },
        { key: 'b', prefix: '', suffix: '', suppressAuthor: true },
      ],
    });
  });

  it('rejects brackets where an item has no key', () => {
    expect(parseBracketed('@a; no key here')).toBeUndefined();
    expect(parseBracketed('email me@x.org')).toBeUndefined();
  });

  it('finds narrative citations but not e-mail-like text', () => {
    expect(keys('As @smith2020 shows, and user@host.org says')).toEqual([['smith2020']]);
  });

  it('trims trailing punctuation from keys', () => {
    expect(keys('As shown by @un2015agenda.')).toEqual([['un2015agenda']]);
    expect(keys('(@itu2016y4903)')).toEqual([['itu2016y4903']]);
  });

  it('keeps internal punctuation and braced keys', () => {
    expect(keys('[@ECE/HBP/184; @{odd key}]')).toEqual([['ECE/HBP/184', 'odd key']]);
  });

  it('reads a narrative locator', () => {
    const [found] = scanCitations('@smith2020 [p. 33] says');
    expect(found!.node.type === 'cite' && found!.node.items[0]!.suffix).toBe('p. 33');
  });

  it('turns prefixed keys into cross-references', () => {
    const found = scanCitations('see @box:open-data and [Figure @fig:urban]');
    expect(found.map((f) => f.node.type)).toEqual(['crossref', 'crossref']);
    expect(found[1]!.node.type === 'crossref' && found[1]!.node.items[0]).toEqual({
      label: 'fig:urban',
      prefix: 'Figure',
      suffix: '',
    });
  });

  it('does not read Markdown links, code or e-mail autolinks as citations', () => {
    const file = new VFile({
      path: 'x.md',
      value: '[@a](https://example.org) `@b` <me@c.org> and [@d].',
    });
    const tree = parseMarkdownTree({
      path: 'x.md',
      file,
      text: String(file.value),
      sha256: '',
      readable: true,
    });
    const cited: string[] = [];
    visit(tree, 'cite', (node) => {
      cited.push(...node.items.map((i) => i.key));
    });
    expect(cited).toEqual(['d']);
  });
});
