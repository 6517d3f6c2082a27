/**
 * translation-structure (`check --lang` only): a translated file mirrors its
 * source: the same front matter id, headings, boxes with the same attributes
 * (only `title` is translated), figures, tables and images, citation keys,
 * cross-references and footnotes.
 */
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { compareStructure } from '../translation/structure.js';
import { translatedPairs } from '../translation/translation.js';
import { FILE_START } from './util.js';

const rule: Rule = {
  id: 'translation-structure',
  description:
    'With `--lang`: each translated file has the structure of its source: front matter id, headings, boxes and their attributes (except `title`), figures, tables, images, citation keys, cross-references and footnotes.',
  fix: 'Restore what the message names from the source file; codes such as [@key], @box:x and [^1] are copied, never translated. Re-importing the XLIFF rebuilds the file from the source.',
  run({ project }) {
    const translation = project.translation;
    if (!translation) return;
    for (const { doc, target } of translatedPairs(project)) {
      for (const d of compareStructure(doc, target))
        report(target.file, 'translation-structure', d.message, d.position ?? FILE_START);
    }
  },
};
export default rule;
