/**
 * remark plugin: Pandoc-style heading identifiers, `## Title {#sec:label}`.
 * The attribute is removed from the heading text and kept as `data.id` (and as
 * the HTML id). (Hand-written: the npm plugin for this targets unified 9.)
 */
import type { Root, Text } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';

const TRAILING_ID = /\s*\{#([^\s{}]+)\}\s*$/;

export default function headingIds() {
  return (tree: Root) => {
    visit(tree, 'heading', (heading) => {
      const last = heading.children.at(-1);
      if (last?.type !== 'text') return;
      const match = TRAILING_ID.exec((last as Text).value);
      if (!match) return;
      (last as Text).value = (last as Text).value.slice(0, match.index);
      if ((last as Text).value === '') heading.children.pop();
      heading.data = {
        ...heading.data,
        id: match[1],
        hProperties: { ...heading.data?.hProperties, id: match[1] },
      } as typeof heading.data;
    });
  };
}
