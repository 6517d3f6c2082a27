/**
 * fast-check generators for the fuzz tests: token soups built from the syntax
 * that matters to each parser (Markdown + flagship's directives and citations,
 * YAML front matter and manuscript.yaml, BibTeX), mutations of the valid
 * fixture (what an edit by many hands or a paste does to a good file), raw
 * bytes (binary, broken UTF-8, BOM, Latin-1), and whole projects made of them.
 */
import fc from 'fast-check';
import type { ProjectFiles } from './fuzz-support.js';

/** Tokens that change how Markdown, flagship's syntax or pasted text parse. */
const MARKDOWN_TOKENS = [
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '    ',
  '# ',
  '## ',
  '###### ',
  '#',
  '*',
  '**',
  '_',
  '~~',
  '`',
  '```',
  '~~~',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '<',
  '>',
  '> ',
  '- ',
  '1. ',
  '|',
  '| --- |',
  '\\',
  '&amp;',
  '&#0;',
  '@',
  '-@',
  '@unece2015',
  '@itu2016',
  '@missing-key',
  '@{odd key}',
  '[@unece2015]',
  '[@a; @b, p. 4]',
  '[see @itu2016, pp. 3-5]',
  '[-@unece2015]',
  '@box:open-data',
  '[Box @box:x]',
  '@fig:',
  '{#sec:intro}',
  '{#',
  ':',
  '::',
  ':::',
  ':::good-practice{country=ESP city="Barcelona" title="x"}',
  ':::unece-support{title="y"}',
  ':::recommendations',
  ':::figure',
  '::recommendations-summary',
  ':comment[check this]{by="reviewer"}',
  ':sdg[11.7]',
  ':kpi[EC: ICT: ICT: 1C]',
  ':unknown-thing',
  '{',
  '}',
  '{country=',
  '"',
  '---',
  '---\n',
  'TODO',
  'TBD',
  '[^1]',
  '[^1]: note',
  '<script>alert(1)</script>',
  '<img src="http://example.com/x.png" onerror="x()">',
  '<!--',
  '-->',
  '<div>',
  '</div>',
  'javascript:alert(1)',
  '[link](javascript:alert(1))',
  '![img](../../etc/passwd)',
  'https://example.org/',
  'mail@example.org',
  'é',
  'e\u0301',
  '\u00a0',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\u2028',
  '😀',
  'Ⅻ',
  'Привет',
  '城市',
  'word',
  'Governance of SSCs',
  'Introduction',
];

/** A run of Markdown tokens and free text (any Unicode, including lone surrogates). */
export const markdownText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...MARKDOWN_TOKENS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

/** YAML-ish tokens for front matter and manuscript.yaml. */
const YAML_TOKENS = [
  '\n',
  '  ',
  '- ',
  ': ',
  ':',
  'id',
  'id: introduction',
  'id: governance',
  'title',
  'title: Introduction',
  'toc',
  'toc:',
  'version: 0.3.0',
  'version: 1',
  'draft: first',
  'draft: final',
  'draft: nope',
  'bibliography: ../references.bib',
  'required_elements: [good-practice]',
  'drafts:',
  'first: { due: 2020-01-31 }',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '&anchor',
  '*anchor',
  '<<: *anchor',
  '!!binary',
  '!!js/function',
  '? ',
  '|',
  '>',
  '#',
  '---',
  '...',
  '~',
  'null',
  'true',
  '0x1F',
  '1e400',
  '\t',
  '%YAML 1.2',
];

export const yamlText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...YAML_TOKENS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 10, unit: 'grapheme' }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** BibTeX tokens: entry heads, keys, fields, braces, quotes, macros, TeX accents. */
const BIBTEX_TOKENS = [
  '\n',
  ' ',
  '@',
  '@book{',
  '@article{',
  '@misc(',
  '@techreport{',
  '@string{',
  '@preamble{',
  '@comment{',
  '@online{',
  'key,',
  'unece2015,',
  'itu2016,',
  'e\u0301tude,',
  'étude,',
  ',',
  'author = {',
  'author = "',
  'title = {',
  'year = 2020,',
  'year = {2020},',
  'date = {2020-13-45},',
  'howpublished = {\\url{http://x}},',
  'X and others',
  ' and ',
  '{{United Nations}}',
  '{',
  '}',
  '(',
  ')',
  '"',
  '#',
  '=',
  '\\',
  "\\'",
  "{\\'e}",
  '{\\aa}',
  '\\,',
  '{\\euro}',
  '\\LaTeX',
  "{\\'\\i}",
  '\\url{',
  '%',
  'Москва',
  '城市',
  'word',
];

