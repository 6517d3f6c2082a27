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

/** pandoc's arguments for reading the corpus and resolving its citations, as both peers use them. */
export function pandocInput(corpus) {
  return ['--from', 'markdown', '--citeproc', '--bibliography', corpus.bibliography];
}

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
 * Returns { ms, cpuMs, peakKb, status, stderr }: wall time; CPU time (user +
 * system, the process and the children it waited for, e.g. Chromium; from GNU
 * time); peak memory (a Node script's own, else the largest process's).
 */
export function runOnce(spec) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'flagship-bench-'));
  const rssFile = path.join(tmp, 'maxrss');
  const timeFile = path.join(tmp, 'time');
  let command = spec.command;
  let args = spec.args ?? [];
  const env = { ...process.env, ...(spec.env ?? {}) };
  if (spec.node) {
    args = ['--import', MAXRSS, command, ...args];
    command = process.execPath;
    env.BENCH_MAXRSS_FILE = rssFile;
  }
  if (GNU_TIME) {
    args = ['-f', '%U %S %M', '-o', timeFile, command, ...args];
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
  const lastLine = (file) => {
    try {
      return readFileSync(file, 'utf8').trim().split('\n').at(-1);
    } catch {
      return undefined;
    }
  };
  const [user, system, maxKb] = (lastLine(timeFile) ?? '').split(' ').map(Number);
  const cpuMs =
    Number.isFinite(user) && Number.isFinite(system) ? (user + system) * 1000 : undefined;
  let peakKb = spec.node ? Number(lastLine(rssFile)) : maxKb;
  if (!Number.isFinite(peakKb)) peakKb = undefined;
  rmSync(tmp, { recursive: true, force: true });
  return {
    ms,
    cpuMs,
    peakKb,
    status: result.status,
    stderr: String(result.stderr ?? '') + (result.error ? String(result.error) : ''),
  };
}

function stats(samples, runs) {
  const ms = samples.map((s) => s.ms);
  const cpu = samples.map((s) => s.cpuMs).filter((v) => v !== undefined);
  const peaks = samples.map((s) => s.peakKb).filter((k) => k !== undefined);
  return {
    runs,
    medianMs: median(ms),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    cpuMs: cpu.length ? median(cpu) : undefined,
    peakMb: peaks.length ? Math.max(...peaks) / 1024 : undefined,
  };
}

/**
 * Measure several commands in interleaved rounds (A B C, A B C, ...), so that
 * load from other work on the machine falls on all of them alike: `warmup`
 * unrecorded rounds, then `runs` recorded ones. Each entry: { spec, before }
 * (`before(i)` runs before each of its runs, e.g. to clear a cache). Returns
 * one result per entry, in order: the statistics, or { failed }.
 */
export function measureGroup(entries, { runs = 5, warmup = 1 } = {}) {
  const samples = entries.map(() => []);
  const failed = entries.map(() => undefined);
  for (let i = 0; i < warmup + runs; i++) {
    entries.forEach((entry, k) => {
      if (failed[k]) return;
      entry.before?.(i);
      const r = runOnce(entry.spec);
      if (!(entry.spec.okStatus ?? [0]).includes(r.status)) {
        failed[k] = `exit ${r.status}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`;
        return;
      }
      if (i >= warmup) samples[k].push(r);
    });
  }
  return entries.map((_, k) => (failed[k] ? { failed: failed[k] } : stats(samples[k], runs)));
}

/** Measure one command (see measureGroup). */
export function measure(spec, { runs = 5, warmup = 1, before } = {}) {
  return measureGroup([{ spec, before }], { runs, warmup })[0];
}
