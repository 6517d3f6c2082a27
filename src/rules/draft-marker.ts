/** draft-marker: TODO/TBD placeholders and open review comments left in the text. */
import type { Html, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { SKIP, visit } from 'unist-util-visit';
import { allDocs } from './util.js';

const MARKER = /\b(TODO|TBD|FIXME|XXX)\b/g;

/** A review comment is open unless it says `resolved` (or `status=resolved`). */
export function isOpenComment(node: TextDirective): boolean {
  const attrs = node.attributes ?? {};
  return !('resolved' in attrs) && attrs.status !== 'resolved' && attrs.status !== 'closed';
}

const rule: Rule = {
  id: 'draft-marker',
  description:
    'No `TODO`, `TBD` (or `FIXME`, `XXX`) placeholder and no open `:comment[...]` review comment is left in the text.',
  fix: 'Write the missing text and delete the marker; close a review comment by acting on it and deleting it, or mark it `{resolved}`.',
  run({ project }) {
    for (const doc of allDocs(project)) {
      visit(doc.tree, (node) => {
        if (node.type === 'code' || node.type === 'inlineCode') return SKIP;
        if (node.type === 'textDirective' && (node as TextDirective).name === 'comment') {
          const comment = node as TextDirective;
          if (isOpenComment(comment)) {
            const by = comment.attributes?.by;
            report(
              doc.file,
              'draft-marker',
              `open review comment${by ? ` by ${by}` : ''}: "${toString(comment).slice(0, 80)}"; act on it, then delete it or mark it \`{resolved}\`.`,
              comment,
            );
          }
          return SKIP;
        }
        if (node.type !== 'text' && node.type !== 'html') return;
        const value = (node as Text | Html).value;
        for (const match of value.matchAll(MARKER)) {
          const start = node.position?.start;
          const before = value.slice(0, match.index);
          const lines = before.split(/\r\n|\r|\n/);
          const place =
            start && node.type === 'text' && lines.length === 1
              ? { line: start.line, column: start.column + match.index }
              : start;
          report(
            doc.file,
            'draft-marker',
            `placeholder \`${match[1]}\` left in the text; write what is missing and delete the marker.`,
            place,
          );
        }
      });
    }
  },
};
export default rule;
