/**
 * remark plugin: Pandoc citation syntax -> `cite` and `crossref` nodes.
 *
 *   [@key]  [@a; @b, p. 4]  [see @key, pp. 3-5]  [-@key]   parenthetical
 *   @key  @key [p. 4]                                        narrative
 *   @box:label  [Box @box:label]  @fig:x  @tbl:x  @sec:x     cross-references
 *
 * Keys follow Pandoc: a letter, digit or `_`, then letters, digits and internal
 * punctuation `:.#$%&-+?<>~/`, ending in a letter or digit; `@{...}` for anything else.
 * Text inside code, links and e-mail addresses is never read. (Hand-written:
 * no maintained remark plugin parses Pandoc citations for mdast 4.)
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { location, type Location } from 'vfile-location';

export const CROSSREF_PREFIXES = ['box', 'fig', 'tbl', 'sec'] as const;

export interface CiteItem {
  key: string;
  prefix: string;
  suffix: string;
  suppressAuthor: boolean;
}

export interface CiteNode {
  type: 'cite';
  mode: 'parenthetical' | 'narrative';
  items: CiteItem[];
  /** The source text, e.g. `[@a; @b, p. 4]`. */
  raw: string;
  position?: Position;
  data?: Record<string, unknown>;
}

export interface CrossrefItem {
  label: string;
  /** Words written before the reference inside brackets, e.g. `Box`. */
  prefix: string;
  suffix: string;
}

export interface CrossrefNode {
  type: 'crossref';
  bracketed: boolean;
  items: CrossrefItem[];
  raw: string;
  position?: Position;
  data?: Record<string, unknown>;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    cite: CiteNode;
    crossref: CrossrefNode;
  }
  interface RootContentMap {
    cite: CiteNode;
    crossref: CrossrefNode;
  }
}

const KEY = String.raw`(?:\{[^{}]+\}|[\p{L}\p{N}_](?:[\p{L}\p{M}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)`;
const ITEM = new RegExp(String.raw`^([\s\S]*?)(-?)@(${KEY})([\s\S]*)$`, 'u');
// `[...]` holding an `@` (checked in code: `\[[^[\]]*@[^[\]]*\]` backtracks quadratically on
// a long unclosed `[@a @b ...`, e.g. a 100,000-character pasted line).
const BRACKETED = /\[([^[\]]*)\](?![([:])/gu;
const NARRATIVE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_@.\-+])(-?)@(${KEY})(?:( \[)([^[\]@]*)\](?![([]))?`,
  'gu',
);

function unbrace(key: string): string {
  return key.startsWith('{') ? key.slice(1, -1) : key;
}

export function isCrossrefKey(key: string): boolean {
  const colon = key.indexOf(':');
  return colon > 0 && (CROSSREF_PREFIXES as readonly string[]).includes(key.slice(0, colon));
}

/** Parse the inside of `[...]`; undefined when it is not a citation (every item needs a key). */
export function parseBracketed(inner: string): { items: CiteItem[] } | undefined {
  const items: CiteItem[] = [];
  for (const part of inner.split(';')) {
    const match = ITEM.exec(part);
    if (!match) return undefined;
    const [, prefix = '', dash = '', key = '', suffix = ''] = match;
    if (prefix !== '' && !/\s$/u.test(prefix)) return undefined;
    items.push({
      key: unbrace(key),
      prefix: prefix.trim(),
      suffix: suffix.replace(/^\s*,?\s*/u, '').trim(),
      suppressAuthor: dash === '-',
    });
  }
  return items.length > 0 ? { items } : undefined;
}

type Found = { start: number; end: number; node: CiteNode | CrossrefNode };

function toNode(raw: string, items: CiteItem[], bracketed: boolean): CiteNode | CrossrefNode {
  if (items.every((i) => isCrossrefKey(i.key)))
    return {
      type: 'crossref',
      bracketed,
      raw,
      items: items.map((i) => ({ label: i.key, prefix: i.prefix, suffix: i.suffix })),
    };
  return { type: 'cite', mode: bracketed ? 'parenthetical' : 'narrative', raw, items };
}

/** Find citations and cross-references in a run of plain text. */
export function scanCitations(value: string): Found[] {
  const found: Found[] = [];
  for (const match of value.matchAll(BRACKETED)) {
    if (!match[1]!.includes('@')) continue;
    const parsed = parseBracketed(match[1]!);
    if (!parsed) continue;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      node: toNode(match[0], parsed.items, true),
    });
  }
  // Bracketed spans are in order and so are narrative matches: walk both once
  // (a `found.some` per match was quadratic on a line with thousands of citations).
  const bracketed = found.length;
  let next = 0;
  const covered = (i: number) => {
    while (next < bracketed && found[next]!.end <= i) next++;
    return next < bracketed && found[next]!.start <= i;
  };
  for (const match of value.matchAll(NARRATIVE)) {
    if (covered(match.index)) continue;
    const [, dash = '', key = '', open, locator] = match;
    const item: CiteItem = {
      key: unbrace(key),
      prefix: '',
      suffix: open ? locator!.trim() : '',
      suppressAuthor: dash === '-',
    };
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      node: toNode(match[0], [item], false),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

const OPAQUE = new Set([
  'inlineCode',
  'code',
  'link',
  'linkReference',
  'html',
  'definition',
  'yaml',
]);

/** Offset of `text[index]` in the file, when the text node is a verbatim slice of the source. */
function locate(
  node: Text,
  source: string,
  loc: Location,
  index: number,
  length: number,
): Position | undefined {
  const pos = node.position;
  if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return undefined;
  const slice = source.slice(pos.start.offset, pos.end.offset);
  const text = node.value.slice(index, index + length);
  let at = slice === node.value ? index : slice.indexOf(text);
  if (at < 0) at = 0;
  const point = (offset: number) => {
    const p = loc.toPoint(offset);
    return p
      ? { line: p.line, column: p.column, offset }
      : { line: pos.start.line, column: pos.start.column, offset };
  };
  return { start: point(pos.start.offset + at), end: point(pos.start.offset + at + text.length) };
}

export default function citations() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value ?? '');
    const loc = location(file);
    visit(tree, (node, index, parent) => {
      if (OPAQUE.has(node.type)) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return;
      const text = node as Text;
      if (!text.value.includes('@')) return;
      const found = scanCitations(text.value);
      if (found.length === 0) return;
      const out: PhrasingContent[] = [];
      let last = 0;
      for (const f of found) {
        if (f.start > last)
          out.push({
            type: 'text',
            value: text.value.slice(last, f.start),
            position: locate(text, source, loc, last, f.start - last),
          });
        f.node.position = locate(text, source, loc, f.start, f.end - f.start);
        out.push(f.node);
        last = f.end;
      }
      if (last < text.value.length)
        out.push({
          type: 'text',
          value: text.value.slice(last),
          position: locate(text, source, loc, last, text.value.length - last),
        });
      (parent as Parent).children.splice(index, 1, ...(out as Parent['children']));
      return index + out.length;
    });
  };
}
