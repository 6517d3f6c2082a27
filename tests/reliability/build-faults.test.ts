/**
 * `flagship build` when things go wrong, through the real CLI: no browser, a
 * browser that hangs at start or crashes while printing, a full disk, SIGTERM
 * in the middle of a build, and several builds at once. Each failure is exit 2
 * with one clear line; the previous PDF and build.json stay as they were; no
 * temp file, browser profile or browser process is left behind; builds into
 * one directory are serialised so its PDF and build.json always match.
 * Each child gets its own TMPDIR so what it leaves there can be seen.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSealedJson } from '../../src/util/integrity.js';
import { largeChapter } from './large-inputs.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/flagship.js');
const TEMPLATES = path.resolve(import.meta.dirname, '../../templates');
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/valid');

let root: string;
let project: string;
/** The project plus a long chapter, so the browser is still printing when a test stops it. */
let slowProject: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'flagship-build-faults-'));
  project = path.join(root, 'project');
  cpSync(FIXTURE, project, { recursive: true });
  const yaml = path.join(project, 'manuscript', 'manuscript.yaml');
  writeFileSync(
    yaml,
    readFileSync(yaml, 'utf8').replace(/^csl: .*$/m, `csl: ${TEMPLATES}/unece-note.csl`),
  );
  slowProject = path.join(root, 'slow-project');
  cpSync(project, slowProject, { recursive: true });
  writeFileSync(
    path.join(slowProject, 'manuscript', '03-long.md'),
    largeChapter(200 * 1024, 2, 'long'),
  );
});
afterAll(() => {
  spawnSync('umount', [path.join(root, 'tiny')], { stdio: 'ignore' });
  rmSync(root, { recursive: true, force: true });
});

/** A fresh TMPDIR for one child, so its leftovers (profiles, temp files) can be listed. */
function childTmp(name: string): string {
  const dir = path.join(root, `tmp-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function flagship(args: string[], env: NodeJS.ProcessEnv = {}, cwd = project) {
  return spawnSync(process.execPath, [BIN, 'build', '--quiet', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FLAGSHIP_CACHE: 'off', ...env },
    timeout: 120_000,
  });
}

/** Executable shell script standing in for a browser. */
function fakeBrowser(name: string, script: string): string {
  const file = path.join(root, name);
  writeFileSync(file, `#!/bin/sh\n${script}\n`);
  chmodSync(file, 0o755);
  return file;
}

const running = (pattern: string) =>
  spawnSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).stdout.trim();
const oneLine = (stderr: string) => stderr.trim().split('\n');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const temps = (dir: string) => readdirSync(dir).filter((n) => n.includes('.tmp-'));

describe('browser faults', () => {
  it('no browser: exit 2 and one line that says what to do', () => {
    const out = flagship(['--out', 'dist/none.pdf'], { FLAGSHIP_BROWSER: '/nonexistent/chrome' });
    expect(out.status).toBe(2);
    expect(oneLine(out.stderr)).toEqual([
      expect.stringMatching(
        /^flagship: FLAGSHIP_BROWSER is set to \/nonexistent\/chrome, which does not exist/,
      ),
    ]);
    expect(existsSync(path.join(project, 'dist', 'none.pdf'))).toBe(false);
  });

  it('a browser that hangs at start: a timeout error, nothing left running or on disk', () => {
    const hang = fakeBrowser('hanging-browser-7f3a', 'exec sleep 300');
    const tmp = childTmp('hang');
    const out = flagship(['--out', 'dist/hang.pdf'], {
      FLAGSHIP_BROWSER: hang,
      FLAGSHIP_BROWSER_TIMEOUT: '2',
      TMPDIR: tmp,
    });
    expect(out.status).toBe(2);
    expect(oneLine(out.stderr)).toEqual([
      expect.stringMatching(
        /^flagship: the browser .*hanging-browser-7f3a did not start \(no answer within 2 s\)/,
      ),
    ]);
    expect(running('hanging-browser-7f3a')).toBe('');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a browser that crashes while printing: one clear line, no PDF, nothing left running', () => {
    const tmp = childTmp('crash');
    // Starts the real browser, then kills it a moment later (mid-layout).
    const crash = fakeBrowser(
      'crashing-browser-7f3a',
      '/usr/bin/chromium "$@" &\nchild=$!\nsleep 1.2\nkill -9 $child\nwait',
    );
    const out = flagship(
      ['--force', '--out', 'dist/crash.pdf'],
      { FLAGSHIP_BROWSER: crash, TMPDIR: tmp },
      slowProject,
    );
    expect(out.status).toBe(2);
    expect(oneLine(out.stderr)).toEqual([
      expect.stringMatching(/^flagship: the browser (stopped while printing|.*did not start)/),
    ]);
    expect(existsSync(path.join(slowProject, 'dist', 'crash.pdf'))).toBe(false);
    expect(running(tmp)).toBe('');
  });
});

