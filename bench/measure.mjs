/**
 * Timing and memory of one benchmarked command over several runs: wall time
 * from the parent's high-resolution clock, peak memory from the child itself
 * (Node processes, via bench/maxrss.mjs) or from GNU time (`/usr/bin/time`,
 * other programs; "n/a" when it is not installed). Medians, not means: a
 * shared 2-core machine has outliers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAXRSS = fileURLToPath(new URL('./maxrss.mjs', import.meta.url));
export const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p));

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Is `command` on the PATH? */
export function which(command) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/**
 * Run once. `spec`: { command, args, env, cwd, node (a Node script: measure its
 * own memory), okStatus (accepted exit codes, default [0]) }.
 * Returns { ms, peakKb, status, stderr }.
 */
export function runOnce(spec) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'flagship-bench-'));
  const rssFile = path.join(tmp, 'maxrss');
  let command = spec.command;
  let args = spec.args ?? [];
  const env = { ...process.env, ...(spec.env ?? {}) };
  if (spec.node) {
    args = ['--import', MAXRSS, command, ...args];
    command = process.execPath;
    env.BENCH_MAXRSS_FILE = rssFile;
  } else if (GNU_TIME) {
    args = ['-f', '%M', '-o', rssFile, command, ...args];
    command = GNU_TIME;
  }
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: spec.cwd,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let peakKb;
  try {
    const text = readFileSync(rssFile, 'utf8').trim().split('\n').at(-1);
    peakKb = Number(text);
    if (!Number.isFinite(peakKb)) peakKb = undefined;
  } catch {
    peakKb = undefined;
  }
  rmSync(tmp, { recursive: true, force: true });
  return {
    ms,
    peakKb,
    status: result.status,
    stderr: String(result.stderr ?? '') + (result.error ? String(result.error) : ''),
  };
}

/**
 * Measure a command: `warmup` unrecorded runs, then `runs` recorded ones;
 * `before()` runs before each run (e.g. to clear a cache or edit a file).
 */
export function measure(spec, { runs = 5, warmup = 1, before } = {}) {
  const ok = spec.okStatus ?? [0];
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    before?.(i);
    const r = runOnce(spec);
    if (!ok.includes(r.status)) {
      const detail = r.stderr.trim().split('\n').slice(-3).join(' | ');
      return { failed: `exit ${r.status}: ${detail}` };
    }
    if (i >= warmup) samples.push(r);
  }
  const ms = samples.map((s) => s.ms);
  const peaks = samples.map((s) => s.peakKb).filter((k) => k !== undefined);
  return {
    runs,
    medianMs: median(ms),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    peakMb: peaks.length ? Math.max(...peaks) / 1024 : undefined,
  };
}
