/**
 * The content-hash parse cache sees every edit: in one process (memory level)
 * and across processes (disk level), for chapters and the bibliography, with
 * the same content in another file and after a revert; a cached tree handed to
 * a caller is a copy, so mutating it cannot change the next run.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheStats, clearMemoryCache } from '../../src/core/cache.js';
import { check } from '../../src/core/pipeline.js';
import type { Diagnostic } from '../../src/core/types.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/valid');
const ROOT = path.resolve(import.meta.dirname, '../..');
const CHAPTER = 'manuscript/01-introduction.md';

let root: string;
const file = (rel: string) => path.join(root, rel);
const read = (rel: string) => readFileSync(file(rel), 'utf8');
const write = (rel: string, text: string) => writeFileSync(file(rel), text);

const brief = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.rule}`;
const run = async () => (await check({ cwd: root, manuscript: 'manuscript' })).diagnostics;
const rulesOf = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.rule === rule).map(brief);

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'flagship-cache-'));
  cpSync(FIXTURE, root, { recursive: true });
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  delete process.env.FLAGSHIP_CACHE;
});

describe('parse cache in one process', () => {
  it('sees an edit of a chapter, and the revert', async () => {
    const original = read(CHAPTER);
    const before = await run();
    expect(rulesOf(before, 'citation-unresolved')).toEqual([]);
    write(CHAPTER, original.replace('[@unece2015;', '[@nosuchkey2020;'));
    expect(rulesOf(await run(), 'citation-unresolved')).toEqual([
      `${CHAPTER}:7:14 citation-unresolved`,
    ]);
    write(CHAPTER, original);
    expect((await run()).map(brief)).toEqual(before.map(brief));
  });

  it('re-creates parse messages on every hit, on the file being checked', async () => {
    const broken = read(CHAPTER).replace('id: introduction', 'id: [introduction');
    write(CHAPTER, broken);
    const first = rulesOf(await run(), 'frontmatter-invalid');
    expect(first.length).toBeGreaterThan(0);
    const hits = cacheStats('markdown').hits;
    expect(rulesOf(await run(), 'frontmatter-invalid')).toEqual(first);
    expect(cacheStats('markdown').hits).toBeGreaterThan(hits); // served from the cache
    // The same bytes in another file: a hit, reported with that file's path.
    write('manuscript/front/02-copy.md', broken);
    const both = rulesOf(await run(), 'frontmatter-invalid');
    expect(both).toEqual(
      expect.arrayContaining([
        ...first,
        ...first.map((d) => d.replace(CHAPTER, 'manuscript/front/02-copy.md')),
      ]),
    );
  });

  it('sees an edit of the bibliography, and the revert', async () => {
    const bib = read('references.bib');
    expect(rulesOf(await run(), 'citation-unresolved')).toEqual([]);
    write('references.bib', bib.replace('@book{unece2015,', '@book{unece2016,'));
    expect(rulesOf(await run(), 'citation-unresolved').length).toBeGreaterThan(0);
    write('references.bib', `${bib}\n@book{itu2016,\n  title = {Twice},\n  year = {2016}\n}\n`);
    expect(rulesOf(await run(), 'bib-duplicate-key').length).toBe(1);
    write('references.bib', bib);
    const reverted = await run();
    expect(rulesOf(reverted, 'citation-unresolved')).toEqual([]);
    expect(rulesOf(reverted, 'bib-duplicate-key')).toEqual([]);
  });

  it('hands out copies: mutating a cached tree does not change the next run', async () => {
    const first = await check({ cwd: root, manuscript: 'manuscript' });
    const again = await check({ cwd: root, manuscript: 'manuscript' });
    expect(again.project.chapters[0]!.tree).not.toBe(first.project.chapters[0]!.tree);
    again.project.chapters[0]!.tree.children.length = 0;
    again.project.bibliography.entries.length = 0;
    const third = await check({ cwd: root, manuscript: 'manuscript' });
    expect(third.project.chapters[0]!.tree).toEqual(first.project.chapters[0]!.tree);
    expect(third.diagnostics).toEqual(first.diagnostics);
  });

  it('gives the same diagnostics with the cache off, in memory only and on disk', async () => {
    write(CHAPTER, read(CHAPTER).replace('[@unece2015;', '[@nosuchkey2020;') + '\nTODO\n');
    process.env.FLAGSHIP_CACHE = 'off';
    const off = await run();
    process.env.FLAGSHIP_CACHE = 'memory';
    const memory = await run();
    delete process.env.FLAGSHIP_CACHE;
    clearMemoryCache();
    await run(); // fills the disk level
    clearMemoryCache();
    const disk = await run(); // read back from disk
    expect(off.length).toBeGreaterThan(1);
    expect(memory).toEqual(off);
    expect(disk).toEqual(off);
    expect(readdirSync(file('.flagship-cache')).some((f) => f.endsWith('.v8'))).toBe(true);
  });
});

describe('parse cache across processes', () => {
  const cli = (cwd: string) => {
    try {
      return execFileSync('node', [path.join(ROOT, 'bin/flagship.js'), 'check', '-f', 'json'], {
        cwd,
        encoding: 'utf8',
      });
    } catch (error) {
      return (error as { stdout: string }).stdout;
    }
  };
  const diagnostics = (out: string) =>
    (JSON.parse(out) as { diagnostics: Diagnostic[] }).diagnostics.map(brief);

  it('sees an edit made between two runs of the CLI, and the revert', () => {
    const original = read(CHAPTER);
    const first = diagnostics(cli(root));
    expect(readdirSync(file('.flagship-cache')).length).toBeGreaterThan(0);
    write(CHAPTER, original.replace('[@unece2015;', '[@nosuchkey2020;'));
    const edited = diagnostics(cli(root));
    expect(edited).toContain(`${CHAPTER}:7:14 citation-unresolved`);
    const bib = read('references.bib');
    const added = bib.split('\n').length + 1; // the line of the new entry
    write('references.bib', `${bib}\n@misc{nosuchkey2020, title={Now}}\n`);
    expect(diagnostics(cli(root))).not.toContain(`${CHAPTER}:7:14 citation-unresolved`);
    write(CHAPTER, original);
    const reverted = diagnostics(cli(root));
    expect(reverted).toContain(`references.bib:${added}:1 citation-unused`);
    expect(reverted.filter((d) => !d.startsWith(`references.bib:${added}:`))).toEqual(first);
  });
});
