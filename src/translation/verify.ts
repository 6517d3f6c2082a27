/**
 * `lock --verify`: compare the source as it is now with the translation lock and
 * list what moved: segments changed, added or removed, and files changed,
 * added or removed. Segments are matched by id (ids survive edits elsewhere);
 * a removed and an added segment at the same place in the file (same kind and
 * structural path, between the same unchanged neighbours) are one "changed"
 * segment, reported with its old and new text.
 */
import path from 'node:path';
import { diffArrays } from 'diff';
import { displayPath } from '../core/source.js';
import type { MarkdownDoc, Project } from '../core/types.js';
import type { Lock, LockedFile, LockedSegment } from './lock.js';
import { buildLock } from './lock.js';
import { segmentsOf, type Segment } from './segments.js';

export type ChangeType =
  'changed' | 'added' | 'removed' | 'file-changed' | 'file-added' | 'file-removed';

export interface Change {
  type: ChangeType;
  /** Display path (relative to the working directory). */
  file: string;
  /** Line now (changed, added, file-*) or in the locked source (removed). */
  line: number;
  column: number;
  id?: string;
  /** For `changed`: the id the segment had in the lock. */
  oldId?: string;
  kind?: string;
  /** Line of the segment in the locked source (changed, removed). */
  oldLine?: number;
  old?: string;
  new?: string;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  lock: { file: string; version: string; draft: string; date: string };
  changes: Change[];
  summary: Record<ChangeType, number>;
}

function quote(text: string, max = 160): string {
  const t = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `"${t}"`;
}

function compareSegments(file: string, before: LockedSegment[], after: Segment[]): Change[] {
  const changes: Change[] = [];
  const parts = diffArrays(
    before.map((s) => s.id),
    after.map((s) => s.id),
  );
  let i = 0; // index in before
  let j = 0; // index in after
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (!part.added && !part.removed) {
      i += part.count ?? part.value.length;
      j += part.count ?? part.value.length;
      continue;
    }
    // A hunk: consecutive removed and added runs between unchanged segments.
    let removed: LockedSegment[] = [];
    let added: Segment[] = [];
    while (k < parts.length && (parts[k]!.added || parts[k]!.removed)) {
      const p = parts[k]!;
      const n = p.count ?? p.value.length;
      if (p.removed) {
        removed = removed.concat(before.slice(i, i + n));
        i += n;
      } else {
        added = added.concat(after.slice(j, j + n));
        j += n;
      }
      k += 1;
    }
    k -= 1;
    // Ids that moved (removed here, added elsewhere) are not changes of text.
    const movedIds = new Set(after.map((s) => s.id));
    const keptIds = new Set(before.map((s) => s.id));
    removed = removed.filter((s) => !movedIds.has(s.id));
    added = added.filter((s) => !keptIds.has(s.id));
    // Pair a removed and an added segment of the same kind and path, in order.
    const unpaired: Segment[] = [];
    const pool = [...removed];
    for (const now of added) {
      const at = pool.findIndex((old) => old.kind === now.kind && old.path === now.path);
      if (at < 0) {
        unpaired.push(now);
        continue;
      }
      const old = pool.splice(at, 1)[0]!;
      changes.push({
        type: 'changed',
        file,
        line: now.line,
        column: now.column,
        id: now.id,
        oldId: old.id,
        kind: now.kind,
        oldLine: old.line,
        old: old.text,
        new: now.text,
        message: `${now.kind} changed (was ${old.id}, line ${old.line}): ${quote(old.text)} -> ${quote(now.text)}`,
      });
    }
    for (const old of pool)
      changes.push({
        type: 'removed',
        file,
        line: old.line,
        column: 1,
        id: old.id,
        kind: old.kind,
        oldLine: old.line,
        old: old.text,
        message: `${old.kind} removed (locked at line ${old.line}): ${quote(old.text)}`,
      });
    for (const now of unpaired)
      changes.push({
        type: 'added',
        file,
        line: now.line,
        column: now.column,
        id: now.id,
        kind: now.kind,
        new: now.text,
        message: `${now.kind} added: ${quote(now.text)}`,
      });
  }
  return changes.sort((a, b) => a.line - b.line);
}

/** What changed in the source since the lock was made. */
export function verifyLock(project: Project, lock: Lock, lockFile: string): VerifyResult {
  const current = buildLock(project, lock.draft);
  const docs = new Map<string, MarkdownDoc>();
  for (const doc of [...project.front, ...project.chapters])
    docs.set(path.relative(project.dir, doc.path).split(path.sep).join('/'), doc);
  const shown = (rel: string) => displayPath(path.resolve(project.dir, rel), project.cwd);
  const changes: Change[] = [];
  const before = new Map(lock.files.map((f) => [f.path, f]));
  const after = new Map(current.files.map((f) => [f.path, f]));
  for (const [rel, old] of before) {
    const now = after.get(rel);
    if (!now) {
      changes.push({
        type: 'file-removed',
        file: shown(rel),
        line: 1,
        column: 1,
        message: `${old.role} file removed since the lock (${old.segments?.length ?? 0} segments)`,
      });
      for (const s of old.segments ?? [])
        changes.push({
          type: 'removed',
          file: shown(rel),
          line: s.line,
          column: 1,
          id: s.id,
          kind: s.kind,
          oldLine: s.line,
          old: s.text,
          message: `${s.kind} removed with its file: ${quote(s.text)}`,
        });
      continue;
    }
    if (now.sha256 === old.sha256) continue;
    const doc = docs.get(rel);
    const segmentChanges =
      doc && old.segments ? compareSegments(shown(rel), old.segments, segmentsOf(doc)) : [];
    const markup = old.skeleton !== undefined && now.skeleton !== old.skeleton;
    if (segmentChanges.length === 0 || markup)
      changes.push({
        type: 'file-changed',
        file: shown(rel),
        line: 1,
        column: 1,
        message:
          old.role === 'bibliography'
            ? 'the bibliography changed since the lock'
            : markup
              ? 'markup outside the translatable text changed since the lock (front matter, box attributes, link targets, list or table layout)'
              : 'only whitespace or line wrapping changed since the lock',
      });
    changes.push(...segmentChanges);
  }
  for (const [rel, now] of after) {
    if (before.has(rel)) continue;
    changes.push(...addedFile(shown(rel), now));
  }
  const summary = {
    changed: 0,
    added: 0,
    removed: 0,
    'file-changed': 0,
    'file-added': 0,
    'file-removed': 0,
  } satisfies Record<ChangeType, number>;
  for (const c of changes) summary[c.type] += 1;
  return {
    ok: changes.length === 0,
    lock: {
      file: displayPath(lockFile, project.cwd),
      version: lock.version,
      draft: lock.draft,
      date: lock.date,
    },
    changes,
    summary,
  };
}

function addedFile(file: string, now: LockedFile): Change[] {
  return [
    {
      type: 'file-added',
      file,
      line: 1,
      column: 1,
      message: `${now.role} file added since the lock (${now.segments?.length ?? 0} segments)`,
    },
    ...(now.segments ?? []).map((s): Change => ({
      type: 'added',
      file,
      line: s.line,
      column: 1,
      id: s.id,
      kind: s.kind,
      new: s.text,
      message: `${s.kind} added with its file: ${quote(s.text)}`,
    })),
  ];
}
