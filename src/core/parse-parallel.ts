/**
 * Parse the files the cache lacks on two threads: a cold check of a large
 * manuscript spends most of its time in micromark, one file after another,
 * on one core. When at least two files totalling more than PARALLEL_BYTES are
 * missing from the cache, a worker thread (parse-worker.ts) parses part of
 * them while this thread parses the rest; both store their results in the
 * cache, so the parse stage that follows finds every file there and reports
 * the parse messages once, on the right vfiles. Anything unusual (one core, a
 * busy machine, the cache off, no compiled worker, a worker error) falls back to
 * the plain sequential parse.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import { cacheMode, isCached, storeSerialized } from './cache.js';
import type { Sources } from './load.js';
import { parseContent } from './parse.js';

/** Below this much missing Markdown, starting a worker costs more than it saves. */
export const PARALLEL_BYTES = 150_000;
/** Share of the bytes given to the worker (it first spends time loading remark). */
const WORKER_SHARE = 0.42;

export interface ParseJob {
  path: string;
  displayPath: string;
  text: string;
  sha256: string;
}

/** Parse a job on a scratch vfile and serialise the result for the cache. */
export function parseJob(job: ParseJob): Buffer {
  const file = new VFile({ path: job.displayPath, value: job.text });
  const parsed = parseContent({
    path: job.path,
    file,
    text: job.text,
    sha256: job.sha256,
    readable: true,
  });
  return serialize(parsed);
}

const WORKER = new URL('./parse-worker.js', import.meta.url);

export async function parseMissingInParallel(sources: Sources): Promise<void> {
  if (cacheMode() === 'off') return;
  // FLAGSHIP_PARSE_THREADS=1 never uses a worker, =2 always does (when there is work).
  const threads = process.env.FLAGSHIP_PARSE_THREADS;
  if (threads === '1') return;
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  // A second thread only pays when a second core is free: on a saturated machine it
  // costs about 0.5 s more CPU (its own module loading) and gains no wall time.
  if (threads !== '2' && (cores < 2 || (os.loadavg()[0] ?? 0) > cores - 1)) return;
  if (!existsSync(fileURLToPath(WORKER))) return; // running from source (tests): no compiled worker
  const seen = new Set<string>();
  const missing = [...sources.front, ...sources.chapters].filter((s) => {
    if (!s.readable || seen.has(s.sha256)) return false;
    seen.add(s.sha256);
    return !isCached('markdown', s.sha256, sources.cwd);
  });
  const total = missing.reduce((n, s) => n + s.text.length, 0);
  if (missing.length < 2 || total < PARALLEL_BYTES) return;

  // Largest first, each to the side with less work so far (the worker's target is its share).
  const theirs: ParseJob[] = [];
  const ours: ParseJob[] = [];
  let theirBytes = 0;
  let ourBytes = 0;
  for (const s of [...missing].sort((a, b) => b.text.length - a.text.length)) {
    const job = { path: s.path, displayPath: String(s.file.path), text: s.text, sha256: s.sha256 };
    if (theirBytes / WORKER_SHARE <= ourBytes / (1 - WORKER_SHARE)) {
      theirs.push(job);
      theirBytes += s.text.length;
    } else {
      ours.push(job);
      ourBytes += s.text.length;
    }
  }
  const worker = new Worker(WORKER);
  const done = new Promise<Array<{ sha256: string; data: Uint8Array }>>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', () => resolve([]));
    worker.once('exit', () => resolve([]));
  });
  worker.postMessage(theirs);
  try {
    for (const job of ours) storeSerialized('markdown', job.sha256, sources.cwd, parseJob(job));
    for (const { sha256, data } of await done)
      storeSerialized('markdown', sha256, sources.cwd, Buffer.from(data));
  } finally {
    await worker.terminate();
  }
}
