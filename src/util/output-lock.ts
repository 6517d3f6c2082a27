/**
 * One writer per output directory: a build takes `<dir>/.flagship.lock`
 * (created with O_EXCL, holding its pid) while it writes the PDF, build.json
 * and the HTML edition, so two builds into the same directory never interleave
 * their files. A second build waits for the first to finish writing (writes take
 * milliseconds) and gives a clear error if it does not within `waitMs`. A lock
 * left by a process that no longer exists (killed with -9) is taken over. The
 * lock is removed on release and on SIGINT/SIGTERM (cleanup.ts).
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { writeError } from './atomic-write.js';
import { onInterrupt, processAlive } from './cleanup.js';

export const LOCK_NAME = '.flagship.lock';

export interface OutputLock {
  file: string;
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  started: string;
}

function holderOf(file: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Take the lock of an output directory, waiting up to `waitMs` for another build to finish. */
export function lockOutput(dir: string, options: { waitMs?: number } = {}): OutputLock {
  const waitMs = options.waitMs ?? 60_000;
  const file = path.join(dir, LOCK_NAME);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw writeError(file, error);
  }
  const me: Holder = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError(file, error);
    }
    const holder = holderOf(file);
    // A lock of a process on this machine that no longer exists: take it over.
    if (holder && holder.host === me.host && !processAlive(holder.pid)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline)
      throw new UsageError(
        `another flagship build${holder ? ` (pid ${holder.pid}, since ${holder.started})` : ''} is writing into ${path.relative(process.cwd(), dir) || '.'}; wait for it to finish, or build into another directory with --out. (If no build is running, delete ${path.relative(process.cwd(), file)}.)`,
      );
    sleep(100);
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    forget();
    // Remove the lock only if it is still ours.
    if (holderOf(file)?.pid === process.pid) rmSync(file, { force: true });
  };
  const forget = onInterrupt(release);
  return { file, release };
}
