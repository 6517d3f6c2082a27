/**
 * Faults while writing outputs: a full disk, an output path that cannot be a
 * directory, SIGTERM/SIGINT in the middle of writing, kill -9, and two writers
 * into the same output directory. The previous file stays intact, no temp file
 * is left on a clean exit, every failure is one clear UsageError, and two
 * builds into one directory never interleave (the output lock).
 * Child processes run the compiled code in build/ (npm test builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { atomicWrite } from '../../src/util/atomic-write.js';
import { pendingCleanups, runCleanups } from '../../src/util/cleanup.js';
import { LOCK_NAME, lockOutput } from '../../src/util/output-lock.js';

const BUILD = path.resolve(import.meta.dirname, '../../build');
let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) {
    spawnSync('umount', [dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
  dirs = [];
});
const temp = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'flagship-faults-'));
  dirs.push(dir);
  return dir;
};
const temps = (dir: string) => readdirSync(dir).filter((n) => n.includes('.tmp-'));

/** A child node process running ESM code against the compiled modules in build/. */
function child(code: string) {
  return spawn(process.execPath, ['--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
function waitFor(stream: NodeJS.ReadableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    stream.on('data', (chunk) => {
      seen += String(chunk);
      if (seen.includes(text)) resolve();
    });
  });
}
const exited = (p: ReturnType<typeof spawn>) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    p.on('exit', (code, signal) => resolve({ code, signal })),
  );

describe('atomic writes when the disk fails', () => {
  it('keeps the previous file and leaves no temp file when the disk is full', (ctx) => {
    const dir = temp();
    // A 64 KB file system (root can mount tmpfs here; skipped where it cannot).
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status !== 0)
      return ctx.skip();
    const file = path.join(dir, 'out.pdf');
    atomicWrite(file, 'previous PDF');
    let error: unknown;
    try {
      atomicWrite(file, new Uint8Array(256 * 1024));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/could not write .*out\.pdf \(the disk is full/);
    expect((error as Error).message).toContain('unchanged');
    expect(readFileSync(file, 'utf8')).toBe('previous PDF');
    expect(temps(dir)).toEqual([]);
  });

  it('gives a clear error when the output directory cannot be created', () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'dist'), 'a file where a directory should be');
    expect(() => atomicWrite(path.join(dir, 'dist', 'x.pdf'), 'x')).toThrow(
      /could not write .*x\.pdf \(a part of the path is a file, not a directory/,
    );
  });

  it('gives a clear error when the target is a directory, and leaves no temp file', () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'out.pdf'));
    expect(() => atomicWrite(path.join(dir, 'out.pdf'), 'x')).toThrow(UsageError);
    expect(temps(dir)).toEqual([]);
  });

  it('removes temp files left by a process killed with -9', () => {
    const dir = temp();
    // A pid that does not exist (above the kernel's maximum).
    writeFileSync(path.join(dir, '.out.pdf.tmp-99999999-abc'), 'half');
    writeFileSync(path.join(dir, `.other.tmp-${process.pid}-abc`), 'mine, in progress');
    atomicWrite(path.join(dir, 'out.pdf'), 'new');
    expect(temps(dir)).toEqual([`.other.tmp-${process.pid}-abc`]);
  });
});

