/** bib-duplicate-key: no two bibliography entries share a key (reported at the second). */
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';

const rule: Rule = {
  id: 'bib-duplicate-key',
  description:
    'Each bibliography key is used by one entry only (keys that differ only in case or Unicode form count as the same).',
  fix: 'Remove the duplicate entry, or give it a key of its own and update the citations meant for it.',
  run({ project }) {
    const first = new Map<string, number>();
    for (const entry of project.bibliography.entries) {
      if (!entry.key) continue;
      const folded = entry.key.normalize('NFC').toLowerCase();
      const line = first.get(folded);
      if (line === undefined) {
        first.set(folded, entry.line);
        continue;
      }
      report(
        project.bibliography.file,
        'bib-duplicate-key',
        `the key \`${entry.key}\` is already used by the entry at line ${line}; remove this duplicate or give it another key.`,
        entry,
      );
    }
  },
};
export default rule;
