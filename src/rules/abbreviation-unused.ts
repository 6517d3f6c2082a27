/** abbreviation-unused: every entry of the abbreviations list is used in the text. */
import type { TextDirective } from 'mdast-util-directive';
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { abbreviationList, abbreviationUses } from './abbreviations.js';
import { nodesOfType } from './nodes.js';

const rule: Rule = {
  id: 'abbreviation-unused',
  description:
    'Every abbreviation in the abbreviations list of the front matter is used somewhere in the publication (`:sdg[...]` counts as a use of SDG).',
  fix: 'Delete the row from the abbreviations list, or use the abbreviation where the text means it.',
  run({ project }) {
    const list = abbreviationList(project);
    if (!list.doc) return;
    const used = new Set(abbreviationUses(project).map((u) => u.key));
    // `:sdg[11]` renders "SDG 11".
    for (const doc of [...project.front, ...project.chapters])
      for (const node of nodesOfType<TextDirective>(doc.tree, 'textDirective'))
        if (node.name === 'sdg') used.add('SDG');
    const seen = new Set<string>();
    for (const entry of list.entries) {
      if (seen.has(entry.key)) {
        report(
          list.doc.file,
          'abbreviation-unused',
          `${entry.written} is listed twice; delete this row.`,
          entry.place,
        );
        continue;
      }
      seen.add(entry.key);
      if (used.has(entry.key)) continue;
      report(
        list.doc.file,
        'abbreviation-unused',
        `${entry.written} (${entry.meaning || 'no meaning given'}) is never used in the text; delete this row or use the abbreviation.`,
        entry.place,
      );
    }
  },
};
export default rule;
