/**
 * The translation lock: written with a self-hash, refused when tampered with,
 * and `verifyLock` names exactly what moved (changed with old and new text,
 * added, removed, file-level changes).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../src/core/load.js';
import { parseProject } from '../../src/core/parse.js';
import { UsageError } from '../../src/core/errors.js';
import { buildLock, lockPath, readLock, writeLock } from '../../src/translation/lock.js';
import { verifyLock } from '../../src/translation/verify.js';
import { copyFixture } from '../helpers/translation.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function locked() {
  const root = copyFixture();
  roots.push(root);
  const project = parseProject(loadSources({ cwd: root }));
  const file = lockPath(project);
  writeLock(file, buildLock(project, 'final', new Date('2020-06-30T12:00:00Z')));
  return { root, file };
}

function verify(root: string) {
  const project = parseProject(loadSources({ cwd: root }));
  const file = lockPath(project);
  return verifyLock(project, readLock(file, root), file);
}

function edit(root: string, rel: string, fn: (t: string) => string) {
  const abs = path.join(root, 'manuscript', rel);
  writeFileSync(abs, fn(readFileSync(abs, 'utf8')));
}

describe('translation lock', () => {
  it('records version, stage, date, file and segment hashes, and verifies clean', () => {
    const { root, file } = locked();
    const lock = readLock(file, root);
    expect(lock).toMatchObject({ version: '1.0.0', draft: 'final', date: '2020-06-30T12:00:00Z' });
    expect(lock.files.map((f) => f.path)).toEqual([
      'front/01-foreword.md',
      '01-introduction.md',
      '02-governance.md',
      '../references.bib',
    ]);
    const intro = lock.files[1]!;
    expect(intro.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(intro.segments!.length).toBeGreaterThan(15);
    for (const s of intro.segments!) expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(verify(root)).toMatchObject({ ok: true, changes: [] });
  });

  it('names exactly the segment whose sentence changed, with old and new text', () => {
    const { root } = locked();
    edit(root, '02-governance.md', (t) =>
      t.replace('Vienna engages residents in decisions', 'Vienna involves residents in decisions'),
    );
    const result = verify(root);
    expect(result.ok).toBe(false);
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({
      type: 'changed',
      file: 'manuscript/02-governance.md',
      line: 9,
      kind: 'paragraph',
      old: 'Vienna engages residents in decisions about the city budget.',
      new: 'Vienna involves residents in decisions about the city budget.',
    });
    expect(result.changes[0]!.oldId).not.toBe(result.changes[0]!.id);
  });

  it('reports added and removed segments and a change outside translatable text', () => {
    const { root } = locked();
    edit(root, '01-introduction.md', (t) =>
      t
        .replace('> Cities are where the future happens first.\n\n', '')
        .replace('# Introduction\n', '# Introduction\n\nAn added opening paragraph.\n')
        .replace('country=ESP', 'country=AND'),
    );
    edit(root, '02-governance.md', (t) => t.replace('Good governance', 'Good  governance'));
    const result = verify(root);
    const summary = result.changes.map(
      (c) => `${c.type} ${c.file}:${c.line} ${c.old ?? c.new ?? ''}`,
    );
    expect(result.changes[0]!.message).toMatch(/box attributes/);
    expect(result.changes.at(-1)!.message).toMatch(/only whitespace/);
    expect(summary).toEqual([
      'file-changed manuscript/01-introduction.md:1 ',
      'added manuscript/01-introduction.md:6 An added opening paragraph.',
      'removed manuscript/01-introduction.md:17 Cities are where the future happens first.',
      'file-changed manuscript/02-governance.md:1 ',
    ]);
  });

  it('reports a removed file with its segments', () => {
    const { root } = locked();
    rmSync(path.join(root, 'manuscript/front/01-foreword.md'));
    const result = verify(root);
    expect(result.summary['file-removed']).toBe(1);
    expect(result.summary.removed).toBe(2);
  });

  it('refuses a lock edited by hand', () => {
    const { root, file } = locked();
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('"version": "1.0.0"', '"version": "1.0.1"'),
    );
    expect(() => readLock(file, root)).toThrow(UsageError);
    expect(() => readLock(file, root)).toThrow(/edited by hand or damaged/);
  });

  it('refuses a lock that is not JSON, or missing', () => {
    const { root, file } = locked();
    writeFileSync(file, '{ not json');
    expect(() => readLock(file, root)).toThrow(/not valid JSON/);
    rmSync(file);
    expect(() => readLock(file, root)).toThrow(/run `flagship lock`/);
  });

  it('accepts a lock whose JSON was only reformatted', () => {
    const { root, file } = locked();
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))));
    expect(readLock(file, root).version).toBe('1.0.0');
  });
});
