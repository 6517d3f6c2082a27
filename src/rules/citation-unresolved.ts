/** citation-unresolved: every cited key is an entry of the bibliography. */
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { citationUses } from './citations.js';
import { nearest } from './util.js';

const rule: Rule = {
  id: 'citation-unresolved',
  description: 'Every citation key (`[@key]`, `@key`) is the key of an entry in the bibliography.',
  fix: 'Correct the key (the nearest existing key is suggested) or add the work to the bibliography.',
  run({ project }) {
    const bib = project.bibliography;
    const keys = new Map<string, string>();
    for (const entry of bib.entries) keys.set(entry.key.normalize('NFC'), entry.key);
    for (const use of citationUses(project)) {
      if (keys.has(use.key)) continue;
      const suggestion = nearest(use.key, keys.keys(), 0.4);
      report(
        use.doc.file,
        'citation-unresolved',
        `the citation key \`${use.key}\` is not in ${bib.file.path}${suggestion ? `; did you mean \`${suggestion}\`?` : '; add the entry or correct the key.'}`,
        use.node,
        { suggestion },
      );
    }
  },
};
export default rule;
