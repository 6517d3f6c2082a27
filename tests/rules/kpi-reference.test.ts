// kpi-reference: U4SSC KPI codes cited in the text exist.
import { describe, expect, it } from 'vitest';
import { kpis } from '../../src/core/reference.js';
import rule, { checkKpi } from '../../src/rules/kpi-reference.js';
import { chapter, findings, places, runRules } from './domain-fixture.js';

describe('checkKpi', () => {
  it('accepts the 91 codes and explains the rest', () => {
    expect(checkKpi('EC: ICT: ICT: 1C')).toEqual({ ok: true, code: 'EC: ICT: ICT: 1C' });
    expect(checkKpi('ec:ict:ict:1c')).toMatchObject({ ok: false, suggestion: 'EC: ICT: ICT: 1C' });
    // Suffix letter shifted between editions: 5C is 5A in this list.
    expect(checkKpi('EC: ICT: ICT: 5C')).toMatchObject({
      ok: false,
      suggestion: 'EC: ICT: ICT: 5A',
    });
    expect(checkKpi('Household Internet Access')).toMatchObject({
      ok: false,
      suggestion: 'EC: ICT: ICT: 1C',
    });
    expect(checkKpi('EC: ICT: ICT: 9C')).toMatchObject({ ok: false });
  });
});

describe('kpi-reference', () => {
  it('accepts real KPI codes as directives and in text', async () => {
    const body = 'Internet access (:kpi[EC: ICT: ICT: 1C]) and EN: EN: AQ: 1C are measured.';
    const result = await runRules(
      { chapters: { '01-introduction.md': chapter('introduction', body) } },
      [rule],
    );
    expect(findings(result, 'kpi-reference')).toEqual([]);
  });

  it('reports wrong codes with the nearest right one', async () => {
    const body = [
      'Wi-Fi in public areas (:kpi[EC: ICT: ICT: 5C]) is counted.', // 6
      'So is :kpi[Household Internet Access] and :kpi[ZZ: Q: Q: 1C].', // 7
      'The text code SC: SH: HO: 3C does not exist.', // 8
    ].join('\n');
    const result = await runRules(
      { chapters: { '01-introduction.md': chapter('introduction', body) } },
      [rule],
    );
    const found = findings(result, 'kpi-reference');
    expect(places(result, 'kpi-reference')).toEqual([
      'manuscript/01-introduction.md:6:24',
      'manuscript/01-introduction.md:7:7',
      'manuscript/01-introduction.md:7:43',
      'manuscript/01-introduction.md:8:15',
    ]);
    expect(found.map((d) => d.suggestion)).toEqual([
      ':kpi[EC: ICT: ICT: 5A]',
      ':kpi[EC: ICT: ICT: 1C]',
      undefined,
      'SC: SH: HO: 1C',
    ]);
    expect(found[0]!.message).toContain('Availability of WIFI in Public Areas');
    expect(found[0]!.severity).toBe('error');
  });
});

describe('kpi-reference over the whole list', () => {
  it('accepts each of the 91 codes as a directive and in text', async () => {
    const body = kpis()
      .map((k) => `:kpi[${k.code}] and ${k.code}.`)
      .join('\n\n');
    const result = await runRules(
      { chapters: { '01-introduction.md': chapter('introduction', body) } },
      [rule],
    );
    expect(findings(result, 'kpi-reference')).toEqual([]);
  });
});
