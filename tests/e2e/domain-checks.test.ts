/**
 * End-to-end: the real `flagship check` on a copy of the shipped manuscript.
 * The manuscript as shipped has no domain finding; the same manuscript with one
 * factual error of each kind added reports each at its file and line.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/flagship.js');
const DOMAIN = [
  'box-country',
  'box-attributes',
  'sdg-reference',
  'kpi-reference',
  'crossref-unresolved',
  'crossref-duplicate',
  'figure-alt',
  'figure-source',
  'table-caption',
  'abbreviation-undefined',
  'abbreviation-unused',
  'recommendations-summary',
];

function check(cwd: string) {
  const r = spawnSync(
    process.execPath,
    [BIN, 'check', '--draft', 'second', '--format', 'json', '--manuscript', 'manuscript'],
    { cwd, encoding: 'utf8' },
  );
  const out = JSON.parse(r.stdout) as { diagnostics: Diagnostic[] };
  return { code: r.status, domain: out.diagnostics.filter((d) => DOMAIN.includes(d.rule)) };
}

const roots: string[] = [];
function copy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'flagship-domain-e2e-'));
  roots.push(root);
  cpSync(path.join(ROOT, 'manuscript'), path.join(root, 'manuscript'), { recursive: true });
  cpSync(path.join(ROOT, 'references.bib'), path.join(root, 'references.bib'));
  return root;
}
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('domain checks on the shipped manuscript (CLI)', () => {
  let clean: ReturnType<typeof check>;
  let broken: ReturnType<typeof check>;
  let firstLine = 0;
  const file = 'manuscript/02-ssc-in-unece-region.md';

  beforeAll(() => {
    clean = check(copy());
    const root = copy();
    const abs = path.join(root, file);
    firstLine = readFileSync(abs, 'utf8').split('\n').length + 1;
    appendFileSync(
      abs,
      [
        '',
        'Shanghai reports on SDG target 11.8 and :kpi[EC: ICT: ICT: 9C], see @box:nowhere and Box 9.9.', // +0
        '',
        ':::good-practice{#box:e2e-shanghai country=CHN city="Shanghai" title="Not in the region"}', // +2
        'The ABCD programme.', // +3
        ':::',
        '',
      ].join('\n'),
    );
    // A row nobody uses in the abbreviations list.
    const list = path.join(root, 'manuscript/front/04-abbreviations.md');
    const lines = readFileSync(list, 'utf8').split('\n');
    const lastRow = lines.length - 1 - [...lines].reverse().findIndex((l) => l.startsWith('|'));
    lines.splice(lastRow + 1, 0, '| ZZZ | an unused abbreviation |');
    writeFileSync(list, lines.join('\n'));
    broken = check(root);
  });

  it('finds nothing in the manuscript as shipped', () => {
    expect(clean.domain).toEqual([]);
  });

  it('reports each added error at its file and line, and exits 1', () => {
    expect(broken.code).toBe(1);
    const got = broken.domain.map((d) => `${d.rule} ${d.file}:${d.line}`);
    expect(got).toEqual(
      expect.arrayContaining([
        `sdg-reference ${file}:${firstLine}`,
        `kpi-reference ${file}:${firstLine}`,
        `crossref-unresolved ${file}:${firstLine}`,
        `box-country ${file}:${firstLine + 2}`,
        `abbreviation-undefined ${file}:${firstLine + 3}`,
      ]),
    );
    expect(got.filter((g) => g.startsWith('crossref-unresolved'))).toHaveLength(2);
    const unused = broken.domain.find((d) => d.rule === 'abbreviation-unused');
    expect(unused?.file).toBe('manuscript/front/04-abbreviations.md');
    expect(unused?.message).toContain('ZZZ');
    expect(broken.domain).toHaveLength(7);
  });
});
