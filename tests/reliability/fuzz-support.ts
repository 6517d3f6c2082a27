/**
 * Fuzzing support for the parse -> check path: how many inputs to try (small
 * and with a fixed seed in the suite, large with `npm run fuzz`), a manuscript
 * written to a temp directory and checked through the real pipeline, the
 * invariants every run must keep, and a report of what was tried.
 *
 * Environment: FUZZ_RUNS (inputs per property), FUZZ_SEED (default fixed),
 * FUZZ_REPORT_DIR (write one JSON report per property there), FUZZ_INPUT_BOUND_MS
 * (fail an input that takes longer: hang detection for the long run only; the
 * suite makes no timing assertion).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { check, type CheckResult } from '../../src/core/pipeline.js';
import { SEVERITY } from '../../src/core/severity.js';
import { UsageError } from '../../src/core/errors.js';

process.env.FLAGSHIP_CACHE = 'off';

export const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/valid');

/** The fixed seed of the suite's run; `npm run fuzz` draws a new one unless FUZZ_SEED is set. */
export const DEFAULT_SEED = 20_261_128;

export function fuzzRuns(fallback: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function fuzzSeed(): number {
  const n = Number(process.env.FUZZ_SEED);
  return Number.isInteger(n) ? n : DEFAULT_SEED;
}

/** Files of a manuscript project, relative to its root (`manuscript/...`, `references.bib`). */
export type ProjectFiles = Record<string, string | Uint8Array>;

/** The valid fixture as a map of files, the seed corpus that mutations start from. */
export function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const rel of [
    'manuscript/manuscript.yaml',
    'manuscript/01-introduction.md',
    'manuscript/02-governance.md',
    'manuscript/front/01-foreword.md',
    'references.bib',
  ]) {
    files[rel] = readFileSync(path.join(FIXTURE, rel), 'utf8');
  }
  return files;
}

/** Rule ids a diagnostic may carry: every id in the severity table. */
const KNOWN_RULES = new Set(Object.keys(SEVERITY));

/** Number of lines of a file as an editor counts them (CRLF, CR and LF each end a line). */
function lineCount(bytes: string | Uint8Array): number {
  const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
  return text.split(/\r\n|\r|\n/).length;
}

/**
 * The invariants of one check run: it finished without an exception, and every
 * diagnostic names a file of the project, a line inside that file, a column,
 * a known rule and a message.
 */
export function assertWellFormed(result: CheckResult, files: ProjectFiles): void {
  for (const d of result.diagnostics) {
    const where = `${d.rule} at ${d.file}:${d.line}:${d.column}: ${d.message}`;
    expect(KNOWN_RULES.has(d.rule), `unknown rule id (${where})`).toBe(true);
    expect(d.message.length, where).toBeGreaterThan(0);
    expect(Number.isInteger(d.line) && d.line >= 1, where).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, where).toBe(true);
    const content = files[d.file];
    expect(content, `diagnostic on a file the project does not have (${where})`).toBeDefined();
    // A binary file has no meaningful line count; its diagnostic points at the NUL byte.
    if (typeof content === 'string') expect(d.line, where).toBeLessThanOrEqual(lineCount(content));
  }
}

/** A scratch project directory reused across the runs of one property. */
export class Scratch {
  readonly root = mkdtempSync(path.join(tmpdir(), 'flagship-fuzz-'));

