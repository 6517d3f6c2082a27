/**
 * The nodes of a tree in document order (preorder, as unist-util-visit visits
 * them), collected in one `visit` pass per tree and shared by every rule that
 * looks for nodes of some type: the rules made some twenty passes over every
 * tree, at about 6 ms each on the benchmark manuscript. Rules do not change the
 * trees they check, so the nodes of a tree object do not change while rules run.
 */
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';

interface Index {
  all: Node[];
  byType: Map<string, Node[]>;
}

const indexes = new WeakMap<Node, Index>();

function indexOf(tree: Node): Index {
  let index = indexes.get(tree);
  if (!index) {
    const built: Index = { all: [], byType: new Map() };
    visit(tree, (node) => {
      built.all.push(node);
      const same = built.byType.get(node.type);
      if (same) same.push(node);
      else built.byType.set(node.type, [node]);
    });
    indexes.set(tree, (index = built));
  }
  return index;
}

/** Every node of the tree, the tree first, in document order. Do not modify the array. */
export function nodesOf(tree: Node): readonly Node[] {
  return indexOf(tree).all;
}

/** The nodes of one type, in document order. Do not modify the array. */
export function nodesOfType<T extends Node>(tree: Node, type: T['type']): readonly T[] {
  return (indexOf(tree).byType.get(type) ?? []) as readonly Node[] as readonly T[];
}
