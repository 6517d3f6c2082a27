/**
 * The inline content of one translatable segment as a list of parts: runs of
 * translatable text and protected codes (citations, cross-references,
 * directives, footnote markers, code, links' targets, emphasis markers).
 *
 * Every part carries its exact Markdown source, so joining the parts gives the
 * segment's source back byte for byte: that is what makes XLIFF export/import
 * lossless. Text runs are cut from the source between the native mdast inline
 * nodes (whose positions micromark sets exactly); citations and cross-references
 * inside those runs are found again with flagship's own scanner, because their
 * positions are computed after indentation is stripped and can be off by a line.
 */
import type { PhrasingContent } from 'mdast';
import { scanCitations } from '../core/syntax/citations.js';

/** What kind of protected code a part is (drives the XLIFF `type`/`subType`). */
export type CodeKind =
  | 'cite'
  | 'crossref'
  | 'directive'
  | 'footnote'
  | 'code'
  | 'link'
  | 'image'
  | 'break'
  | 'html'
  | 'emphasis'
  | 'strong'
  | 'delete'
  /** The `Source:` / `Note:` lead of a figure's or table's paragraph: the layout prints it localised. */
  | 'label';

export type Part =
  | { t: 'text'; v: string }
  /** A standalone code: the translator may move it but not change it. */
  | { t: 'ph'; kind: CodeKind; v: string }
  /** A paired code around translatable text (`*...*`, `[...](url)`). */
  | { t: 'open'; kind: CodeKind; v: string; pair: number }
  | { t: 'close'; kind: CodeKind; v: string; pair: number };

interface Ctx {
  source: string;
  pairs: number;
}

/** Split a raw text run into text and citation / cross-reference codes. */
function textRun(raw: string, out: Part[]): void {
  if (raw === '') return;
  let last = 0;
  if (raw.includes('@'))
    for (const found of scanCitations(raw)) {
      if (found.start > last) out.push({ t: 'text', v: raw.slice(last, found.start) });
      out.push({
        t: 'ph',
        kind: found.node.type === 'crossref' ? 'crossref' : 'cite',
        v: raw.slice(found.start, found.end),
      });
      last = found.end;
    }
  if (last < raw.length) out.push({ t: 'text', v: raw.slice(last) });
}

function span(node: PhrasingContent): [number, number] | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : [s, e];
}

/** Length of the opening delimiter of emphasis-like nodes, read from the source. */
function delimiter(source: string, at: number, chars: string): number {
  let n = 0;
  while (chars.includes(source[at + n] ?? '')) n += 1;
  return n;
}

/** Tokenise the source range [start, end) whose inline nodes are `children`. */
function walk(children: PhrasingContent[], start: number, end: number, ctx: Ctx, out: Part[]) {
  let at = start;
  for (const child of children) {
    if (child.type === 'text') continue; // text is whatever lies between the other nodes
    // Citations and cross-references are re-found in the raw text runs.
    if ((child.type as string) === 'cite' || (child.type as string) === 'crossref') continue;
    const range = span(child);
    if (!range || range[0] < at || range[1] > end) continue;
    const [s, e] = range;
    textRun(ctx.source.slice(at, s), out);
    paired(child, s, e, ctx, out);
    at = e;
  }
  textRun(ctx.source.slice(at, end), out);
}

function pair(
  kind: CodeKind,
  open: [number, number],
  close: [number, number],
  child: PhrasingContent & { children: PhrasingContent[] },
  ctx: Ctx,
  out: Part[],
) {
  const id = (ctx.pairs += 1);
  out.push({ t: 'open', kind, v: ctx.source.slice(open[0], open[1]), pair: id });
  walk(child.children, open[1], close[0], ctx, out);
  out.push({ t: 'close', kind, v: ctx.source.slice(close[0], close[1]), pair: id });
}

/** One non-text inline node: a paired code around translatable children, or a placeholder. */
function paired(child: PhrasingContent, s: number, e: number, ctx: Ctx, out: Part[]) {
  const raw = ctx.source.slice(s, e);
  const ph = (kind: CodeKind) => out.push({ t: 'ph', kind, v: raw });
  switch (child.type) {
    case 'emphasis':
    case 'strong':
    case 'delete': {
      const n = delimiter(ctx.source, s, child.type === 'delete' ? '~' : '*_');
      const kind = child.type;
      if (n === 0 || e - n <= s + n || child.children.length === 0) return ph(kind);
      return pair(kind, [s, s + n], [e - n, e], child, ctx, out);
    }
    case 'link':
    case 'linkReference': {
      // [text](url "title") and [text][ref]: the text is translated, the target is not.
      // Autolinks, <url> and shortcut references ([ref]) are protected whole.
      const close = child.type === 'link' ? raw.lastIndexOf('](') : raw.lastIndexOf('][');
      if (!raw.startsWith('[') || close <= 0 || child.children.length === 0) return ph('link');
      if (child.type === 'linkReference' && raw.slice(close + 2, -1) === '') return ph('link');
      return pair('link', [s, s + 1], [s + close, e], child, ctx, out);
    }
    case 'inlineCode':
      return ph('code');
    case 'footnoteReference':
      return ph('footnote');
    case 'image':
    case 'imageReference':
      return ph('image');
    case 'break':
      return ph('break');
    case 'html':
      return ph('html');
    default:
      // textDirective (:sdg[..], :kpi[..], :comment[..]) and anything unknown: protected whole.
      return ph('directive');
  }
}

/** Parts of the source range [start, end) holding `children`. */
export function inlineParts(
  source: string,
  children: PhrasingContent[],
  start: number,
  end: number,
): Part[] {
  const out: Part[] = [];
  walk(children, start, end, { source, pairs: 0 }, out);
  return merge(out);
}

const LEAD = /^\s*(?:Sources?|Note)\s*:\s*/i;

/**
 * Make the `Source:` / `Note:` lead of a paragraph a protected code: the layout
 * recognises it by these English words and prints the localised label itself.
 */
export function protectLead(parts: Part[]): Part[] {
  const first = parts[0];
  const lead = first?.t === 'text' ? LEAD.exec(first.v) : null;
  if (!first || !lead) return parts;
  const rest = first.v.slice(lead[0].length);
  return [
    { t: 'ph', kind: 'label', v: lead[0] },
    ...(rest ? [{ t: 'text' as const, v: rest }] : []),
    ...parts.slice(1),
  ];
}

/** Merge adjacent text parts (a skipped node can leave two in a row). */
function merge(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    const prev = out.at(-1);
    if (part.t === 'text' && prev?.t === 'text') prev.v += part.v;
    else out.push({ ...part });
  }
  return out;
}

/** The Markdown source of parts (the inverse of `inlineParts`). */
export function partsToMarkdown(parts: Part[]): string {
  return parts.map((p) => p.v).join('');
}

/** True when the parts hold something to translate (a letter), not only codes and punctuation. */
export function hasTranslatableText(parts: Part[]): boolean {
  return parts.some((p) => p.t === 'text' && /\p{L}/u.test(p.v));
}

/** The plain text a translator reads (codes removed, whitespace folded). */
export function plainText(parts: Part[]): string {
  return parts
    .filter((p) => p.t === 'text')
    .map((p) => p.v)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
