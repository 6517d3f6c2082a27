/**
 * unsafe-content: hostile pasted content (scripts, handlers, embeds, script,
 * file:// and remote URLs, paths and symlinks leaving the project) is reported
 * at its line; safe links and images inside the project are not.
 */
import { mkdirSync, readFileSync, symlinkSync, copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../src/core/pipeline.js';
import type { Diagnostic } from '../../src/core/types.js';
import { FIXTURES, makeProject, ofRule, where } from '../helpers/fixture.js';

const HOSTILE = readFileSync(path.join(FIXTURES, 'reliability/hostile-chapter.md'), 'utf8');
const lineOf = (needle: string) => HOSTILE.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('unsafe-content', () => {
  let root: string;
  let result: CheckResult;
  let found: Diagnostic[];
  const on = (needle: string) => found.filter((d) => d.line === lineOf(needle));

  beforeAll(async () => {
    root = makeProject('valid', { 'manuscript/02-governance.md': HOSTILE });
    const figures = path.join(root, 'manuscript', 'figures');
    mkdirSync(figures, { recursive: true });
    copyFileSync(path.join(FIXTURES, 'reliability/ok.png'), path.join(figures, 'ok.png'));
    // A symbolic link inside the project that points out of it.
    symlinkSync('/etc/hostname', path.join(figures, 'link-out.png'));
    result = await check({ cwd: root, manuscript: 'manuscript' });
    found = ofRule(result, 'unsafe-content');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is an error at every stage', async () => {
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.severity === 'error')).toBe(true);
    expect(found.every((d) => d.file === 'manuscript/02-governance.md')).toBe(true);
  });

  it('reports a raw <script>', () => {
    expect(on('<script>').map((d) => d.message)).toEqual([expect.stringContaining('`<script>`')]);
    expect(where(on('<script>')[0]!)).toBe(`manuscript/02-governance.md:${lineOf('<script>')}:1`);
  });

  it('reports an event-handler attribute at its element', () => {
    const [d] = on('onerror=');
    expect(d!.message).toContain('`onerror`');
    expect(d!.column).toBe(HOSTILE.split('\n')[lineOf('onerror=') - 1]!.indexOf('<img') + 1);
  });

  it('reports <iframe>, <object> and <embed>', () => {
    expect(on('<iframe').some((d) => d.message.includes('`<iframe>`'))).toBe(true);
    expect(on('<object').some((d) => d.message.includes('`<object>`'))).toBe(true);
    expect(on('<embed').some((d) => d.message.includes('`<embed>`'))).toBe(true);
  });

  it('reports a javascript: link', () => {
    expect(on('javascript link').map((d) => d.message)).toEqual([
      expect.stringContaining('script URL'),
    ]);
  });

  it('reports a remote image and a remote stylesheet', () => {
    expect(on('tracker.png')[0]!.message).toContain('remote host');
    expect(on('style.css').some((d) => d.message.includes('remote host'))).toBe(true);
  });

  it('reports CSS url() and @import to remote hosts', () => {
    expect(on('bg.png')[0]!.message).toContain('CSS `url()`');
    const style = on('imported.css').map((d) => d.message);
    expect(style.filter((m) => m.includes('remote host'))).toHaveLength(2);
  });

  it('reports file:// URLs', () => {
    expect(on('file:///etc/passwd')[0]!.message).toContain('file://');
  });

  it('reports an image path that leaves the project', () => {
    expect(on('../../etc/passwd')[0]!.message).toContain('outside the project directory');
  });

  it('reports a symbolic link inside the project that points outside it', () => {
    expect(on('link-out.png')[0]!.message).toContain('symbolic link');
  });

  it('reports a directive that includes a file outside the project', () => {
    expect(on('figure-include')[0]!.message).toContain('`src` attribute');
  });

  it('accepts web links and images inside the project', () => {
    expect(on('safe [web link]')).toEqual([]);
    // And nothing on the valid chapter.
    expect(
      ofRule(result, 'unsafe-content').filter((d) => d.file !== 'manuscript/02-governance.md'),
    ).toEqual([]);
  });

  it('reports each hostile line once', () => {
    const lines = found.map((d) => `${d.line}:${d.column}:${d.message}`);
    expect(new Set(lines).size).toBe(lines.length);
  });
});

describe('unsafe-content in a translation (check --lang)', () => {
  it('reports hostile content in manuscript/<lang>/ too', async () => {
    const intro = readFileSync(path.join(FIXTURES, 'valid/manuscript/01-introduction.md'), 'utf8');
    const gov = readFileSync(path.join(FIXTURES, 'valid/manuscript/02-governance.md'), 'utf8');
    const root = makeProject('valid', {
      'manuscript/fr/01-introduction.md': `${intro}\n<script>alert(1)</script>\n`,
      'manuscript/fr/02-governance.md': gov,
    });
    try {
      const result = await check({ cwd: root, manuscript: 'manuscript', lang: 'fr' });
      const found = ofRule(result, 'unsafe-content');
      expect(found.map((d) => d.file)).toEqual(['manuscript/fr/01-introduction.md']);
      expect(found[0]!.message).toContain('`<script>`');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
