/** crossref-duplicate: a cross-reference label is given to one box, figure, table or section only. */
import path from 'node:path';
import { displayName, numberProject } from '../core/numbering.js';
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';

const rule: Rule = {
  id: 'crossref-duplicate',
  description:
    'Each label (`{#box:x}`, `{#fig:x}`, `{#tbl:x}`, `{#sec:x}` or `id=`) is written once in the whole publication, so that `@label` has one target.',
  fix: 'Rename one of the labels (and the references meant for it).',
  run({ project }) {
    const numbering = numberProject(project);
    for (const [label, entries] of numbering.duplicates) {
      const [first, ...rest] = entries;
      const firstAt = `${path.basename(first!.doc.path)}:${first!.node.position?.start.line ?? 1}`;
      for (const entry of rest) {
        report(
          entry.doc.file,
          'crossref-duplicate',
          `the label \`${label}\` is already used by ${displayName(first!)} (${firstAt}); give this ${entry.kind} another label, e.g. \`${label}-2\`.`,
          entry.node.position?.start,
          { suggestion: `${label}-2` },
        );
      }
    }
  },
};
export default rule;
