/**
 * translation-title-mismatch (`check --lang` only): a translated chapter's H1 is
 * the title the per-language mandate gives it (`titles: {fr: ..., ru: ...}` on
 * its toc entry in manuscript.yaml); a toc entry without a title for the
 * language is reported on manuscript.yaml.
 */
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { counterpart } from '../translation/translation.js';
import { foldTitle, readableChapters, titlePlace, tocEntryOf } from './util.js';

const rule: Rule = {
  id: 'translation-title-mismatch',
  description:
    "With `--lang`: a translated chapter's H1 is the mandated title for that language, `titles.<lang>` of its `toc` entry in manuscript.yaml.",
  fix: 'Copy the mandated title (given as the suggestion) into the H1 of the translated chapter, or add `titles: {<lang>: ...}` to the toc entry.',
  run({ project }) {
    const translation = project.translation;
    if (!translation) return;
    const lang = translation.lang;
    for (const doc of readableChapters(project)) {
      const entry = tocEntryOf(project, doc);
      if (!entry) continue;
      const mandated = entry.titles?.[lang];
      if (typeof mandated !== 'string' || mandated.trim() === '') {
        report(
          project.configFile,
          'translation-title-mismatch',
          `the toc entry \`${entry.id}\` has no ${lang} title; add \`titles: {${lang}: ...}\` with the mandated ${lang} title.`,
          entry.line ? { line: entry.line, column: 1 } : { line: 1, column: 1 },
        );
        continue;
      }
      const target = counterpart(project, translation, doc);
      if (!target?.readable || target.title === undefined || target.title === mandated) continue;
      const typographic = foldTitle(target.title) === foldTitle(mandated);
      report(
        target.file,
        'translation-title-mismatch',
        typographic
          ? `the title differs from the mandated ${lang} title only in dashes, quotes, case or spacing; write it as "${mandated}".`
          : `the title "${target.title}" is not the mandated ${lang} title "${mandated}"; use the mandated title.`,
        titlePlace(target),
        { suggestion: mandated },
      );
    }
  },
};
export default rule;
