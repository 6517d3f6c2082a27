/**
 * table-caption: every table has a caption: it sits in a `:::table` directive
 * whose first paragraph is the caption. Figures need a caption the same way
 * (reported under this id as well, so one rule covers numbered floats' titles).
 */
import type { Table } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { floats } from './figures.js';
import { readableChapters } from './util.js';

const rule: Rule = {
  id: 'table-caption',
  description:
    'Every table of a chapter is inside a `:::table` directive whose first paragraph is its caption; every `:::figure` has a caption paragraph too.',
  fix: 'Wrap the table as `:::table{#tbl:label}`, a caption line, a blank line, the table, `Source: ...`, `:::`; give a figure a caption line before its image.',
  run({ project }) {
    for (const doc of readableChapters(project)) {
      for (const kind of ['table', 'figure'] as const) {
        for (const float of floats(doc, kind)) {
          if (float.caption) continue;
          const label = float.node.attributes?.id;
          report(
            doc.file,
            'table-caption',
            `the ${kind}${label ? ` \`${label}\`` : ''} has no caption; write its title as the first paragraph inside \`:::${kind}\`.`,
            float.node.position?.start,
          );
        }
      }
      // A GFM table outside :::table has neither number nor caption.
      const walk = (node: { type: string; children?: unknown[] }, inTable: boolean) => {
        if (node.type === 'table' && !inTable) {
          report(
            doc.file,
            'table-caption',
            'this table has no caption or number; wrap it in `:::table{#tbl:label}` with its caption as the first paragraph.',
            (node as Table).position?.start,
          );
          return;
        }
        const here =
          inTable ||
          (node.type === 'containerDirective' && (node as ContainerDirective).name === 'table');
        for (const child of (node.children ?? []) as Array<{ type: string; children?: unknown[] }>)
          walk(child, here);
      };
      walk(doc.tree, false);
    }
  },
};
export default rule;
