/**
 * toc-title-mismatch and toc-title-typography: a chapter's H1 is the mandated title.
 * Differences of dashes, quotes, case and spacing only are `toc-title-typography`
 * (a warning at most); any other difference is `toc-title-mismatch`.
 */
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { foldTitle, readableChapters, titlePlace, tocEntryOf } from './util.js';

const rule: Rule = {
  id: 'toc-title-mismatch',
  description:
    "A chapter's H1 is the title the mandate gives it in `toc` (typographic variants are reported as toc-title-typography).",
  fix: 'Copy the mandated title (given as the suggestion) into the H1, or ask for the mandate to change and update `toc`.',
  run({ project }) {
    for (const doc of readableChapters(project)) {
      const entry = tocEntryOf(project, doc);
      if (!entry || doc.title === undefined || doc.title === entry.title) continue;
      const typographic = foldTitle(doc.title) === foldTitle(entry.title);
      report(
        doc.file,
        typographic ? 'toc-title-typography' : 'toc-title-mismatch',
        typographic
          ? `the title differs from the mandate only in dashes, quotes, case or spacing; write it as "${entry.title}".`
          : `the title "${doc.title}" is not the mandated "${entry.title}"; use the mandated title.`,
        titlePlace(doc),
        { suggestion: entry.title },
      );
    }
  },
};
export default rule;
