// Reference data: the copied tables load from data/reference/ with the counts their sources give.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  kpiByCode,
  kpis,
  memberFromAlias,
  memberStates,
  normalizeKpiCode,
  parseCsv,
  readTable,
  type CompiledTable,
  sdgGoals,
  sdgTargets,
  targetRange,
} from '../../src/core/reference.js';

describe('reference data', () => {
  it('has 56 member States, 17 goals, 169 targets and 91 KPIs', () => {
    expect(memberStates()).toHaveLength(56);
    expect(sdgGoals()).toHaveLength(17);
    expect(sdgTargets()).toHaveLength(169);
    expect(kpis()).toHaveLength(91);
    expect(kpis().filter((k) => k.type === 'core')).toHaveLength(54);
  });

  it('has the targets per goal of the UNSD list', () => {
    const perGoal = sdgGoals().map((g) => sdgTargets().filter((t) => t.goal === g.goal).length);
    expect(perGoal).toEqual([7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19]);
    expect(targetRange(11)).toBe('11.1–11.7 and 11.a–11.c');
  });

  it('finds member States by 2020 name, current name, former name, alpha-2 code and informal name', () => {
    expect(memberFromAlias('Turkey')?.iso3).toBe('TUR');
    expect(memberFromAlias('türkiye')?.iso3).toBe('TUR');
    expect(memberFromAlias('The former Yugoslav Republic of Macedonia')?.iso3).toBe('MKD');
    expect(memberFromAlias('CH')?.iso3).toBe('CHE');
    expect(memberFromAlias('Scotland')?.iso3).toBe('GBR');
    expect(memberFromAlias('China')).toBeUndefined();
  });

  it('normalises KPI codes', () => {
    expect(normalizeKpiCode(' ec:ict: ict :1c ')).toBe('EC: ICT: ICT: 1C');
    expect(kpiByCode('SC: SH: HO: 1C')?.name).toBe('Informal Settlements');
  });

  it("reads the tables from the build's JSON when it matches the CSV, from the CSV otherwise", () => {
    const data = pathToFileURL(`${path.resolve(import.meta.dirname, '../../data/reference')}/`);
    const out = mkdtempSync(path.join(os.tmpdir(), 'flagship-reference-'));
    const compiled = pathToFileURL(`${out}/`);
    try {
      execFileSync(process.execPath, [
        path.resolve(import.meta.dirname, '../../scripts/reference-tables.mjs'),
        '--out',
        out,
      ]);
      const files = readdirSync(fileURLToPath(data)).filter((f) => f.endsWith('.csv'));
      expect(files.length).toBe(4);
      for (const file of files) {
        const text = readFileSync(new URL(file, data), 'utf8');
        const table = JSON.parse(
          readFileSync(path.join(out, file.replace(/\.csv$/, '.json')), 'utf8'),
        ) as CompiledTable;
        expect(table.records).toEqual(parseCsv(text));
        expect(readTable(file, { data, compiled })).toEqual(parseCsv(text));
      }
      // A stale JSON (its CSV changed after the build) is ignored.
      const stale = path.join(out, 'sdg-goals.json');
      writeFileSync(stale, JSON.stringify({ sha256: 'old', records: [{ goal: 'stale' }] }));
      expect(readTable('sdg-goals.csv', { data, compiled })).toEqual(
        parseCsv(readFileSync(new URL('sdg-goals.csv', data), 'utf8')),
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
