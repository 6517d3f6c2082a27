/**
 * Translatable segments of a Markdown file: headings, paragraphs, list items,
 * table cells, box titles, captions, figure descriptions (alt text) and footnotes,
 * each with a stable id, a hash and its exact source range.
 *
 * Stable ids (see docs/translation.md): `s` + the first 12 hex digits of
 * SHA-256(file slug, structural path, normalised text), plus `-2`, `-3`, ...
 * only for identical segments at the same structural path in the same file.
 * The structural path is made of kinds, never of positions or counts
 * (e.g. `good-practice/list-item`), so editing, adding or removing another
 * segment does not change an id; editing a segment gives it a new id, which
 * `lock --verify` pairs with the old one by place ("changed").
 */
import { location } from 'vfile-location';
import path from 'node:path';
import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { sha256 } from '../core/source.js';
import type { MarkdownDoc } from '../core/types.js';
import {
  hasTranslatableText,
  inlineParts,
  partsToMarkdown,
  protectLead,
  type Part,
} from './inline.js';

export type SegmentKind =
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'table-cell'
  | 'box-title'
  | 'caption'
  | 'alt'
  | 'footnote';

export interface Segment {
  id: string;
  kind: SegmentKind;
  /** Structural path of kinds, e.g. `good-practice/list-item` (part of the id). */
  path: string;
  /** SHA-256 of the normalised text. */
  sha256: string;
  /** Normalised Markdown text (continuation prefixes removed, whitespace folded). */
  text: string;
  line: number;
  column: number;
  /** Source range [start, end) in the file text. */
  start: number;
  end: number;
  /** Continuation-line prefix removed from `parts` (indentation, `> `); '' when none. */
  prefix: string;
  /** The inline content, continuation prefixes removed; joined it is the segment's Markdown. */
  parts: Part[];
  /** What a translator should know: the box, heading level, figure or table it belongs to. */
  context: string;
  /** Attribute segments (box titles) are written back as an attribute value. */
  attribute?: { quote: '"' | "'" | '' };
}

/** The part of the file name that names a chapter, without its reading-order number. */
export function fileSlug(file: string): string {
  return path.basename(file, '.md').replace(/^\d+[-_]/, '');
}

export function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const BOXES = new Set(['good-practice', 'unece-support', 'recommendations']);

interface Raw {
  kind: SegmentKind;
  path: string;
  start: number;
  end: number;
  parts: Part[];
  context: string;
  attribute?: Segment['attribute'];
}

/** Remove one common continuation prefix from text parts; '' when lines differ. */
function stripPrefix(parts: Part[]): { prefix: string; parts: Part[] } {
  const joined = partsToMarkdown(parts);
  const prefixes = [...joined.matchAll(/\n([ \t>]*)/g)].map((m) => m[1]!);
  const prefix = prefixes[0] ?? '';
  if (prefix === '' || prefixes.some((p) => p !== prefix)) return { prefix: '', parts };
  // Codes keep their bytes; a code that spans lines (rare) keeps its prefix inside.
  return {
    prefix,
    parts: parts.map((p) =>
      p.t === 'text' ? { ...p, v: p.v.split(`\n${prefix}`).join('\n') } : p,
    ),
  };
}

/** Put the continuation prefix back (inverse of stripPrefix) for writing a file. */
export function restorePrefix(markdown: string, prefix: string): string {
  return prefix === '' ? markdown : markdown.split('\n').join(`\n${prefix}`);
}

function offsets(node: Nodes): [number, number] | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : [s, e];
}

