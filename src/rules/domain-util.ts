/**
 * Helpers shared by the domain rules (boxes, SDGs, KPIs, abbreviations,
 * cross-references): where a directive attribute is written, the text runs of a
 * document that prose checks read, and positions inside a text node.
 */
import type { Parent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Node, Point } from 'unist';
import type { MarkdownDoc } from '../core/types.js';

export type Directive = ContainerDirective | LeafDirective | TextDirective;

/** Where `name=` is written in a directive's opening line, or the directive's start. */
export function attributePlace(doc: MarkdownDoc, node: Directive, name: string): Point | undefined {
  const start = node.position?.start;
  if (!start || start.offset === undefined) return start;
  const lineEnd = doc.text.indexOf('\n', start.offset);
  const line = doc.text.slice(start.offset, lineEnd === -1 ? undefined : lineEnd);
  const match = new RegExp(String.raw`[\s{]${name}\s*=`).exec(line);
  if (!match) return start;
  return { line: start.line, column: start.column + match.index + 1 };
}

/** Nodes whose text is not prose: code, HTML, front matter, link targets shown as text. */
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'yaml', 'definition', 'cite', 'crossref']);

export interface TextRun {
  node: Text;
  /** Ancestors, outermost first (root excluded). */
  ancestors: Parent[];
}

const plainRuns = new WeakMap<Node, readonly TextRun[]>();

/**
 * Every text node a reader sees as prose, in document order. Skips code, HTML,
 * citations, and autolinks (a link whose text is its URL). Text directives are
 * skipped unless `keepDirective` accepts them. Without `keepDirective` the runs
 * are found once per tree and shared (five rules read them; rules do not change
 * the trees), so do not modify the array.
 */
export function proseRuns(
  doc: MarkdownDoc,
  keepDirective?: (node: Directive) => boolean,
): readonly TextRun[] {
  if (keepDirective) return findRuns(doc, keepDirective);
  let runs = plainRuns.get(doc.tree);
  if (!runs) plainRuns.set(doc.tree, (runs = findRuns(doc, () => false)));
  return runs;
}

function findRuns(doc: MarkdownDoc, keepDirective: (node: Directive) => boolean): TextRun[] {
  const runs: TextRun[] = [];
  const walk = (node: Node, ancestors: Parent[]) => {
    if (NOT_PROSE.has(node.type)) return;
    if (node.type === 'textDirective' && !keepDirective(node as TextDirective)) return;
    if (node.type === 'link') {
      const link = node as Parent & { url: string };
      const only = link.children.length === 1 ? link.children[0] : undefined;
      const bare = (u: string) => u.replace(/^mailto:/, '');
      if (only?.type === 'text' && bare((only as Text).value) === bare(link.url)) return;
    }
    if (node.type === 'text') {
      runs.push({ node: node as Text, ancestors });
      return;
    }
    const children = (node as Parent).children;
    if (!Array.isArray(children)) return;
    const next = node.type === 'root' ? ancestors : [...ancestors, node as Parent];
    for (const child of children) walk(child, next);
  };
  walk(doc.tree, []);
  return runs;
}

/**
 * The point of `value.slice(index, index + length)` inside a text node: exact when
 * the source slice holds the same text (escapes, indentation and entities
 * aside), else the node's start.
 */
export function pointIn(
  doc: MarkdownDoc,
  node: Text,
  index: number,
  length = 0,
): Point | undefined {
  const pos = node.position;
  if (!pos) return undefined;
  const { start, end } = pos;
  if (start.offset === undefined || end.offset === undefined) return start;
  const slice = doc.text.slice(start.offset, end.offset);
  let at = index;
  if (slice !== node.value) {
    // Find the same occurrence of the needle in the source slice.
    const needle = node.value.slice(index, index + Math.max(length, 1));
    let nth = 0;
    for (
      let i = node.value.indexOf(needle);
      i !== -1 && i < index;
      i = node.value.indexOf(needle, i + 1)
    )
      nth++;
    at = -1;
    for (let i = slice.indexOf(needle), k = 0; i !== -1; i = slice.indexOf(needle, i + 1), k++)
      if (k === nth) {
        at = i;
        break;
      }
    if (at === -1) return start;
  }
  const before = slice.slice(0, at);
  const lines = before.split('\n');
  return lines.length === 1
    ? { line: start.line, column: start.column + at }
    : { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}
