/**
 * The change report between two versions of the manuscript, per chapter:
 * sections added, removed, moved or renamed; paragraphs changed (with a
 * word-level redline from the `diff` package), added or removed; boxes and
 * recommendation items added, removed or changed; citations added or removed;
 * word counts.
 */
import { diffWordsWithSpace, type ChangeObject } from 'diff';
import type { Project } from '../core/types.js';
import { match, movedPairs } from './match.js';
import { outlineChapter, type BoxPart, type ChapterOutline, type SectionPart } from './outline.js';

export interface RedlinePart {
  value: string;
  added?: boolean;
  removed?: boolean;
}
export type Redline = RedlinePart[];

export interface SectionRef {
  key: string;
  title: string;
  depth: number;
  line: number;
}

export interface SectionMove extends SectionRef {
  /** Line in the old version. */
  fromLine: number;
  /** Chapter id it came from when it moved between chapters. */
  fromChapter?: string;
}

export interface TextRef {
  line: number;
  text: string;
}

export interface ParagraphChange {
  line: number;
  fromLine: number;
  redline: Redline;
}

export interface BoxRef {
  name: string;
  label?: string;
  title?: string;
  line: number;
}

export interface BoxChange extends BoxRef {
  fromLine: number;
  /** Attributes (title, country, city, ...) whose value changed. */
  attributes: Array<{ name: string; from?: string; to?: string }>;
  /** Redline of the box text, when the text changed. */
  redline?: Redline;
}

export interface RecommendationRef {
  number: number;
  line: number;
  text: string;
}

export interface RecommendationChange {
  number: number;
  fromNumber: number;
  line: number;
  redline: Redline;
}

export interface ChapterChange {
  id: string;
  /** File in the new version (or the old one for a removed chapter). */
  file: string;
  fromFile?: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  title?: { from?: string; to?: string };
  sections: {
    added: SectionRef[];
    removed: SectionRef[];
    moved: SectionMove[];
    renamed: Array<SectionRef & { from: string }>;
  };
  paragraphs: { changed: ParagraphChange[]; added: TextRef[]; removed: TextRef[] };
  boxes: { added: BoxRef[]; removed: BoxRef[]; changed: BoxChange[] };
  recommendations: {
    added: RecommendationRef[];
    removed: RecommendationRef[];
    changed: RecommendationChange[];
  };
  citations: { added: string[]; removed: string[] };
  words: { before: number; after: number };
}

export interface VersionInfo {
  label: string;
  kind: 'working' | 'release' | 'git';
  commit?: string;
  version: string;
  draft: string;
}

export interface ChangeReport {
  from: VersionInfo;
  to: VersionInfo;
  chapters: ChapterChange[];
  totals: {
    chaptersChanged: number;
    wordsBefore: number;
    wordsAfter: number;
    paragraphsChanged: number;
    paragraphsAdded: number;
    paragraphsRemoved: number;
  };
}

export function redline(before: string, after: string): Redline {
  return diffWordsWithSpace(before, after).map((c: ChangeObject<string>) => {
    const part: RedlinePart = { value: c.value };
    if (c.added) part.added = true;
    if (c.removed) part.removed = true;
    return part;
  });
}

const sectionRef = (s: SectionPart): SectionRef => ({
  key: s.key,
  title: s.title,
  depth: s.depth,
  line: s.line,
});

const boxRef = (b: BoxPart): BoxRef => {
  const ref: BoxRef = { name: b.name, line: b.line };
  if (b.label) ref.label = b.label;
  if (b.title) ref.title = b.title;
  return ref;
};

function emptyChange(id: string, file: string): ChapterChange {
  return {
    id,
    file,
    status: 'unchanged',
    sections: { added: [], removed: [], moved: [], renamed: [] },
    paragraphs: { changed: [], added: [], removed: [] },
    boxes: { added: [], removed: [], changed: [] },
    recommendations: { added: [], removed: [], changed: [] },
    citations: { added: [], removed: [] },
    words: { before: 0, after: 0 },
  };
}

/** Box text without its title attribute and label, for the redline. */
function boxBody(box: BoxPart): string {
  return box.text;
}

