/**
 * Tamper detection of the records flagship writes and trusts: the integrity
 * helper (seal, verify on read), and the readers that already verify (the
 * translation lock and release manifests): an edited, truncated or unsealed
 * record is reported with a clear message, never trusted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import {
  canonicalJson,
  digestOf,
  readSealedJson,
  seal,
  verifySealedText,
  writeSealedJson,
} from '../../src/util/integrity.js';
import { lockHash } from '../../src/translation/lock.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const temp = () => (dir = mkdtempSync(path.join(tmpdir(), 'flagship-integrity-')));

const RECORD = {
  draft: 'first',
  version: '0.3.0',
  pdf: { file: 'dist/x.pdf', sha256: 'ab'.repeat(32), pages: 12 },
  sources: { 'manuscript/01-introduction.md': 'cd'.repeat(32) },
  warnings: [],
  complete: true,
};

describe('canonical JSON', () => {
  it('sorts keys at every level and ignores key order and whitespace', () => {
    const a = canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } });
    expect(a).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
    expect(
      canonicalJson(JSON.parse(JSON.stringify({ a: { c: null, d: [1, 'x'] }, b: 1 }, null, 4))),
    ).toBe(a);
  });

  it('is what the translation lock hashes, so both verify the same way', () => {
    const lockLike = { ...RECORD, sha256: 'x' };
    expect(digestOf(lockLike)).toBe(lockHash(lockLike as never));
  });
});

describe('sealed records', () => {
  it('verifies a record it wrote, pretty-printed', () => {
    const file = path.join(temp(), 'build.json');
    writeSealedJson(file, RECORD);
    const read = readSealedJson(file, 'dist/build.json');
    expect(read).toEqual({
      ok: true,
      value: { ...RECORD, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it('reports an edited value as tampered', () => {
    const file = path.join(temp(), 'build.json');
    writeSealedJson(file, RECORD);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"pages": 12', '"pages": 13'));
    const read = readSealedJson(file, 'dist/build.json');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.reason).toBe('tampered');
    expect(read.message).toMatch(/^dist\/build\.json was changed after flagship wrote it/);
  });

  it('reports an added key, a removed key and a changed digest', () => {
    const sealed = seal(RECORD);
    const added = verifySealedText(JSON.stringify({ ...sealed, extra: 1 }), 'r');
    const { warnings: _w, ...removedRecord } = sealed;
    const removed = verifySealedText(JSON.stringify(removedRecord), 'r');
    const digest = verifySealedText(JSON.stringify({ ...sealed, sha256: '0'.repeat(64) }), 'r');
    for (const r of [added, removed, digest]) expect(r.ok ? 'ok' : r.reason).toBe('tampered');
  });

  it('accepts the same record re-indented or with keys reordered (content, not bytes)', () => {
    const sealed = seal(RECORD);
    const reordered = Object.fromEntries(Object.entries(sealed).reverse());
    expect(verifySealedText(JSON.stringify(reordered), 'r').ok).toBe(true);
  });

  it('reports a truncated file, an unsealed record and a missing file', () => {
    const file = path.join(temp(), 'build.json');
    writeSealedJson(file, RECORD);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.length / 2));
    const truncated = readSealedJson(file, 'build.json');
    expect(truncated.ok ? 'ok' : truncated.reason).toBe('invalid');
    const unsealed = verifySealedText(JSON.stringify(RECORD), 'build.json');
    expect(unsealed.ok ? 'ok' : unsealed.reason).toBe('unsealed');
    const missing = readSealedJson(path.join(dir!, 'none.json'), 'none.json');
    expect(missing.ok ? 'ok' : missing.reason).toBe('missing');
    expect(verifySealedText('[1]', 'x').ok).toBe(false);
  });
});

describe('readers that verify on read', () => {
  it('refuses a translation lock whose segment text was edited', async () => {
    const { checkProject } = await import('../helpers/fixture.js');
    const { buildLock, readLock, writeLock } = await import('../../src/translation/lock.js');
    const result = await checkProject('valid');
    const file = path.join(temp(), 'translation.lock.json');
    writeLock(file, buildLock(result.project, 'first'));
    expect(readLock(file).files.length).toBeGreaterThan(0);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Smart cities', 'Dumb cities'));
    expect(readFileSync(file, 'utf8')).not.toBe(text);
    expect(() => readLock(file)).toThrow(UsageError);
    expect(() => readLock(file)).toThrow(/edited by hand or damaged/);
  });

  it('refuses a release manifest changed after the release', async () => {
    const { manifestHashLine, readManifest, MANIFEST, MANIFEST_HASH, RELEASES_DIR } =
      await import('../../src/lifecycle/manifest.js');
    const root = temp();
    const release = path.join(root, RELEASES_DIR, 'first-v0.3.0');
    const manifest = {
      format: 1,
      name: 'first-v0.3.0',
      draft: 'first',
      version: '0.3.0',
      commit: 'a'.repeat(40),
      tag: 'first-v0.3.0',
      createdAt: '2026-11-28T00:00:00Z',
      tool: { name: 'flagship', version: '0.1.0' },
      manuscript: 'manuscript',
      bibliography: 'references.bib',
      sources: [{ path: 'manuscript/01-introduction.md', sha256: 'b'.repeat(64), bytes: 10 }],
      outputs: [],
    };
    const json = `${JSON.stringify(manifest, null, 2)}\n`;
    writeSealedJson(path.join(release, 'probe.json'), {}); // creates the directory
    writeFileSync(path.join(release, MANIFEST), json);
    writeFileSync(path.join(release, MANIFEST_HASH), manifestHashLine(json));
    expect(readManifest(root, 'first-v0.3.0')?.commit).toBe('a'.repeat(40));
    writeFileSync(path.join(release, MANIFEST), json.replace('"b', '"c'));
    expect(() => readManifest(root, 'first-v0.3.0')).toThrow(/does not match its SHA-256/);
    rmSync(path.join(release, MANIFEST_HASH));
    expect(() => readManifest(root, 'first-v0.3.0')).toThrow(/missing/);
  });
});
