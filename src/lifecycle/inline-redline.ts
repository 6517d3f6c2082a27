/**
 * Word-level redline of inline Markdown that keeps the inline nodes: text is
 * split into words and spaces, citations, cross-references, code, images,
 * footnote calls and directives are single tokens, and each token remembers its
 * emphasis/strong/link ancestors. The token lists are compared with `diffArrays`
 * from the `diff` package; the result is rebuilt as phrasing content with the
 * deleted and inserted runs wrapped in `del`/`ins` marker nodes, so a renderer
 * still formats the citations and emphasis inside them.
 */
import type { PhrasingContent } from 'mdast';

import { diffArrays } from 'diff';

interface Token {
  /** What the comparison sees. */
  text: string;
  /** The atomic node (citation, code, ...), or undefined for a run of text. */
  node?: PhrasingContent;
  /** Wrapping inline parents (emphasis, strong, link, ...), outermost first. */
  wrap: PhrasingContent[];
}

const CONTAINERS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

function wrapKey(node: PhrasingContent): string {
  const n = node as { type: string; url?: string; identifier?: string };
  return `${n.type}:${n.url ?? n.identifier ?? ''}`;
}

function atomText(node: PhrasingContent): string {
  const n = node as unknown as {
    type: string;
    raw?: string;
    value?: string;
    alt?: string;
    identifier?: string;
    name?: string;
  };
  if (n.raw !== undefined) return n.raw;
  if (n.value !== undefined) return `${n.type}:${n.value}`;
  if (n.type === 'footnoteReference') return `[^${n.identifier ?? ''}]`;
  if (n.type === 'image') return `image:${n.alt ?? ''}`;
  return `${n.type}:${n.name ?? ''}:${JSON.stringify((node as { children?: unknown }).children ?? '')}`;
}

export function tokenize(children: PhrasingContent[], wrap: PhrasingContent[] = []): Token[] {
  const out: Token[] = [];
  for (const child of children) {
    if (child.type === 'text') {
      for (const word of child.value.match(
        /\s+|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu,
      ) ?? [])
        out.push({ text: word, wrap });
    } else if (CONTAINERS.has(child.type) && 'children' in child) {
      out.push(...tokenize(child.children as PhrasingContent[], [...wrap, child]));
    } else {
      out.push({ text: atomText(child), node: child, wrap });
    }
  }
  return out;
}

function sameToken(a: Token, b: Token): boolean {
  if (a.text !== b.text || a.wrap.length !== b.wrap.length) return false;
  if (/^\s+$/.test(a.text) && /^\s+$/.test(b.text)) return true;
  return a.wrap.every((w, i) => wrapKey(w) === wrapKey(b.wrap[i]!));
}

/** Rebuild phrasing content from tokens at a wrapping depth. */
function rebuild(tokens: Token[], depth = 0): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const parent = token.wrap[depth];
    if (parent) {
      let j = i;
      while (j < tokens.length && tokens[j]!.wrap[depth] === parent) j++;
      out.push({ ...parent, children: rebuild(tokens.slice(i, j), depth + 1) } as PhrasingContent);
      i = j;
      continue;
    }
    if (token.node) out.push(token.node);
    else {
      const last = out.at(-1);
      if (last?.type === 'text' && !last.position) last.value += token.text;
      else out.push({ type: 'text', value: token.text });
    }
    i++;
  }
  return out;
}

/** A marker node (`ins`, `del`) that any mdast -> hast renderer draws by its `data.hName`. */
export function markNode(tag: 'ins' | 'del', children: PhrasingContent[]): PhrasingContent {
  return {
    type: 'fsMark',
    data: { hName: tag, hProperties: { className: [`fs-${tag}`] } },
    children,
  } as unknown as PhrasingContent;
}

/** The new inline content with what was deleted and inserted marked. */
export function redlineInline(
  before: PhrasingContent[],
  after: PhrasingContent[],
): PhrasingContent[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const parts = diffArrays(a, b, { comparator: sameToken });
  const out: PhrasingContent[] = [];
  for (const part of parts) {
    const content = rebuild(part.value);
    if (part.added) out.push(markNode('ins', content));
    else if (part.removed) out.push(markNode('del', content));
    else out.push(...content);
  }
  return out;
}
