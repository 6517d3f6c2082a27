/**
 * abbreviation-undefined: every abbreviation the text uses is in the
 * abbreviations list of the front matter or is defined where it is first used,
 * "Sustainable Development Goals (SDGs)". Reported once, at the first use.
 */
import path from 'node:path';
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { abbreviationList, abbreviationUses, type Occurrence } from './abbreviations.js';

const rule: Rule = {
  id: 'abbreviation-undefined',
  description:
    'Every abbreviation used in the text (SSC, ICT, U4SSC, ...) is in the abbreviations list (`front/NN-abbreviations.md`) or is defined at its first use as "Expansion (ABBR)"; headings and box titles do not count as the first use.',
  fix: 'Write the expansion before the first use, "smart sustainable cities (SSCs)", or add a row `| SSC | smart sustainable city |` to the abbreviations list.',
  run({ project }) {
    const list = abbreviationList(project);
    const listed = new Set(list.entries.map((e) => e.key));
    const byKey = new Map<string, Occurrence[]>();
    for (const use of abbreviationUses(project)) {
      if (use.title && !use.defines) continue;
      const uses = byKey.get(use.key);
      if (uses) uses.push(use);
      else byKey.set(use.key, [use]);
    }
    const listName = list.doc?.file.path ?? 'the abbreviations list (front/NN-abbreviations.md)';
    for (const [key, uses] of byKey) {
      if (listed.has(key)) continue;
      const first = uses[0]!;
      if (first.defines) continue;
      const later = uses.find((u) => u.defines);
      const suggestion = later?.expansion ? `${later.expansion} (${first.written})` : undefined;
      report(
        first.doc.file,
        'abbreviation-undefined',
        later
          ? `"${first.written}" is used here before it is defined (${path.basename(later.doc.path)}:${later.place?.line ?? 1}); ${suggestion ? `write "${suggestion}" here` : 'move the definition to this first use'}, or add ${key} to ${listName}.`
          : `"${first.written}" is not defined; write its expansion at this first use, "... (${first.written})", or add \`| ${key} | ... |\` to ${listName}.`,
        first.place,
        { suggestion },
      );
    }
  },
};
export default rule;
