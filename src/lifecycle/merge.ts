/**
 * The redline document: the new version's Markdown tree with what changed
 * marked in it. Inserted and deleted words become `ins`/`del` elements inside
 * changed paragraphs, headings and list items; added blocks are wrapped in a
 * `fs-inserted` block, removed ones come back where they were, wrapped in a
 * `fs-deleted` block; moved sections carry a note. The marks are mdast nodes
 * with `data.hName`, so any mdast -> hast renderer draws them.
 */
import type { Heading, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { redlineInline } from './inline-redline.js';
import { match } from './match.js';
import { blockText } from './outline.js';

type Any = RootContent;

/** A marker node the renderer turns into `<tag class=...>`. */
function marker(tag: string, className: string[], children: unknown[]): Any {
  return {
    type: 'fsMark',
    data: { hName: tag, hProperties: { className } },
    children,
  } as unknown as Any;
}

const inserted = (node: Any) => marker('div', ['fs-inserted'], [node]);
const deleted = (node: Any) => marker('div', ['fs-deleted'], [node]);

function note(text: string): Any {
  return marker('p', ['fs-note'], [{ type: 'text', value: text }]);
}

function attrsOf(node: Any): Record<string, string> {
  const out: Record<string, string> = {};
  if (node.type !== 'containerDirective') return out;
  for (const [k, v] of Object.entries((node as ContainerDirective).attributes ?? {}))
    if (v != null) out[k] = v;
  return out;
}

function kindOf(node: Any): string {
  if (node.type === 'containerDirective') return `directive:${(node as ContainerDirective).name}`;
  if (node.type === 'heading') return (node as Heading).depth === 1 ? 'title' : 'heading';
  return node.type;
}

function keyOf(node: Any): string | undefined {
  if (node.type === 'heading') {
    if ((node as Heading).depth === 1) return 'title';
    return (node.data as { id?: string } | undefined)?.id;
  }
  if (node.type === 'containerDirective') return attrsOf(node).id;
  return undefined;
}

function textOf(node: Any): string {
  const attrs = attrsOf(node);
  return `${attrs.title ?? ''} ${blockText(node)}`.trim();
}

const RECURSE = new Set(['containerDirective', 'list', 'listItem', 'blockquote']);

function mergePair(before: Any, after: Any): Any[] {
  const same =
    textOf(before) === textOf(after) &&
    JSON.stringify(attrsOf(before)) === JSON.stringify(attrsOf(after));
  if (same) return [after];
  if ((after.type === 'paragraph' || after.type === 'heading') && before.type === after.type) {
    const copy = {
      ...after,
      children: redlineInline(
        (before as Parent).children as PhrasingContent[],
        (after as Parent).children as PhrasingContent[],
      ),
    };
    return [copy as Any];
  }
  if (RECURSE.has(after.type) && 'children' in before && 'children' in after) {
    const copy = {
      ...after,
      children: mergeChildren(
        (before as Parent).children as Any[],
        (after as Parent).children as Any[],
        after.type === 'list',
      ),
    } as Any;
    const out: Any[] = [];
    const a = attrsOf(before);
    const b = attrsOf(after);
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (a[name] !== b[name])
        out.push(note(`Changed ${name}: "${a[name] ?? ''}" → "${b[name] ?? ''}"`));
    out.push(copy);
    return out;
  }
  return [deleted(before), inserted(after)];
}

/** In a list the marks go inside the item, so the list stays a list. */
function markItem(node: Any, mark: (n: Any) => Any): Any {
  if (node.type !== 'listItem') return mark(node);
  return { ...node, children: (node as Parent).children.map((c) => mark(c as Any)) } as Any;
}

/**
 * Merge two lists of sibling blocks: the new ones in their order, removed old
 * ones after the block that preceded them in the old version.
 */
export function mergeChildren(before: Any[], after: Any[], inList = false): Any[] {
  const old = before.filter((n) => n.type !== 'yaml');
  const m = match(
    old.map((n) => ({ key: keyOf(n), kind: kindOf(n), text: textOf(n) })),
    after.map((n) => ({ key: keyOf(n), kind: kindOf(n), text: textOf(n) })),
    0.4,
  );
  const oldOfNew = new Map(m.pairs.map(([i, j]) => [j, i]));
  const newOfOld = new Map(m.pairs.map(([i, j]) => [i, j]));
  // Each removed old block goes after the new counterpart of its nearest matched predecessor.
  const removedAfter = new Map<number, number[]>(); // new index (-1: start) -> old indices
  for (const i of m.removed) {
    let anchor = -1;
    for (let k = i - 1; k >= 0; k--)
      if (newOfOld.has(k)) {
        anchor = newOfOld.get(k)!;
        break;
      }
    removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), i]);
  }
  const mark = (n: Any, f: (x: Any) => Any) => (inList ? markItem(n, f) : f(n));
  const out: Any[] = [];
  for (const i of removedAfter.get(-1) ?? []) out.push(mark(old[i]!, deleted));
  after.forEach((node, j) => {
    const i = oldOfNew.get(j);
    if (node.type === 'yaml') out.push(node);
    else if (i === undefined) out.push(mark(node, inserted));
    else out.push(...mergePair(old[i]!, node));
    for (const k of removedAfter.get(j) ?? []) out.push(mark(old[k]!, deleted));
  });
  return out;
}

export interface MergeNotes {
  /** Section keys (or titles) that moved, with a note to show under their heading. */
  moved: Map<string, string>;
}

/** The redline tree of a chapter. */
export function mergeTrees(
  before: Root | undefined,
  after: Root | undefined,
  notes?: MergeNotes,
): Root {
  if (!after) return { type: 'root', children: (before?.children ?? []).map((n) => deleted(n)) };
  if (!before)
    return {
      type: 'root',
      children: after.children.map((n) => (n.type === 'yaml' ? n : inserted(n))),
    };
  const children = mergeChildren(before.children, after.children);
  if (notes && notes.moved.size > 0) {
    const withNotes: Any[] = [];
    for (const node of children) {
      withNotes.push(node);
      if (node.type !== 'heading') continue;
      const key = keyOf(node);
      const text = blockText(node);
      const message = (key && notes.moved.get(key)) ?? notes.moved.get(text);
      if (message) withNotes.push(note(message));
    }
    return { type: 'root', children: withNotes };
  }
  return { type: 'root', children };
}
