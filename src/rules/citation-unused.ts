/** citation-unused: every bibliography entry is cited somewhere (or listed in `nocite`). */
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { citationUses, nocite } from './citations.js';

const rule: Rule = {
  id: 'citation-unused',
  description:
    'Every entry of the bibliography is cited at least once, or listed under `nocite` in manuscript.yaml.',
  fix: 'Cite the work where the text relies on it, remove the entry, or list its key under `nocite:`.',
  run({ project }) {
    const cited = new Set(citationUses(project).map((u) => u.key));
    const extra = nocite(project);
    if (extra.has('*')) return;
    const seen = new Set<string>();
    for (const entry of project.bibliography.entries) {
      const key = entry.key.normalize('NFC');
      if (!key || seen.has(key)) continue;
      seen.add(key);
      if (cited.has(key) || extra.has(key)) continue;
      report(
        project.bibliography.file,
        'citation-unused',
        `the entry \`${entry.key}\` is never cited; cite it, remove it, or list it under \`nocite\` in manuscript.yaml.`,
        entry,
      );
    }
  },
};
export default rule;
