/**
 * Large inputs through the real CLI (`flagship check --format json`): a big
 * chapter, a big bibliography, 100,000-character lines. Each case runs in its
 * own process so its peak memory can be read (/usr/bin/time). The suite runs
 * reduced sizes; `npm run test:large` runs the sizes the docs state (a 5 MB
 * chapter, 10,000 entries, every long-line kind) and writes the figures to
 * LARGE_REPORT. No timing assertion: the test timeout only detects a hang.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject } from '../helpers/fixture.js';
import { largeBibliography, largeChapter, LONG_LINES } from './large-inputs.js';

const FULL = process.env.LARGE_INPUTS === 'full';
const BIN = path.resolve(import.meta.dirname, '../../bin/flagship.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const sizes = FULL
  ? { chapterBytes: 5 * 1024 * 1024, entries: 10_000, lineLength: 100_000 }
  : { chapterBytes: 200 * 1024, entries: 2_000, lineLength: 100_000 };
const lineKinds = FULL ? Object.keys(LONG_LINES) : ['prose', 'citations'];

interface Measure {
  case: string;
  exit: number | null;
  seconds: number;
  peakMB?: number;
  diagnostics: number;
}
const measures: Measure[] = [];

/** Run `flagship check --format json` on a project in its own process; time and peak memory. */
function runCheck(
  name: string,
  edits: Record<string, string | ((text: string) => string)>,
): { measure: Measure; json: any } {
  const root = makeProject('valid', edits);
  try {
    const args = [BIN, 'check', '--manuscript', 'manuscript', '--format', 'json'];
    const started = performance.now();
    const out = TIME
      ? spawnSync(TIME, ['-f', '%M', process.execPath, ...args], {
          cwd: root,
          encoding: 'utf8',
          maxBuffer: 512 * 1024 * 1024,
          env: { ...process.env, FLAGSHIP_CACHE: 'off' },
        })
      : spawnSync(process.execPath, args, {
          cwd: root,
          encoding: 'utf8',
          maxBuffer: 512 * 1024 * 1024,
          env: { ...process.env, FLAGSHIP_CACHE: 'off' },
        });
    const seconds = (performance.now() - started) / 1000;
    const peakKb = TIME ? Number(out.stderr.trim().split('\n').at(-1)) : NaN;
    const json = JSON.parse(out.stdout);
    const measure: Measure = {
      case: name,
      exit: out.status,
      seconds: Number(seconds.toFixed(2)),
      diagnostics: json.diagnostics.length,
    };
    if (Number.isFinite(peakKb)) measure.peakMB = Math.round(peakKb / 1024);
    measures.push(measure);
    return { measure, json };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** No crash (exit 0 or 1, never 2) and no file refused. */
function expectCompleted(measure: Measure, json: any): void {
  expect(measure.exit === 0 || measure.exit === 1, `exit ${measure.exit}`).toBe(true);
  expect(json.diagnostics.filter((d: any) => d.rule === 'file-unreadable')).toEqual([]);
  if (FULL && measure.peakMB !== undefined) expect(measure.peakMB).toBeLessThan(4096);
}

describe(`large inputs (${FULL ? 'full sizes' : 'reduced sizes; npm run test:large for full'})`, () => {
  it(`checks a ${Math.round(sizes.chapterBytes / 1024)} KB chapter citing a ${sizes.entries}-entry bibliography`, () => {
    const { measure, json } = runCheck(
      `chapter ${Math.round(sizes.chapterBytes / 1024)} KB + ${sizes.entries} entries`,
      {
        'manuscript/01-introduction.md': largeChapter(sizes.chapterBytes, sizes.entries),
        'references.bib': (t) => `${t}\n${largeBibliography(sizes.entries)}`,
      },
    );
    expectCompleted(measure, json);
    expect(json.summary.chapters).toBe(2);
    // Every cited key resolves: the whole bibliography was read.
    expect(json.diagnostics.filter((d: any) => d.rule === 'citation-unresolved')).toEqual([]);
    expect(json.diagnostics.filter((d: any) => d.rule === 'bib-parse-error')).toEqual([]);
  });

  it(`reads a ${sizes.entries}-entry bibliography and reports its unused entries`, () => {
    const { measure, json } = runCheck(`bibliography ${sizes.entries} entries`, {
      'references.bib': (largeBibliography(sizes.entries) +
        '\n@book{unece2015, title = {S}, year = 2015}\n@book{itu2016, title = {K}, year = 2016}\n') as string,
    });
    expectCompleted(measure, json);
    expect(json.diagnostics.filter((d: any) => d.rule === 'citation-unused')).toHaveLength(
      sizes.entries,
    );
  });

  for (const kind of lineKinds) {
    it(`checks a chapter with a ${sizes.lineLength.toLocaleString('en')}-character line (${kind})`, () => {
      const line = LONG_LINES[kind]!(sizes.lineLength);
      expect(line).toHaveLength(sizes.lineLength);
      const { measure, json } = runCheck(`line ${sizes.lineLength} chars: ${kind}`, {
        'manuscript/03-long.md': `---\nid: long\n---\n# Long\n\n${line}\n`,
      });
      expectCompleted(measure, json);
    });
  }

  afterAll(() => {
    console.table(measures);
    const out = process.env.LARGE_REPORT;
    if (out) {
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(
        out,
        `${JSON.stringify({ date: new Date().toISOString(), node: process.version, sizes, measures }, null, 2)}\n`,
      );
    }
  });
});
