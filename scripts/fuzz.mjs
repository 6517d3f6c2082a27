#!/usr/bin/env node
/**
 * `npm run fuzz`: the long fuzz run of the parse -> check path. Runs the
 * fuzz properties of tests/reliability/fuzz-*.test.ts with many more inputs
 * than the suite (FUZZ_RUNS per property, default 3000), a fresh seed (or
 * FUZZ_SEED), a per-input bound as hang detection (FUZZ_INPUT_BOUND_MS,
 * default 10000) and a hard time limit for the whole run (FUZZ_TIMEOUT_MIN,
 * default 60), then prints how many inputs were tried per property and in all.
 *
 *   npm run fuzz                         # 3000 inputs per property, random seed
 *   FUZZ_RUNS=20000 npm run fuzz         # longer
 *   FUZZ_SEED=123 npm run fuzz           # replay a seed a failure printed
 *   npm run fuzz -- --out fuzz.json      # also write the summary as JSON
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const runs = Number(process.env.FUZZ_RUNS) || 3000;
const seed = Number.isInteger(Number(process.env.FUZZ_SEED))
  ? Number(process.env.FUZZ_SEED)
  : Math.floor(Math.random() * 2 ** 31);
const bound = Number(process.env.FUZZ_INPUT_BOUND_MS) || 10_000;
const limitMs = (Number(process.env.FUZZ_TIMEOUT_MIN) || 60) * 60_000;
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;

const reportDir = mkdtempSync(path.join(tmpdir(), 'flagship-fuzz-report-'));
const started = Date.now();
console.log(`fuzz: ${runs} inputs per property, seed ${seed}, per-input bound ${bound} ms`);

const child = spawn(
  'npx',
  [
    'vitest',
    'run',
    'tests/reliability/fuzz-',
    `--testTimeout=${limitMs}`,
    '--reporter=dot',
    '--maxWorkers=1',
  ],
  {
    stdio: 'inherit',
    detached: true,
    env: {
      ...process.env,
      FUZZ_RUNS: String(runs),
      FUZZ_SEED: String(seed),
      FUZZ_INPUT_BOUND_MS: String(bound),
      FUZZ_REPORT_DIR: reportDir,
    },
  },
);
// A hang that blocks the event loop cannot be interrupted from inside: kill the group.
const killer = setTimeout(() => {
  console.error(`fuzz: no result after ${limitMs / 60_000} min: killing the run (a hang).`);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}, limitMs);

const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? signal)));
clearTimeout(killer);

const reports = readdirSync(reportDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(path.join(reportDir, f), 'utf8')))
  .sort((a, b) => a.property.localeCompare(b.property));
rmSync(reportDir, { recursive: true, force: true });

const total = reports.reduce((sum, r) => sum + r.runs, 0);
console.log('\nproperty          inputs  failed  slowest input    with errors  time');
for (const r of reports)
  console.log(
    `${r.property.padEnd(16)} ${String(r.runs).padStart(7)}  ${r.failed ? 'YES   ' : 'no    '}  ${`${r.slowestMs} ms`.padStart(13)}  ${r.withErrors ? `${Math.round(r.withErrors * 100)} %`.padStart(13) : '            -'}  ${(r.durationMs / 1000).toFixed(1)} s`,
  );
const summary = {
  date: new Date().toISOString(),
  seed,
  runsPerProperty: runs,
  inputBoundMs: bound,
  totalInputs: total,
  failed: code !== 0 || reports.some((r) => r.failed),
  minutes: Number(((Date.now() - started) / 60_000).toFixed(1)),
  node: process.version,
  properties: reports,
};
console.log(
  `\n${total} inputs tried in ${summary.minutes} min (seed ${seed}): ${summary.failed ? 'FAILED' : 'no failure'}.`,
);
if (out) writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
process.exit(summary.failed ? 1 : 0);
