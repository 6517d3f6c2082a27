/**
 * Write a file so that readers see either the old content or the new, never
 * half: write a temp file beside it, fsync, rename over. The temp file is
 * removed if anything fails or the process is interrupted (SIGINT/SIGTERM, see
 * cleanup.ts), and temp files left by a process that was killed with -9 are
 * removed by the next write into the same directory. A write that fails (disk
 * full, directory not writable) is a UsageError that names the file and says
 * the previous content is unchanged.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { onInterrupt, processAlive } from './cleanup.js';

const TEMP = /^\..+\.tmp-(\d+)-[0-9a-z]+$/;

/** Remove temp files of writes whose process no longer exists (killed with -9). */
function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(TEMP.exec(name)?.[1]);
    if (pid && pid !== process.pid && !processAlive(pid))
      rmSync(path.join(dir, name), { force: true });
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory',
  EEXIST: 'a part of the path is a file, not a directory',
};

/** A failed write as one clear line: the file, the reason in words, the old content unchanged. */
export function writeError(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = REASONS[code] ?? (error as Error).message ?? String(error);
  return new UsageError(
    `could not write ${path.relative(process.cwd(), file) || file} (${reason}${code && !reason.includes(code) ? `, ${code}` : ''}); any previous version of it is unchanged.`,
  );
}

export function atomicWrite(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw writeError(file, error);
  }
  removeStaleTemps(dir);
  const temp = path.join(
    dir,
    `.${path.basename(file)}.tmp-${process.pid}-${Date.now().toString(36)}`,
  );
  let fd: number | undefined;
  const forget = onInterrupt(() => rmSync(temp, { force: true }));
  try {
    fd = openSync(temp, 'w');
    // writeSync may write less than asked (a disk filling up) without an error: loop until all
    // is written, so the next call reports ENOSPC instead of a truncated file being renamed in.
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let done = 0; done < bytes.length;)
      done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw writeError(file, error);
  } finally {
    forget();
  }
}
