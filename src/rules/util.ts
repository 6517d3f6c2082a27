/**
 * Helpers shared by rules: the readable chapters, matching chapters to the
 * mandated table of contents, nearest-name suggestions, title normalisation.
 */
import { distance } from 'fastest-levenshtein';
import type { TocEntry } from '../core/config-schema.js';
import type { MarkdownDoc, Project } from '../core/types.js';

export function readableChapters(project: Project): MarkdownDoc[] {
  return project.chapters.filter((c) => c.readable);
}

export function allDocs(project: Project): MarkdownDoc[] {
  return [...project.front, ...project.chapters].filter((d) => d.readable);
}

export function tocEntryOf(project: Project, doc: MarkdownDoc): TocEntry | undefined {
  return doc.id === undefined ? undefined : project.config.toc.find((t) => t.id === doc.id);
}

/** The closest candidate by edit distance (case-insensitive), if close enough to be a likely typo. */
export function nearest(
  value: string,
  candidates: Iterable<string>,
  maxRatio = 0.5,
): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const v = value.toLowerCase();
  for (const candidate of candidates) {
    const score = distance(v, candidate.toLowerCase());
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best === undefined) return undefined;
  return bestScore <= Math.max(2, Math.ceil(Math.max(value.length, best.length) * maxRatio))
    ? best
    : undefined;
}

/** Fold typographic variants: dashes, quotes, spacing, case, Unicode form. */
export function foldTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The first line of the file, for findings about a whole file. */
export const FILE_START = { line: 1, column: 1 };

/** Where a chapter's H1 is, or the file start. */
export function titlePlace(doc: MarkdownDoc) {
  const h1 = doc.tree.children.find((n) => n.type === 'heading' && n.depth === 1);
  return h1?.position ?? FILE_START;
}

/** Where the front matter's `id` is, or the file start. */
export function idPlace(doc: MarkdownDoc) {
  const lines = doc.text.split(/\r\n|\r|\n/);
  const index = lines.findIndex((l, i) => i > 0 && /^id\s*:/.test(l));
  return index > 0 && index < 40 ? { line: index + 1, column: 1 } : FILE_START;
}