function compareSections(a: ChapterOutline, b: ChapterOutline, change: ChapterChange): void {
  const m = match(
    a.sections.map((s) => ({ key: s.hasId ? s.key : undefined, text: s.title })),
    b.sections.map((s) => ({ key: s.hasId ? s.key : undefined, text: s.title })),
    0.6,
  );
  const moved = movedPairs(m.pairs);
  const newKeyOf = new Map(m.pairs.map(([i, j]) => [a.sections[i]!.key, b.sections[j]!.key]));
  m.pairs.forEach(([i, j], k) => {
    const before = a.sections[i]!;
    const after = b.sections[j]!;
    const parentMoved =
      (before.parent === undefined ? undefined : newKeyOf.get(before.parent)) !== after.parent;
    if (moved.has(k) || parentMoved)
      change.sections.moved.push({ ...sectionRef(after), fromLine: before.line });
    if (before.title !== after.title)
      change.sections.renamed.push({ ...sectionRef(after), from: before.title });
  });
  change.sections.removed = m.removed.map((i) => sectionRef(a.sections[i]!));
  change.sections.added = m.added.map((j) => sectionRef(b.sections[j]!));
}

function compareBlocks(a: ChapterOutline, b: ChapterOutline, change: ChapterChange): void {
  const m = match(
    a.blocks.map((x) => ({ kind: x.kind, text: x.text })),
    b.blocks.map((x) => ({ kind: x.kind, text: x.text })),
    0.5,
  );
  for (const [i, j] of m.pairs) {
    const before = a.blocks[i]!;
    const after = b.blocks[j]!;
    if (before.text !== after.text)
      change.paragraphs.changed.push({
        line: after.line,
        fromLine: before.line,
        redline: redline(before.text, after.text),
      });
  }
  change.paragraphs.added = m.added.map((j) => ({
    line: b.blocks[j]!.line,
    text: b.blocks[j]!.text,
  }));
  change.paragraphs.removed = m.removed.map((i) => ({
    line: a.blocks[i]!.line,
    text: a.blocks[i]!.text,
  }));
}

function compareBoxes(a: ChapterOutline, b: ChapterOutline, change: ChapterChange): void {
  const item = (x: BoxPart) => ({ key: x.label, kind: x.name, text: `${x.title ?? ''} ${x.text}` });
  const m = match(a.boxes.map(item), b.boxes.map(item), 0.4);
  for (const [i, j] of m.pairs) {
    const before = a.boxes[i]!;
    const after = b.boxes[j]!;
    const names = new Set([...Object.keys(before.attributes), ...Object.keys(after.attributes)]);
    const attributes: BoxChange['attributes'] = [];
    for (const name of names) {
      const from = before.attributes[name];
      const to = after.attributes[name];
      if (from === to) continue;
      const entry: BoxChange['attributes'][number] = { name };
      if (from !== undefined) entry.from = from;
      if (to !== undefined) entry.to = to;
      attributes.push(entry);
    }
    const textChanged = boxBody(before) !== boxBody(after);
    if (attributes.length === 0 && !textChanged) continue;
    const entry: BoxChange = { ...boxRef(after), fromLine: before.line, attributes };
    if (textChanged) entry.redline = redline(boxBody(before), boxBody(after));
    change.boxes.changed.push(entry);
  }
  change.boxes.added = m.added.map((j) => boxRef(b.boxes[j]!));
  change.boxes.removed = m.removed.map((i) => boxRef(a.boxes[i]!));
}

function compareRecommendations(a: ChapterOutline, b: ChapterOutline, change: ChapterChange): void {
  const m = match(
    a.recommendations.map((r) => ({ text: r.text })),
    b.recommendations.map((r) => ({ text: r.text })),
    0.4,
  );
  for (const [i, j] of m.pairs) {
    const before = a.recommendations[i]!;
    const after = b.recommendations[j]!;
    if (before.text !== after.text)
      change.recommendations.changed.push({
        number: after.number,
        fromNumber: before.number,
        line: after.line,
        redline: redline(before.text, after.text),
      });
  }
  change.recommendations.added = m.added.map((j) => ({ ...b.recommendations[j]! }));
  change.recommendations.removed = m.removed.map((i) => ({ ...a.recommendations[i]! }));
}

