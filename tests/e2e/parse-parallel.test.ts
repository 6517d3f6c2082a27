/**
 * A cold check of a large manuscript parses on two threads (parse-parallel.ts,
 * compiled CLI only): the worker parses the bibliography and a share of the
 * chapters. It must report exactly what the sequential parse reports, parse
 * messages included (a broken BibTeX entry, invalid front matter in every
 * chapter, so on both threads), with or without the cache, and the cache it
 * fills must give the same again.
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('parallel parse of a large manuscript', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'flagship-parallel-'));
    execFileSync('node', [path.join(ROOT, 'bench/generate.mjs'), '--out', dir]);
    // Parse-time messages, which the worker records and this thread re-creates.
    appendFileSync(
      path.join(dir, 'references.bib'),
      '\n@article{, title = {No key}}\n\n@book{broken2020,\n  title = {Never closed,\n',
    );
    const chapters = path.join(dir, 'manuscript');
    for (const name of readdirSync(chapters).filter((f) => /^\d+-.*\.md$/.test(f))) {
      const file = path.join(chapters, name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, '---\nid: [unclosed\n'));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const check = (env: Record<string, string>) => {
    try {
      return execFileSync(
        'node',
        [path.join(ROOT, 'bin/flagship.js'), 'check', '--manuscript', 'manuscript', '-f', 'json'],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } },
      );
    } catch (error) {
      return (error as { stdout: string }).stdout;
    }
  };

  it('gives the same diagnostics cold (two threads), warm, and without the cache', () => {
    const cache = path.join(dir, 'cache');
    const sequential = check({ FLAGSHIP_CACHE: 'off', FLAGSHIP_PARSE_THREADS: '1' });
    const diagnostics = JSON.parse(sequential).diagnostics as Array<{ rule: string }>;
    const rules = new Set(diagnostics.map((d) => d.rule));
    for (const rule of ['draft-marker', 'bib-parse-error', 'frontmatter-invalid'])
      expect(rules).toContain(rule);
    // Two threads forced (by default a machine with fewer than 3 free cores parses on one).
    expect(check({ FLAGSHIP_CACHE: 'off', FLAGSHIP_PARSE_THREADS: '2' })).toBe(sequential);
    expect(check({ FLAGSHIP_CACHE_DIR: cache, FLAGSHIP_PARSE_THREADS: '2' })).toBe(sequential);
    expect(readdirSync(cache).filter((f) => f.endsWith('.v8')).length).toBeGreaterThanOrEqual(9);
    expect(check({ FLAGSHIP_CACHE_DIR: cache })).toBe(sequential);
    rmSync(cache, { recursive: true, force: true });
    expect(check({ FLAGSHIP_CACHE_DIR: cache, FLAGSHIP_PARSE_THREADS: '1' })).toBe(sequential);
  });
});