export const bibtexText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...BIBTEX_TOKENS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 10, unit: 'grapheme' }) },
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

/** One edit of a text: delete, insert, duplicate or swap a range. */
type Edit =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'swap'; a: number; b: number; length: number };

const edit = (insertion: fc.Arbitrary<string>): fc.Arbitrary<Edit> =>
  fc.oneof(
    fc.record({
      op: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 40 }),
    }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
    fc.record({
      op: fc.constant('duplicate' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 80 }),
    }),
    fc.record({
      op: fc.constant('swap' as const),
      a: fc.nat(),
      b: fc.nat(),
      length: fc.integer({ min: 1, max: 20 }),
    }),
  );

function applyEdit(text: string, e: Edit): string {
  const n = text.length + 1;
  switch (e.op) {
    case 'delete': {
      const at = e.at % n;
      return text.slice(0, at) + text.slice(at + e.length);
    }
    case 'insert': {
      const at = e.at % n;
      return text.slice(0, at) + e.text + text.slice(at);
    }
    case 'duplicate': {
      const at = e.at % n;
      return text.slice(0, at + e.length) + text.slice(at);
    }
    case 'swap': {
      const a = e.a % n;
      const b = e.b % n;
      const [x, y] = a < b ? [a, b] : [b, a];
      if (y < x + e.length) return text;
      return (
        text.slice(0, x) +
        text.slice(y, y + e.length) +
        text.slice(x + e.length, y) +
        text.slice(x, x + e.length) +
        text.slice(y + e.length)
      );
    }
  }
}

/** A text after one to eight edits whose insertions come from `insertion`. */
export function mutated(text: string, insertion: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .array(edit(insertion), { minLength: 1, maxLength: 8 })
    .map((edits) => edits.reduce(applyEdit, text));
}

/** Bytes as a paste or an export may leave them: BOM, Latin-1, broken UTF-8, NUL. */
export const hostileBytes = (text: string): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.constant(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')])),
    fc.constant(new Uint8Array(Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'))),
    fc.constant(new Uint8Array(Buffer.from(`${text}\nCaf\u00e9`, 'latin1'))),
    fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, junk]) => {
      const bytes = Buffer.from(text, 'utf8');
      const i = at % (bytes.length + 1);
      return new Uint8Array([...bytes.subarray(0, i), ...junk, ...bytes.subarray(i)]);
    }),
  );

/** A chapter: optional front matter, then Markdown. */
export const chapterText: fc.Arbitrary<string> = fc
  .tuple(fc.option(fc.oneof(yamlText, fc.constant('id: introduction'))), markdownText)
  .map(([front, body]) => (front === null ? body : `---\n${front}\n---\n${body}`));

/** A project whose files are the fixture's with some replaced, mutated or made hostile. */
export function projectFrom(base: Record<string, string>): fc.Arbitrary<ProjectFiles> {
  const file = (rel: string, generated: fc.Arbitrary<string>, insertion: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<string | Uint8Array>(base[rel]!) },
      { weight: 3, arbitrary: mutated(base[rel]!, insertion) as fc.Arbitrary<string | Uint8Array> },
      { weight: 2, arbitrary: generated as fc.Arbitrary<string | Uint8Array> },
      { weight: 1, arbitrary: hostileBytes(base[rel]!) as fc.Arbitrary<string | Uint8Array> },
    );
  return fc
    .record({
      'manuscript/manuscript.yaml': file('manuscript/manuscript.yaml', yamlText, yamlText),
      'manuscript/01-introduction.md': file(
        'manuscript/01-introduction.md',
        chapterText,
        markdownText,
      ),
      'manuscript/02-governance.md': file('manuscript/02-governance.md', chapterText, markdownText),
      'manuscript/front/01-foreword.md': file(
        'manuscript/front/01-foreword.md',
        markdownText,
        markdownText,
      ),
      'references.bib': file('references.bib', bibtexText, bibtexText),
      extra: fc.option(chapterText),
    })
    .map(({ extra, ...files }) => {
      const out: ProjectFiles = { ...files };
      if (extra !== null) out['manuscript/03-extra.md'] = extra;
      return out;
    });
}