/** Content range of a heading: without `#` markers, closing `#`s, `{#id}` or setext underline. */
function headingRange(source: string, s: number, e: number): [number, number] {
  let slice = source.slice(s, e);
  const setext = /\n[ \t]*(=+|-+)[ \t]*$/.exec(slice);
  if (setext) slice = slice.slice(0, setext.index);
  const open = /^[ \t]*#{1,6}(?:[ \t]+|$)/.exec(slice)?.[0].length ?? 0;
  let body = slice.slice(open);
  body = body.replace(/\s*\{#[^\s{}]+\}\s*$/, '');
  body = body.replace(/(?:[ \t]+#+)?[ \t]*$/, '');
  const lead = /^[ \t]*/.exec(body)![0].length;
  return [s + open + lead, s + open + body.length];
}

/** Content range of a table cell: without the pipes and padding around it. */
function cellRange(source: string, s: number, e: number): [number, number] {
  let a = s;
  let b = e;
  if (source[a] === '|') a += 1;
  while (a < b && /[ \t]/.test(source[a]!)) a += 1;
  if (b > a && source[b - 1] === '|' && source[b - 2] !== '\\') b -= 1;
  while (b > a && /[ \t]/.test(source[b - 1]!)) b -= 1;
  return [a, b];
}

/** The value range of `title=` in a directive's opening line. */
function titleAttribute(
  source: string,
  node: ContainerDirective,
): { start: number; end: number; quote: '"' | "'" | '' } | undefined {
  const at = offsets(node);
  if (!at || node.attributes?.title === undefined || node.attributes.title === null) return;
  const lineEnd = source.indexOf('\n', at[0]);
  const line = source.slice(at[0], lineEnd < 0 ? at[1] : lineEnd);
  const brace = line.indexOf('{');
  if (brace < 0) return;
  const match = /(?:^|[\s{])title\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`}]+))/.exec(
    line.slice(brace),
  );
  if (!match) return;
  const quote = match[1] !== undefined ? '"' : match[2] !== undefined ? "'" : '';
  const value = match[1] ?? match[2] ?? match[3] ?? '';
  const valueStart = at[0] + brace + match.index + match[0].length - value.length - quote.length;
  return { start: valueStart, end: valueStart + value.length, quote };
}

function describe(node: ContainerDirective): string {
  const title = node.attributes?.title;
  const where = [node.attributes?.city, node.attributes?.country].filter(Boolean).join(', ');
  return `${node.name} box${title ? ` "${title}"` : ''}${where ? ` (${where})` : ''}`;
}

/** Walk the tree and collect segments in reading order. */
function collect(doc: MarkdownDoc): Raw[] {
  const source = doc.text;
  const out: Raw[] = [];
  const push = (
    kind: SegmentKind,
    trail: string[],
    context: string[],
    children: PhrasingContent[],
    range: [number, number],
    lead = false,
  ) => {
    const inline = inlineParts(source, children, range[0], range[1]);
    const parts = lead ? protectLead(inline) : inline;
    if (!hasTranslatableText(parts)) return;
    out.push({
      kind,
      path: [...trail, kind].join('/'),
      start: range[0],
      end: range[1],
      parts,
      context: context.join('; '),
    });
  };

  const visit = (node: Nodes, trail: string[], context: string[]): void => {
    switch (node.type) {
      case 'heading': {
        const at = offsets(node);
        if (!at) return;
        const name = node.depth === 1 ? 'chapter title' : `heading level ${node.depth}`;
        push(
          'heading',
          [...trail, `h${node.depth}`],
          [...context, name],
          node.children,
          headingRange(source, ...at),
        );
        return;
      }
      case 'paragraph': {
        const at = offsets(node);
        if (!at) return;
        const only = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
        const image = only.length === 1 && only[0]!.type === 'image' ? only[0]! : undefined;
        if (image) {
          const span = offsets(image)!;
          const raw = source.slice(...span);
          const close = raw.lastIndexOf('](');
          if (raw.startsWith('![') && close > 2)
            push(
              'alt',
              trail,
              [...context, 'description of the image for readers who cannot see it'],
              [],
              [span[0] + 2, span[0] + close],
            );
          return;
        }
        const parent = trail.at(-1);
        const label = (node as Paragraph).data as { directiveLabel?: boolean } | undefined;
        const kind: SegmentKind = label?.directiveLabel
          ? 'caption'
          : parent === 'list-item'
            ? 'list-item'
            : parent === 'footnote'
              ? 'footnote'
              : 'paragraph';
        const path = kind === 'list-item' || kind === 'footnote' ? trail.slice(0, -1) : trail;
        push(kind, path, context, node.children, at, parent === 'figure' || parent === 'table');
        return;
      }
      case 'listItem':
        for (const child of node.children) visit(child, [...trail, 'list-item'], context);
        return;
      case 'footnoteDefinition':
        for (const child of node.children)
          visit(child, [...trail, 'footnote'], [...context, `footnote [^${node.identifier}]`]);
        return;
      case 'table':
        node.children.forEach((row, r) =>
          row.children.forEach((cell) => {
            const at = offsets(cell);
            if (!at) return;
            push(
              'table-cell',
              [...trail, r === 0 ? 'table-head' : 'table'],
              [...context, r === 0 ? 'table header cell' : 'table cell'],
              cell.children,
              cellRange(source, ...at),
            );
          }),
        );
        return;
      case 'containerDirective': {
        const directive = node as ContainerDirective;
        const here = [...trail, directive.name];
        const ctx = [...context, describe(directive)];
        if (BOXES.has(directive.name)) {
          const title = titleAttribute(source, directive);
          if (title && /\p{L}/u.test(source.slice(title.start, title.end)))
            out.push({
              kind: 'box-title',
              path: [...here, 'box-title'].join('/'),
              start: title.start,
              end: title.end,
              parts: [{ t: 'text', v: source.slice(title.start, title.end) }],
              context: ctx.join('; '),
              attribute: { quote: title.quote },
            });
        }
        // In a figure or table, the first paragraph (after a label) is the caption.
        const captioned = directive.name === 'figure' || directive.name === 'table';
        let captionDone = false;
        for (const child of directive.children) {
          const isLabel = (child.data as { directiveLabel?: boolean } | undefined)?.directiveLabel;
          if (captioned && !captionDone && child.type === 'paragraph' && !isLabel) {
            captionDone = true;
            const at = offsets(child);
            if (at) push('caption', here, [...ctx, 'caption'], child.children, at);
            continue;
          }
          visit(child, here, ctx);
        }
        return;
      }
      case 'root':
      case 'blockquote':
      case 'list':
        for (const child of node.children) visit(child as Nodes, trail, context);
        return;
      default:
        // code, html, yaml, definitions, thematic breaks, leaf directives: not translated.
        return;
    }
  };
  visit(doc.tree, [], []);
  return out;
}

/** Segments of a parsed Markdown file, with stable ids. */
export function segmentsOf(doc: MarkdownDoc): Segment[] {
  if (!doc.readable) return [];
  const slug = fileSlug(doc.path);
  const seen = new Map<string, number>();
  const where = location(doc.text);
  const place = (offset: number) => {
    const point = where.toPoint(offset);
    return { line: point?.line ?? 1, column: point?.column ?? 1 };
  };
  return collect(doc).map((raw) => {
    const { prefix, parts } = stripPrefix(raw.parts);
    const text = normalise(partsToMarkdown(parts));
    const key = `${slug}\u0000${raw.path}\u0000${text}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const id = `s${sha256(key).slice(0, 12)}${n > 1 ? `-${n}` : ''}`;
    const segment: Segment = {
      id,
      kind: raw.kind,
      path: raw.path,
      sha256: sha256(text),
      text,
      ...place(raw.start),
      start: raw.start,
      end: raw.end,
      prefix,
      parts,
      context: raw.context,
    };
    if (raw.attribute) segment.attribute = raw.attribute;
    return segment;
  });
}
