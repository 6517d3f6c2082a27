/**
 * The translation lock (`manuscript/translation.lock.json`): the source frozen
 * for translation. It records the manuscript version, draft stage and date, the
 * SHA-256 of every source file (chapters, front matter, bibliography) and every
 * translatable segment of the Markdown files (id, kind, place, hash, text).
 *
 * The lock carries a SHA-256 of its own content (canonical JSON with sorted
 * keys, the `sha256` field left out); reading a lock checks it, so a hand-edited
 * or damaged lock is refused instead of silently trusted.
 */
import { digestOf } from '../util/integrity.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { displayPath, sha256 } from '../core/source.js';
import type { MarkdownDoc, Project, Stage } from '../core/types.js';
import { STAGES } from '../core/types.js';
import { atomicWrite } from '../util/atomic-write.js';
import { segmentsOf, type Segment, type SegmentKind } from './segments.js';

export const LOCK_FORMAT = 'flagship-translation-lock';
export const LOCK_FORMAT_VERSION = 1;
export const LOCK_FILE = 'translation.lock.json';

export interface LockedSegment {
  id: string;
  kind: SegmentKind;
  path: string;
  line: number;
  sha256: string;
  text: string;
}

export interface LockedFile {
  /** Path relative to the manuscript directory, `/`-separated. */
  path: string;
  role: 'chapter' | 'front' | 'bibliography';
  sha256: string;
  /** Markdown files: the chapter id (front matter) or file slug. */
  id?: string;
  /**
   * Markdown files: SHA-256 of the text outside the segments (front matter, markup,
   * attributes, link targets), whitespace folded, so `--verify` can tell a change
   * of markup from a change of text.
   */
  skeleton?: string;
  segments?: LockedSegment[];
}

export interface Lock {
  format: typeof LOCK_FORMAT;
  formatVersion: number;
  /** The manuscript's `version` when it was locked. */
  version: string;
  draft: Stage;
  /** ISO 8601 date and time of locking (UTC). */
  date: string;
  sourceLanguage: string;
  files: LockedFile[];
  /** SHA-256 of the canonical JSON of every other field. */
  sha256: string;
}

/** The lock's self-hash: SHA-256 of the canonical JSON of every other field (see util/integrity.ts). */
export function lockHash(lock: Omit<Lock, 'sha256'> & { sha256?: string }): string {
  return digestOf(lock as unknown as Record<string, unknown>);
}

export function lockPath(project: Pick<Project, 'dir'>, override?: string, cwd = process.cwd()) {
  return override ? path.resolve(cwd, override) : path.join(project.dir, LOCK_FILE);
}

function relative(project: Project, abs: string): string {
  return path.relative(project.dir, abs).split(path.sep).join('/');
}

/** SHA-256 of a file's text with its segments cut out and whitespace folded. */
export function skeletonHash(text: string, segments: Segment[]): string {
  let out = '';
  let at = 0;
  for (const s of [...segments].sort((a, b) => a.start - b.start)) {
    out += `${text.slice(at, s.start)} `;
    at = s.end;
  }
  out += text.slice(at);
  return sha256(out.replace(/\s+/g, ' ').trim());
}

function lockDoc(project: Project, doc: MarkdownDoc, role: 'chapter' | 'front'): LockedFile {
  const segments = segmentsOf(doc);
  return {
    path: relative(project, doc.path),
    role,
    sha256: doc.sha256,
    id: doc.id,
    skeleton: skeletonHash(doc.text, segments),
    segments: segments.map((s) => ({
      id: s.id,
      kind: s.kind,
      path: s.path,
      line: s.line,
      sha256: s.sha256,
      text: s.text,
    })),
  };
}

/** The lock of a parsed project as it is now. */
export function buildLock(project: Project, stage: Stage, date = new Date()): Lock {
  const bib = project.bibliography;
  const files: LockedFile[] = [
    ...project.front.map((d) => lockDoc(project, d, 'front')),
    ...project.chapters.map((d) => lockDoc(project, d, 'chapter')),
  ];
  if (bib.readable && existsSync(bib.path))
    files.push({ path: relative(project, bib.path), role: 'bibliography', sha256: bib.sha256 });
  const body: Omit<Lock, 'sha256'> = {
    format: LOCK_FORMAT,
    formatVersion: LOCK_FORMAT_VERSION,
    version: project.config.version,
    draft: stage,
    date: date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    sourceLanguage: project.config.language,
    files,
  };
  return { ...body, sha256: lockHash(body) };
}

export function serializeLock(lock: Lock): string {
  return `${JSON.stringify(lock, null, 2)}\n`;
}

export function writeLock(file: string, lock: Lock): void {
  atomicWrite(file, serializeLock(lock));
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** Read and check a lock file; every problem is a UsageError that says what to do. */
export function readLock(file: string, cwd = process.cwd()): Lock {
  const shown = displayPath(file, cwd);
  if (!existsSync(file))
    throw new UsageError(
      `there is no translation lock at ${shown}; run \`flagship lock\` to freeze the source first.`,
    );
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `the translation lock ${shown} is not valid JSON (${(error as Error).message}); restore it from git or run \`flagship lock\` again.`,
    );
  }
  const lock = value as Lock;
  const broken = (what: string) =>
    new UsageError(
      `the translation lock ${shown} is damaged (${what}); restore it from git or run \`flagship lock\` again.`,
    );
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw broken('not a JSON object');
  if (lock.format !== LOCK_FORMAT) throw broken(`\`format\` is not "${LOCK_FORMAT}"`);
  if (lock.formatVersion !== LOCK_FORMAT_VERSION)
    throw new UsageError(
      `the translation lock ${shown} has format version ${String(lock.formatVersion)}; this flagship reads version ${LOCK_FORMAT_VERSION}. Run \`flagship lock\` again.`,
    );
  if (!isString(lock.sha256) || !/^[0-9a-f]{64}$/.test(lock.sha256))
    throw broken('`sha256` is missing');
  if (lockHash(lock) !== lock.sha256)
    throw new UsageError(
      `the translation lock ${shown} was edited by hand or damaged: its content does not match its SHA-256. Restore it from git, or run \`flagship lock\` to lock the source again.`,
    );
  if (
    !isString(lock.version) ||
    !isString(lock.date) ||
    !(STAGES as readonly string[]).includes(lock.draft) ||
    !Array.isArray(lock.files)
  )
    throw broken('a field is missing or has the wrong type');
  for (const f of lock.files) {
    if (!f || !isString(f.path) || !isString(f.sha256)) throw broken('a file entry is malformed');
    if (f.segments !== undefined) {
      if (!Array.isArray(f.segments)) throw broken(`the segments of ${f.path} are not a list`);
      for (const s of f.segments)
        if (!s || !isString(s.id) || !isString(s.text) || !isString(s.sha256) || !isString(s.kind))
          throw broken(`a segment of ${f.path} is malformed`);
    }
  }
  return lock;
}