function hasChanges(c: ChapterChange): boolean {
  return (
    c.title !== undefined ||
    c.words.before !== c.words.after ||
    Object.values(c.sections).some((l) => l.length > 0) ||
    Object.values(c.paragraphs).some((l) => l.length > 0) ||
    Object.values(c.boxes).some((l) => l.length > 0) ||
    Object.values(c.recommendations).some((l) => l.length > 0) ||
    c.citations.added.length + c.citations.removed.length > 0
  );
}

export function compareChapters(a: ChapterOutline, b: ChapterOutline): ChapterChange {
  const change = emptyChange(b.id, b.file);
  if (a.file !== b.file) change.fromFile = a.file;
  if (a.title !== b.title) change.title = { from: a.title, to: b.title };
  compareSections(a, b, change);
  compareBlocks(a, b, change);
  compareBoxes(a, b, change);
  compareRecommendations(a, b, change);
  const before = new Set(a.citedKeys);
  const after = new Set(b.citedKeys);
  change.citations.added = b.citedKeys.filter((k) => !before.has(k));
  change.citations.removed = a.citedKeys.filter((k) => !after.has(k));
  change.words = { before: a.words, after: b.words };
  change.status = hasChanges(change) ? 'changed' : 'unchanged';
  return change;
}

/** A whole chapter added or removed: everything in it counts as added or removed. */
function wholeChapter(outline: ChapterOutline, status: 'added' | 'removed'): ChapterChange {
  const empty: ChapterOutline = {
    ...outline,
    sections: [],
    blocks: [],
    boxes: [],
    recommendations: [],
    citedKeys: [],
    words: 0,
    title: undefined,
  };
  const change =
    status === 'added' ? compareChapters(empty, outline) : compareChapters(outline, empty);
  change.status = status;
  change.file = outline.file;
  delete change.fromFile;
  return change;
}

/** Sections removed from one chapter and added to another with the same key moved between chapters. */
function crossChapterMoves(changes: ChapterChange[]): void {
  for (const to of changes)
    for (const added of [...to.sections.added])
      for (const from of changes) {
        if (from === to) continue;
        const index = from.sections.removed.findIndex(
          (r) => r.key === added.key || r.title === added.title,
        );
        if (index < 0) continue;
        const removed = from.sections.removed.splice(index, 1)[0]!;
        to.sections.added.splice(to.sections.added.indexOf(added), 1);
        to.sections.moved.push({ ...added, fromLine: removed.line, fromChapter: from.id });
        break;
      }
}

export function info(
  label: string,
  kind: VersionInfo['kind'],
  project: Project,
  commit?: string,
): VersionInfo {
  const v: VersionInfo = {
    label,
    kind,
    version: project.config.version,
    draft: project.config.draft,
  };
  if (commit) v.commit = commit;
  return v;
}

export function compareProjects(
  before: Project,
  after: Project,
  from: VersionInfo,
  to: VersionInfo,
): ChangeReport {
  const a = before.chapters.filter((c) => c.readable).map(outlineChapter);
  const b = after.chapters.filter((c) => c.readable).map(outlineChapter);
  const baseName = (f: string) => f.split('/').pop() ?? f;
  const m = match(
    a.map((c) => ({ key: c.id, text: baseName(c.file) })),
    b.map((c) => ({ key: c.id, text: baseName(c.file) })),
    1,
  );
  const changes: ChapterChange[] = [];
  const pairOfNew = new Map(m.pairs.map(([i, j]) => [j, i]));
  b.forEach((chapter, j) => {
    const i = pairOfNew.get(j);
    changes.push(
      i === undefined ? wholeChapter(chapter, 'added') : compareChapters(a[i]!, chapter),
    );
  });
  for (const i of m.removed) changes.push(wholeChapter(a[i]!, 'removed'));
  crossChapterMoves(changes);
  const sum = (f: (c: ChapterChange) => number) => changes.reduce((n, c) => n + f(c), 0);
  return {
    from,
    to,
    chapters: changes,
    totals: {
      chaptersChanged: changes.filter((c) => c.status !== 'unchanged').length,
      wordsBefore: sum((c) => c.words.before),
      wordsAfter: sum((c) => c.words.after),
      paragraphsChanged: sum((c) => c.paragraphs.changed.length),
      paragraphsAdded: sum((c) => c.paragraphs.added.length),
      paragraphsRemoved: sum((c) => c.paragraphs.removed.length),
    },
  };
}
