// Reference data: the copied tables load from data/reference/ with the counts their sources give.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  kpiByCode,
  kpis,
  memberFromAlias,
  memberStates,
  normalizeKpiCode,
  parseCsv,
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

  it('reads CSV as csv-parse does (the data files, quotes, CRLF, a BOM, empty lines)', () => {
    const options = { columns: true, skip_empty_lines: true, trim: true, bom: true };
    const dir = path.resolve(import.meta.dirname, '../../data/reference');
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBe(4);
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(parseCsv(text)).toEqual(parse(text, options));
    }
    for (const eol of ['\n', '\r\n']) {
      const odd = [
        '\ufeffid, name ,note',
        '1,"Say ""hi"", twice","two\nlines"',
        '',
        ' 2 ,  plain  ,',
        '3,"",x',
      ].join(eol);
      expect(parseCsv(odd)).toEqual(parse(odd, options));
      expect(parseCsv(odd)[0]).toEqual({ id: '1', name: 'Say "hi", twice', note: 'two\nlines' });
    }
  });
});
