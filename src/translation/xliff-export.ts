/**
 * `xliff export`: the locked source as XLIFF 2.0, one document per chapter (or
 * one for the publication), unit ids = segment ids from the lock, context notes
 * (chapter, box, heading level, place in the source). Segments already
 * translated in manuscript/<lang>/ are sent with their target, so after a
 * source change translators only see what is new.
 */
import path from 'node:path';
import type { MarkdownDoc, Project } from '../core/types.js';
import { normalise, segmentsOf, fileSlug } from './segments.js';
import { partsToMarkdown } from './inline.js';
import type { Lock } from './lock.js';
import { readMemory, type Memory } from './memory.js';
import { alignSegments, counterpart, loadTranslation, type Translation } from './translation.js';
import { writeXliff, type XliffFile, type XliffUnit } from './xliff-write.js';

export interface ExportedDocument {
  /** File name to write in the output directory. */
  name: string;
  xml: string;
  units: number;
  translated: number;
}

function docLabel(project: Project, doc: MarkdownDoc): string {
  const n = project.chapters.indexOf(doc);
  const title = doc.title ? ` "${doc.title}"` : '';
  return n >= 0 ? `Chapter ${n + 1}${title}` : `Front matter${title}`;
}

function fileOf(
  project: Project,
  lock: Lock,
  doc: MarkdownDoc,
  translation: Translation,
  memory: Memory | undefined,
): XliffFile {
  const rel = path.relative(project.dir, doc.path).split(path.sep).join('/');
  const segments = segmentsOf(doc);
  const translated = counterpart(project, translation, doc);
  const aligned = translated ? alignSegments(segments, segmentsOf(translated)) : new Map();
  const label = docLabel(project, doc);
  const units: XliffUnit[] = segments.map((s) => {
    const unit: XliffUnit = {
      id: s.id,
      notes: [
        {
          category: 'context',
          text: [label, s.context, s.context.includes(s.kind) ? '' : s.kind]
            .filter(Boolean)
            .join('; '),
        },
        { category: 'location', text: `${rel}:${s.line}` },
      ],
      source: s.parts,
    };
    const twin = aligned.get(s.id);
    if (twin && twin.kind === s.kind && normalise(partsToMarkdown(twin.parts)) !== s.text) {
      // Translated from this very source text (the memory knows its id): send it as the
      // target. Translated from an earlier text: send it as a note, to be revised.
      if (!memory || memory.segments[s.id]) unit.target = twin.parts;
      else
        unit.notes.push({
          category: 'previous-translation',
          text: `The source changed since this translation: ${partsToMarkdown(twin.parts)}`,
        });
    }
    return unit;
  });
  return {
    id: `f-${fileSlug(doc.path).replace(/[^A-Za-z0-9._-]/g, '-')}`,
    original: rel,
    notes: [
      {
        category: 'source',
        text: `${label}, ${rel}; version ${lock.version}, ${lock.draft} draft, locked ${lock.date} (lock ${lock.sha256.slice(0, 16)})`,
      },
    ],
    units,
  };
}

/** XLIFF documents for the given language. */
export function exportXliff(
  project: Project,
  lock: Lock,
  lang: string,
  options: { single?: boolean } = {},
): ExportedDocument[] {
  const docs = [...project.front, ...project.chapters].filter((d) => d.readable);
  const translation = loadTranslation(project, lang);
  const memory = readMemory(translation.dir);
  const files = docs
    .map((d) => fileOf(project, lock, d, translation, memory))
    .filter((f) => f.units.length > 0);
  const count = (fs: XliffFile[]) => ({
    units: fs.reduce((n, f) => n + f.units.length, 0),
    translated: fs.reduce((n, f) => n + f.units.filter((u) => u.target).length, 0),
  });
  const src = project.config.language;
  if (options.single)
    return [{ name: `manuscript.${lang}.xlf`, xml: writeXliff(files, src, lang), ...count(files) }];
  return files.map((f) => ({
    name: `${f.original.replace(/\.md$/, '').replace(/\//g, '-')}.${lang}.xlf`,
    xml: writeXliff([f], src, lang),
    ...count([f]),
  }));
}
