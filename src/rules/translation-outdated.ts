/**
 * translation-outdated (`check --lang` only): a translated segment whose source
 * text changed after the translation was imported. The translation memory
 * (manuscript/<lang>/translation-memory.json, written by `xliff import`) knows
 * the id of the source each translation was made from; ids change with the
 * text, so a translated segment whose source id it does not know is outdated.
 * Without a memory (a translation written by hand) the rule says nothing.
 */
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { readMemory } from '../translation/memory.js';
import { alignedSegments, translatedPairs } from '../translation/translation.js';

const rule: Rule = {
  id: 'translation-outdated',
  description:
    'With `--lang`: no translated segment was made from an earlier version of its source text (the translation memory of `xliff import` knows what each translation was made from).',
  fix: 'Export the XLIFF again (`flagship xliff export`): the segment goes to the translators with its old translation as a note; import their revision.',
  run({ project }) {
    const translation = project.translation;
    if (!translation) return;
    const memory = readMemory(translation.dir);
    if (!memory) return;
    for (const { doc, target } of translatedPairs(project)) {
      const { source, aligned } = alignedSegments(doc, target);
      for (const s of source) {
        const t = aligned.get(s.id);
        if (!t || t.kind !== s.kind || t.text === s.text || memory.segments[s.id]) continue;
        report(
          target.file,
          'translation-outdated',
          `the source of this ${s.kind} changed after it was translated; it now reads "${s.text.length > 80 ? `${s.text.slice(0, 79)}…` : s.text}" (segment ${s.id}, ${doc.file.path}:${s.line}): have it revised.`,
          { line: t.line, column: t.column },
        );
      }
    }
  },
};
export default rule;
