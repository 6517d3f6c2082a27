/**
 * translation-missing-chapter (`check --lang` only): every source chapter and
 * front matter file has a translation with the same name in manuscript/<lang>/,
 * and the translation has no file the source does not have.
 */
import path from 'node:path';
import { report } from '../core/report.js';
import { displayPath } from '../core/source.js';
import type { Rule } from '../core/types.js';
import { counterpart, translatedPath } from '../translation/translation.js';
import { allDocs, FILE_START } from './util.js';

const rule: Rule = {
  id: 'translation-missing-chapter',
  description:
    'With `--lang`: each chapter and front matter file has its translation, with the same file name, in <manuscript>/<lang>/, and no other.',
  fix: 'Import the translated XLIFF (`flagship xliff import`), which writes the missing file; delete or rename a translated file the source does not have.',
  run({ project }) {
    const translation = project.translation;
    if (!translation) return;
    const sources = allDocs(project);
    const expected = new Set<string>();
    for (const doc of sources) {
      const want = translatedPath(project, translation.lang, doc);
      expected.add(want);
      if (counterpart(project, translation, doc)) continue;
      const shown = displayPath(want, project.cwd);
      report(
        doc.file,
        'translation-missing-chapter',
        `this file has no ${translation.lang} translation: ${shown} does not exist; import the translated XLIFF with \`flagship xliff import\`.`,
        FILE_START,
        { suggestion: shown },
      );
    }
    for (const doc of [...translation.front, ...translation.chapters]) {
      if (expected.has(doc.path)) continue;
      report(
        doc.file,
        'translation-missing-chapter',
        `the source has no ${path.relative(translation.dir, doc.path).split(path.sep).join('/')}: a translated file keeps the source file's name; rename or delete this one.`,
        FILE_START,
      );
    }
  },
};
export default rule;