describe('a deep temp folder', () => {
  it('builds with a long TMPDIR (too long for Chromium to put its socket there)', () => {
    // Found by these tests: with TMPDIR over about 55 characters Chromium exited at start.
    const tmp = childTmp(`deep-${'x'.repeat(60)}`);
    const out = flagship(['--out', 'dist-deep/x.pdf'], { TMPDIR: tmp });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(existsSync(path.join(project, 'dist-deep', 'x.pdf'))).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('browser hangs while printing', () => {
  it('stops at FLAGSHIP_PRINT_TIMEOUT with one line, and leaves nothing running', () => {
    const tmp = childTmp('stop');
    // Starts the real browser, then freezes it (SIGSTOP) a moment later.
    const stop = fakeBrowser(
      'frozen-browser-7f3a',
      '/usr/bin/chromium "$@" &\nchild=$!\nsleep 1.2\nkill -STOP $child\nwait',
    );
    const out = flagship(
      ['--force', '--out', 'dist/stop.pdf'],
      {
        FLAGSHIP_BROWSER: stop,
        FLAGSHIP_PRINT_TIMEOUT: '3',
        FLAGSHIP_BROWSER_TIMEOUT: '3',
        TMPDIR: tmp,
      },
      slowProject,
    );
    expect(out.status).toBe(2);
    expect(oneLine(out.stderr)).toEqual([
      expect.stringMatching(
        /^flagship: the browser (stopped while printing \(.*timed out\.?\).*FLAGSHIP_PRINT_TIMEOUT|.*did not start)/,
      ),
    ]);
    expect(existsSync(path.join(slowProject, 'dist', 'stop.pdf'))).toBe(false);
    expect(running('frozen-browser-7f3a')).toBe('');
    expect(running(tmp)).toBe('');
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('output faults', () => {
  it('a full disk: exit 2, one line, the previous PDF and build.json intact, no temp file', (ctx) => {
    const tiny = path.join(root, 'tiny');
    mkdirSync(tiny, { recursive: true });
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48k', 'tmpfs', tiny]).status !== 0)
      return ctx.skip();
    writeFileSync(path.join(tiny, 'x.pdf'), '%PDF previous');
    writeFileSync(path.join(tiny, 'build.json'), '{"previous": true}');
    const out = flagship(['--out', path.join(tiny, 'x.pdf')]);
    expect(out.status).toBe(2);
    expect(oneLine(out.stderr)).toEqual([
      expect.stringMatching(/^flagship: could not write .*x\.pdf \(the disk is full.*unchanged/),
    ]);
    expect(readFileSync(path.join(tiny, 'x.pdf'), 'utf8')).toBe('%PDF previous');
    expect(readFileSync(path.join(tiny, 'build.json'), 'utf8')).toBe('{"previous": true}');
    expect(readdirSync(tiny).sort()).toEqual(['build.json', 'x.pdf']);
  });

  it('an output directory that cannot be created: exit 2 and one line', () => {
    writeFileSync(path.join(project, 'not-a-dir'), 'a file');
    const out = flagship(['--out', 'not-a-dir/x.pdf']);
    expect(out.status).toBe(2);
    expect(oneLine(out.stderr)).toEqual([
      expect.stringMatching(
        /^flagship: could not write .*not-a-dir\/\S+ \(a part of the path is a file/,
      ),
    ]);
  });

  it('SIGTERM mid-build: exit 143, previous outputs intact, no temp file, profile or browser left', async () => {
    const dist = path.join(slowProject, 'dist-term');
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(dist, 'x.pdf'), '%PDF previous');
    writeFileSync(path.join(dist, 'build.json'), '{"previous": true}');
    const tmp = childTmp('term');
    const child = spawn(process.execPath, [BIN, 'build', '--force', '--out', 'dist-term/x.pdf'], {
      cwd: slowProject,
      env: { ...process.env, FLAGSHIP_CACHE: 'off', TMPDIR: tmp },
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += String(c)));
    // Stop the build while its browser runs.
    for (let i = 0; i < 400 && running(tmp) === ''; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(running(tmp)).not.toBe('');
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(143);
    expect(stderr).toMatch(/flagship: interrupted \(SIGTERM\)/);
    expect(readFileSync(path.join(dist, 'x.pdf'), 'utf8')).toBe('%PDF previous');
    expect(readFileSync(path.join(dist, 'build.json'), 'utf8')).toBe('{"previous": true}');
    expect(temps(dist)).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    expect(readdirSync(tmp)).toEqual([]);
    expect(running(tmp)).toBe('');
  });
});

describe('kill -9 mid-build', () => {
  it('previous outputs intact and the browser gone with flagship (pipe transport)', async () => {
    const dist = path.join(slowProject, 'dist-kill');
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(dist, 'x.pdf'), '%PDF previous');
    writeFileSync(path.join(dist, 'build.json'), '{"previous": true}');
    const tmp = childTmp('kill');
    const child = spawn(process.execPath, [BIN, 'build', '--force', '--out', 'dist-kill/x.pdf'], {
      cwd: slowProject,
      env: { ...process.env, FLAGSHIP_CACHE: 'off', TMPDIR: tmp },
    });
    // Kill flagship as soon as its browser runs (a small build is done in a second or two).
    for (let i = 0; i < 400 && running(tmp) === ''; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(running(tmp)).not.toBe(''); // the browser is up
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    // The browser notices its pipe closed and exits.
    for (let i = 0; i < 50 && running(tmp) !== ''; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(running(tmp)).toBe('');
    expect(readFileSync(path.join(dist, 'x.pdf'), 'utf8')).toBe('%PDF previous');
    expect(readFileSync(path.join(dist, 'build.json'), 'utf8')).toBe('{"previous": true}');
    // What cannot be cleaned after kill -9: the browser's temp profile (in TMPDIR).
  });
});

describe('concurrent builds', () => {
  it('builds into different directories succeed at once; into one directory they are serialised', async () => {
    const tmp = childTmp('concurrent');
    const run = (out: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'build', '--quiet', '--out', out], {
          cwd: project,
          env: { ...process.env, FLAGSHIP_CACHE: 'off', TMPDIR: tmp },
        });
        let stderr = '';
        child.stderr.on('data', (c) => (stderr += String(c)));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run('out-a/x.pdf'), run('out-b/x.pdf'), run('out-a/x.pdf')]);
    expect(
      results.map((r) => r.code),
      results.map((r) => r.stderr).join('\n'),
    ).toEqual([0, 0, 0]);
    for (const dir of ['out-a', 'out-b']) {
      const abs = path.join(project, dir);
      // build.json is sealed, names the PDF on disk, and its hash is that PDF's: never mixed.
      const record = readSealedJson<{ pdf: { file: string; sha256: string } }>(
        path.join(abs, 'build.json'),
        `${dir}/build.json`,
      );
      expect(record.ok).toBe(true);
      if (!record.ok) return;
      expect(record.value.pdf.file).toBe(`${dir}/x.pdf`);
      expect(record.value.pdf.sha256).toBe(sha(path.join(abs, 'x.pdf')));
      expect(readdirSync(abs).sort()).toEqual(['build.json', 'x.pdf']);
    }
    // A clean exit leaves no temp file, lock, browser profile or browser behind.
    expect(readdirSync(tmp)).toEqual([]);
    expect(running(tmp)).toBe('');
  });
});
