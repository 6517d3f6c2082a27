/**
 * The structure a translation must keep from its source, read from a parsed
 * file: front matter id, headings (level and `{#id}`), boxes and their
 * attributes (the title is translated, every other attribute is kept),
 * figures and tables, citation keys, cross-references, footnotes, images.
 * `compareStructure` lists every difference with its place in the translation.
 */
import type { Heading, Nodes } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { CiteNode, CrossrefNode } from '../core/syntax/citations.js';
import type { MarkdownDoc } from '../core/types.js';

/** Attributes whose value is translated; all others must stay as in the source. */
export const TRANSLATED_ATTRIBUTES = new Set(['title']);

interface Item {
  /** What is compared, e.g. `good-practice{city="Vienna" country="AUT"}`. */
  key: string;
  /** How to name it in a message. */
  label: string;
  position?: Position;
}

export interface Structure {
  id: string | undefined;
  headings: Item[];
  containers: Item[];
  citations: Item[];
  crossrefs: Item[];
  footnotes: Item[];
  images: Item[];
  /** Markdown tables by shape (rows x columns). */
  tables: Item[];
}

function attributesKey(node: ContainerDirective): string {
  const attrs = Object.entries(node.attributes ?? {})
    .filter(([k]) => !TRANSLATED_ATTRIBUTES.has(k))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v ?? ''}"`);
  return `${node.name}{${attrs.join(' ')}}`;
}

export function structureOf(doc: MarkdownDoc): Structure {
  const s: Structure = {
    id: typeof doc.frontmatter.id === 'string' ? doc.frontmatter.id : undefined,
    headings: [],
    containers: [],
    citations: [],
    crossrefs: [],
    footnotes: [],
    images: [],
    tables: [],
  };
  visit(doc.tree, (node: Nodes) => {
    const position = node.position;
    switch (node.type as string) {
      case 'heading': {
        const h = node as Heading;
        const id = (h.data as { id?: string } | undefined)?.id;
        s.headings.push({
          key: `h${h.depth}${id ? ` {#${id}}` : ''}`,
          label: `level-${h.depth} heading${id ? ` {#${id}}` : ''}`,
          position,
        });
        break;
      }
      case 'containerDirective': {
        const key = attributesKey(node as ContainerDirective);
        s.containers.push({ key, label: `:::${key}`, position });
        break;
      }
      case 'cite':
        for (const item of (node as unknown as CiteNode).items)
          s.citations.push({ key: item.key, label: `citation @${item.key}`, position });
        break;
      case 'crossref':
        for (const item of (node as unknown as CrossrefNode).items)
          s.crossrefs.push({ key: item.label, label: `cross-reference @${item.label}`, position });
        break;
      case 'footnoteReference': {
        const id = (node as { identifier: string }).identifier;
        s.footnotes.push({ key: `ref ${id}`, label: `footnote marker [^${id}]`, position });
        break;
      }
      case 'footnoteDefinition': {
        const id = (node as { identifier: string }).identifier;
        s.footnotes.push({ key: `def ${id}`, label: `footnote [^${id}]:`, position });
        break;
      }
      case 'table': {
        const rows = (node as { children: Array<{ children: unknown[] }> }).children;
        const shape = `${rows.length}x${Math.max(0, ...rows.map((r) => r.children.length))}`;
        s.tables.push({
          key: shape,
          label: `table of ${shape.replace('x', ' rows x ')} columns`,
          position,
        });
        break;
      }
      case 'image': {
        const url = (node as { url: string }).url;
        s.images.push({ key: url, label: `image ${url}`, position });
        break;
      }
    }
  });
  return s;
}

export interface Difference {
  message: string;
  /** Where in the translation (undefined: the file start). */
  position?: Position;
}

/** Ordered comparison: the first place the sequences part, and what is missing or extra. */
function compareSequence(
  what: string,
  plural: string,
  source: Item[],
  target: Item[],
  out: Difference[],
) {
  const n = Math.max(source.length, target.length);
  for (let i = 0; i < n; i++) {
    const a = source[i];
    const b = target[i];
    if (a && b && a.key === b.key) continue;
    if (a && b)
      out.push({
        message: `${what} ${i + 1} is ${b.label} here but ${a.label} in the source (line ${a.position?.start.line ?? '?'}); keep the ${plural} of the source, in the same order and with the same attributes.`,
        position: b.position,
      });
    else if (a)
      out.push({
        message: `the ${a.label} of the source (line ${a.position?.start.line ?? '?'}) is missing from the translation; add it.`,
        position: target.at(-1)?.position,
      });
    else if (b)
      out.push({
        message: `the ${b.label} is not in the source; remove it or ask for the source to change.`,
        position: b.position,
      });
    return; // after the first divergence the rest is shifted: one finding per sequence
  }
}

/** Unordered comparison (a translation may reorder citations in a sentence). */
function compareBag(source: Item[], target: Item[], out: Difference[]) {
  const count = (items: Item[]) => {
    const m = new Map<string, Item[]>();
    for (const i of items) m.set(i.key, [...(m.get(i.key) ?? []), i]);
    return m;
  };
  const a = count(source);
  const b = count(target);
  for (const [key, items] of a) {
    const have = b.get(key)?.length ?? 0;
    if (have < items.length)
      out.push({
        message: `the ${items[0]!.label} appears ${items.length} time(s) in the source but ${have} in the translation; keep every one (it is a code, not text).`,
        position: b.get(key)?.[0]?.position,
      });
  }
  for (const [key, items] of b)
    if (items.length > (a.get(key)?.length ?? 0))
      out.push({
        message: `the ${items[0]!.label} is ${a.has(key) ? 'repeated more often than in the source' : 'not in the source'}; remove it.`,
        position: items.at(-1)!.position,
      });
}

export function compareStructure(source: MarkdownDoc, target: MarkdownDoc): Difference[] {
  const a = structureOf(source);
  const b = structureOf(target);
  const out: Difference[] = [];
  if (a.id !== b.id)
    out.push({
      message: `the front matter id is ${JSON.stringify(b.id ?? null)} but the source's is ${JSON.stringify(a.id ?? null)}; keep the front matter as in the source.`,
    });
  compareSequence('heading', 'headings', a.headings, b.headings, out);
  compareSequence(
    'box, figure or table',
    'boxes, figures and tables',
    a.containers,
    b.containers,
    out,
  );
  compareSequence('image', 'images', a.images, b.images, out);
  compareSequence('table', 'tables', a.tables, b.tables, out);
  compareBag(a.citations, b.citations, out);
  compareBag(a.crossrefs, b.crossrefs, out);
  compareBag(a.footnotes, b.footnotes, out);
  return out;
}