  write(files: ProjectFiles): void {
    rmSync(path.join(this.root, 'manuscript'), { recursive: true, force: true });
    rmSync(path.join(this.root, 'references.bib'), { force: true });
    mkdirSync(path.join(this.root, 'manuscript', 'front'), { recursive: true });
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(this.root, rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }

  /** Write the files and run the real check: load -> parse -> check. */
  async check(files: ProjectFiles): Promise<CheckResult> {
    this.write(files);
    return check({ cwd: this.root, manuscript: 'manuscript' });
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** What one property's run reports (written to FUZZ_REPORT_DIR by the long run). */
export interface FuzzReport {
  property: string;
  seed: number;
  runs: number;
  failed: boolean;
  /** The slowest input, in milliseconds. */
  slowestMs: number;
  /** Share of runs whose check found at least one error (the generators reach failure paths). */
  withErrors: number;
  durationMs: number;
  counterexample?: string;
}

/**
 * Run a fuzz property over generated project files: each input is checked
 * through the real pipeline and must keep `assertWellFormed`. Throws
 * fast-check's report (seed, path, shrunk counterexample) on failure.
 */
export async function fuzzCheck(
  property: string,
  arbitrary: fc.Arbitrary<ProjectFiles>,
  options: { runs: number; extra?: (result: CheckResult, files: ProjectFiles) => void },
): Promise<FuzzReport> {
  const scratch = new Scratch();
  const seed = fuzzSeed();
  const bound = Number(process.env.FUZZ_INPUT_BOUND_MS) || 0;
  let slowest = 0;
  let withErrors = 0;
  let tried = 0;
  const started = performance.now();
  try {
    const details = await fc.check(
      fc.asyncProperty(arbitrary, async (files) => {
        const t0 = performance.now();
        let result: CheckResult;
        try {
          result = await scratch.check(files);
        } catch (error) {
          // A UsageError is a clear one-line refusal, not a crash; anything else is a bug.
          if (error instanceof UsageError) return;
          throw error;
        }
        const took = performance.now() - t0;
        tried++;
        slowest = Math.max(slowest, took);
        if (result.diagnostics.some((d) => d.severity === 'error')) withErrors++;
        if (bound > 0 && took > bound)
          throw new Error(`one input took ${Math.round(took)} ms, above the ${bound} ms bound`);
        assertWellFormed(result, files);
        options.extra?.(result, files);
      }),
      { numRuns: options.runs, seed, endOnFailure: bound > 0, includeErrorInReport: true },
    );
    const report: FuzzReport = {
      property,
      seed,
      runs: details.numRuns,
      failed: details.failed,
      slowestMs: Math.round(slowest),
      withErrors: tried === 0 ? 0 : Number((withErrors / tried).toFixed(3)),
      durationMs: Math.round(performance.now() - started),
    };
    if (details.failed) report.counterexample = fc.stringify(details.counterexample);
    writeReport(report);
    if (details.failed) throw new Error(fc.defaultReportMessage(details));
    return report;
  } finally {
    scratch.dispose();
  }
}

/** Run a synchronous fuzz property on in-memory values (no files), with the same reporting. */
export function fuzzPure<T>(
  property: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => void,
  options: { runs: number },
): FuzzReport {
  const seed = fuzzSeed();
  const bound = Number(process.env.FUZZ_INPUT_BOUND_MS) || 0;
  let slowest = 0;
  const started = performance.now();
  const details = fc.check(
    fc.property(arbitrary, (value) => {
      const t0 = performance.now();
      predicate(value);
      const took = performance.now() - t0;
      slowest = Math.max(slowest, took);
      if (bound > 0 && took > bound)
        throw new Error(`one input took ${Math.round(took)} ms, above the ${bound} ms bound`);
    }),
    { numRuns: options.runs, seed, endOnFailure: bound > 0, includeErrorInReport: true },
  );
  const report: FuzzReport = {
    property,
    seed,
    runs: details.numRuns,
    failed: details.failed,
    slowestMs: Math.round(slowest),
    withErrors: 0,
    durationMs: Math.round(performance.now() - started),
  };
  if (details.failed) report.counterexample = fc.stringify(details.counterexample);
  writeReport(report);
  if (details.failed) throw new Error(fc.defaultReportMessage(details));
  return report;
}

function writeReport(report: FuzzReport): void {
  const dir = process.env.FUZZ_REPORT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `${report.property.replace(/[^a-z0-9-]+/gi, '_')}.json`),
    `${JSON.stringify(report, null, 2)}\n`,
  );
}
