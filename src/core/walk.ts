/**
 * A preorder walk over a unist tree: the order unist-util-visit visits nodes in,
 * without its per-node bookkeeping (ancestor lists, test functions). Hand-written
 * because a `visit` pass costs about 6 ms on the 60,000-word benchmark manuscript
 * (30 ms before the JIT warms up) and this walk well under 1 ms; the numbering and
 * the rules make many such passes on every check.
 */
import type { Node, Parent } from 'unist';

/** Call `enter` on every node, the tree first; its children are skipped when it returns false. */
export function walk(tree: Node, enter: (node: Node) => boolean | void): void {
  if (enter(tree) === false) return;
  const children = (tree as Parent).children;
  if (Array.isArray(children)) for (const child of children) walk(child, enter);
}
