/** toc-unexpected-chapter: no chapter file outside the mandated table of contents. */
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { idPlace, nearest, readableChapters } from './util.js';

const rule: Rule = {
  id: 'toc-unexpected-chapter',
  description:
    'Every chapter file belongs to the mandated table of contents (its `id` is a `toc` id), once.',
  fix: 'Set the front matter `id` to one of the `toc` ids, move the text into a mandated chapter, or (if the mandate changed) add the chapter to `toc`.',
  run({ project }) {
    const ids = project.config.toc.map((t) => t.id);
    const seen = new Map<string, string>();
    for (const doc of readableChapters(project)) {
      if (doc.id === undefined) continue; // frontmatter-invalid reports the missing id.
      const first = seen.get(doc.id);
      if (first !== undefined) {
        report(
          doc.file,
          'toc-unexpected-chapter',
          `the chapter id \`${doc.id}\` is already used by ${first}; each mandated chapter has one file.`,
          idPlace(doc),
        );
        continue;
      }
      seen.set(doc.id, doc.file.path);
      if (ids.includes(doc.id)) continue;
      const suggestion = nearest(doc.id, ids);
      report(
        doc.file,
        'toc-unexpected-chapter',
        `the chapter \`${doc.id}\` is not in the mandated table of contents${suggestion ? `; did you mean \`${suggestion}\`?` : `; use one of: ${ids.join(', ')}.`}`,
        idPlace(doc),
        { suggestion },
      );
    }
  },
};
export default rule;
