/**
 * translation-untranslated (`check --lang` only): a segment of the translation
 * still holds the source text. Segments of fewer than three words (names,
 * acronyms, figures) may rightly stay as they are and are not reported; the
 * chapter title is checked by translation-title-mismatch.
 */
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { plainText } from '../translation/inline.js';
import { alignedSegments, translatedPairs } from '../translation/translation.js';

const MIN_WORDS = 3;

const rule: Rule = {
  id: 'translation-untranslated',
  description:
    'With `--lang`: no segment of the translation (heading, paragraph, list item, table cell, box title, caption, footnote) is left in the source language.',
  fix: 'Translate the segment (in the XLIFF, then import it again), or in the translated file.',
  run({ project }) {
    const translation = project.translation;
    if (!translation) return;
    for (const { doc, target } of translatedPairs(project)) {
      const { source, aligned } = alignedSegments(doc, target);
      for (const s of source) {
        const t = aligned.get(s.id);
        if (!t || t.text !== s.text || s.path === 'h1/heading') continue;
        const words = (
          plainText(s.parts).match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu) ?? []
        ).filter((w) => /\p{L}/u.test(w));
        if (words.length < MIN_WORDS) continue;
        report(
          target.file,
          'translation-untranslated',
          `this ${s.kind} is not translated into ${translation.lang}: "${s.text.length > 80 ? `${s.text.slice(0, 79)}…` : s.text}" (segment ${s.id}).`,
          { line: t.line, column: t.column },
        );
      }
    }
  },
};
export default rule;
