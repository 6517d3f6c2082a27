/**
 * What an inline reference directive (`:sdg[...]`, `:kpi[...]`) needs to know
 * about the words just before it, so "Target :sdg[8.6]" renders "Target 8.6"
 * and ":sdg[11.2] calls for" renders "SDG target 11.2 calls for". Handlers get
 * no parent, so the text before each directive is looked up once per tree.
 */
import type { Node, Parent, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { Project } from '../../core/types.js';

export interface Before {
  /** Text immediately before the directive in the same paragraph ('' if none). */
  text: string;
  /** The directive before that text, when the text is only a list joiner (", ", " and "). */
  previous?: TextDirective;
}

const cache = new WeakMap<Project, WeakMap<Node, Before>>();

function index(project: Project): WeakMap<Node, Before> {
  const map = new WeakMap<Node, Before>();
  for (const doc of [...project.front, ...project.chapters]) {
    visit(doc.tree, 'textDirective', (node: TextDirective, i, parent: Parent | undefined) => {
      if (!parent || i === undefined) return;
      const prev = parent.children[i - 1];
      const text = prev?.type === 'text' ? (prev as Text).value : '';
      const before: Before = { text };
      const earlier = parent.children[i - 2];
      if (
        /^\s*(?:,|;|and|or|&)?\s*(?:and|or)?\s*$/.test(text) &&
        text !== '' &&
        earlier?.type === 'textDirective'
      )
        before.previous = earlier as TextDirective;
      map.set(node, before);
    });
  }
  return map;
}

/** The text before a directive of the project (empty when the node is not in it). */
export function textBefore(project: Project, node: Node): Before {
  let map = cache.get(project);
  if (!map) {
    map = index(project);
    cache.set(project, map);
  }
  return map.get(node) ?? { text: '' };
}
