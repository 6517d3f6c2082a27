/** chapter-heading: a chapter file has exactly one H1, its title. */
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { FILE_START, readableChapters, tocEntryOf } from './util.js';

const rule: Rule = {
  id: 'chapter-heading',
  description: 'Each chapter file has exactly one level-1 heading (`# Title`): the chapter title.',
  fix: 'Start the chapter with `# <mandated title>` and make other headings level 2 (`##`) or below.',
  run({ project }) {
    for (const doc of readableChapters(project)) {
      const h1s = doc.tree.children.filter((n) => n.type === 'heading' && n.depth === 1);
      if (h1s.length === 0) {
        const title = tocEntryOf(project, doc)?.title;
        report(
          doc.file,
          'chapter-heading',
          `the chapter has no title; add \`# ${title ?? 'Title'}\` after the front matter.`,
          FILE_START,
          { suggestion: title ? `# ${title}` : undefined },
        );
      }
      for (const extra of h1s.slice(1))
        report(
          doc.file,
          'chapter-heading',
          'a chapter has one level-1 heading; make this one `##` (a section) or move it to its own chapter.',
          extra,
        );
    }
  },
};
export default rule;
