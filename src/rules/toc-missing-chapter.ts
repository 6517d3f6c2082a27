/** toc-missing-chapter: every chapter of the mandated table of contents has a file. */
import path from 'node:path';
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { FILE_START } from './util.js';

const rule: Rule = {
  id: 'toc-missing-chapter',
  description:
    'Every chapter listed in `toc` of manuscript.yaml has a chapter file whose front matter `id` names it.',
  fix: 'Create `NN-<id>.md` in the manuscript directory with `id: <toc id>` in its front matter, or fix the `id` of the file meant to be that chapter.',
  run({ project }) {
    const present = new Set(project.chapters.map((c) => c.id));
    project.config.toc.forEach((entry, index) => {
      if (present.has(entry.id)) return;
      const file = `${String(index + 1).padStart(2, '0')}-${entry.id}.md`;
      report(
        project.configFile,
        'toc-missing-chapter',
        `the mandated chapter \`${entry.id}\` ("${entry.title}") has no file; create ${path.posix.join(path.basename(project.dir), file)} with \`id: ${entry.id}\` in its front matter.`,
        entry.line ? { line: entry.line, column: 1 } : FILE_START,
        { suggestion: file },
      );
    });
  },
};
export default rule;