describe('interrupted writes (SIGTERM, SIGINT, kill -9)', () => {
  // The child writes 8 MB files over and over until it is stopped.
  const writer = (file: string) => `
    import { atomicWrite } from '${BUILD}/util/atomic-write.js';
    import { installSignalHandlers } from '${BUILD}/util/cleanup.js';
    installSignalHandlers();
    const big = (n) => Buffer.alloc(8 * 1024 * 1024, n);
    atomicWrite(${JSON.stringify(file)}, big(1));
    console.log('ready');
    let i = 2;
    const loop = () => { atomicWrite(${JSON.stringify(file)}, big(i++ % 250)); setImmediate(loop); };
    loop();`;

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)
    it(`on ${signal}: exits ${code}, the file is whole and no temp file is left`, async () => {
      const dir = temp();
      const file = path.join(dir, 'out.pdf');
      const p = child(writer(file));
      let stderr = '';
      p.stderr!.on('data', (c) => (stderr += String(c)));
      await waitFor(p.stdout!, 'ready');
      await new Promise((r) => setTimeout(r, 150));
      p.kill(signal);
      const { code: exitCode } = await exited(p);
      expect(exitCode).toBe(code);
      expect(stderr).toMatch(/^flagship: interrupted \(SIG(TERM|INT)\)/);
      const bytes = readFileSync(file);
      expect(bytes.length).toBe(8 * 1024 * 1024);
      expect(bytes.every((b) => b === bytes[0])).toBe(true);
      expect(temps(dir)).toEqual([]);
    });

  it('on kill -9: the file is whole (a temp file may stay until the next write)', async () => {
    const dir = temp();
    const file = path.join(dir, 'out.pdf');
    const p = child(writer(file));
    await waitFor(p.stdout!, 'ready');
    await new Promise((r) => setTimeout(r, 150));
    p.kill('SIGKILL');
    await exited(p);
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(8 * 1024 * 1024);
    expect(bytes.every((b) => b === bytes[0])).toBe(true);
    atomicWrite(file, 'next build');
    expect(temps(dir)).toEqual([]);
  });
});

describe('output lock', () => {
  it('lets two writers into different directories proceed at once', () => {
    const a = lockOutput(path.join(temp(), 'a'));
    const b = lockOutput(path.join(temp(), 'b'));
    expect(existsSync(a.file) && existsSync(b.file)).toBe(true);
    a.release();
    b.release();
    expect(existsSync(a.file) || existsSync(b.file)).toBe(false);
  });

  it('makes a second writer into the same directory wait, then fail clearly', async () => {
    const dir = temp();
    const p = child(`
      import { lockOutput } from '${BUILD}/util/output-lock.js';
      import { installSignalHandlers } from '${BUILD}/util/cleanup.js';
      installSignalHandlers();
      lockOutput(${JSON.stringify(dir)});
      console.log('locked');
      setInterval(() => {}, 1000);`);
    await waitFor(p.stdout!, 'locked');
    expect(() => lockOutput(dir, { waitMs: 300 })).toThrow(
      new RegExp(`another flagship build \\(pid ${p.pid}, since .*\\) is writing into`),
    );
    // Interrupting the holder removes its lock; the next writer gets it at once.
    p.kill('SIGTERM');
    expect((await exited(p)).code).toBe(143);
    expect(existsSync(path.join(dir, LOCK_NAME))).toBe(false);
    const lock = lockOutput(dir, { waitMs: 0 });
    lock.release();
  });

  it('serialises: a waiting writer gets the lock when the holder releases it', async () => {
    const dir = temp();
    const p = child(`
      import { lockOutput } from '${BUILD}/util/output-lock.js';
      const lock = lockOutput(${JSON.stringify(dir)});
      console.log('locked');
      setTimeout(() => lock.release(), 400);`);
    await waitFor(p.stdout!, 'locked');
    const lock = lockOutput(dir, { waitMs: 10_000 });
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    await exited(p);
  });

  it('takes over a lock left by a process killed with -9', async () => {
    const dir = temp();
    const p = child(`
      import { lockOutput } from '${BUILD}/util/output-lock.js';
      lockOutput(${JSON.stringify(dir)});
      console.log('locked');
      setInterval(() => {}, 1000);`);
    await waitFor(p.stdout!, 'locked');
    p.kill('SIGKILL');
    await exited(p);
    expect(existsSync(path.join(dir, LOCK_NAME))).toBe(true);
    const lock = lockOutput(dir, { waitMs: 0 });
    lock.release();
  });

  it('removes its cleanup when released (nothing left to undo on exit)', () => {
    const before = pendingCleanups();
    const lock = lockOutput(temp());
    expect(pendingCleanups()).toBe(before + 1);
    lock.release();
    expect(pendingCleanups()).toBe(before);
    runCleanups();
  });
});
