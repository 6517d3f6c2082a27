// sdg-reference: SDG goals and targets named in the text exist.
import { describe, expect, it } from 'vitest';
import { sdgGoals, sdgTargets } from '../../src/core/reference.js';
import rule, { checkSdgId } from '../../src/rules/sdg-reference.js';
import { chapter, findings, places, runRules } from './domain-fixture.js';

describe('checkSdgId', () => {
  it('knows the 17 goals and 169 targets', () => {
    expect(checkSdgId('11')).toEqual({ ok: true, kind: 'goal', id: '11' });
    expect(checkSdgId('11.7')).toEqual({ ok: true, kind: 'target', id: '11.7' });
    expect(checkSdgId('11.c')).toEqual({ ok: true, kind: 'target', id: '11.c' });
    expect(checkSdgId('17.19').ok).toBe(true);
    expect(checkSdgId('18')).toMatchObject({ ok: false });
    expect(checkSdgId('11.8')).toMatchObject({
      ok: false,
      reason: 'SDG target 11.8 does not exist; Goal 11 has targets 11.1–11.7 and 11.a–11.c.',
    });
    expect(checkSdgId('11.d').ok).toBe(false);
    expect(checkSdgId('11.A')).toMatchObject({ ok: false, suggestion: '11.a' });
  });
});

describe('sdg-reference', () => {
  it('accepts real goals and targets, indicators and numbers that are not SDG references', async () => {
    const body = [
      'SDG 11 and SDGs 3, 11 and 17 matter; SDG target 11.7 and target 11.a too.', // 6
      'Targets 11.1 and 11.2 apply; :sdg[11] and :sdg[11.7] and :sdg[6].', // 7
      'SDG indicator 11.3.1 and SDG 11.2.1 are indicators; a target 0.7 per cent; 56 member States.', // 8
      'The target 30 is not a target; `SDG 99` in code is ignored; a target 12.9 million homes.', // 9
    ].join('\n');
    const result = await runRules(
      { chapters: { '01-introduction.md': chapter('introduction', body) } },
      [rule],
    );
    expect(findings(result, 'sdg-reference')).toEqual([]);
  });

  it('reports goals and targets that do not exist, at their place', async () => {
    const body = [
      'Cities are at the heart of SDG 18.', // 6
      'See SDG target 11.8 and target 11.d for more.', // 7
      'Two goals, SDGs 11 and 19, and :sdg[11.8] here.', // 8
      'Also :sdg[11.A] and :sdg[SDG 11].', // 9
    ].join('\n');
    const result = await runRules(
      { chapters: { '01-introduction.md': chapter('introduction', body) } },
      [rule],
    );
    const found = findings(result, 'sdg-reference');
    expect(places(result, 'sdg-reference')).toEqual([
      'manuscript/01-introduction.md:6:32',
      'manuscript/01-introduction.md:7:16',
      'manuscript/01-introduction.md:7:32',
      'manuscript/01-introduction.md:8:24',
      'manuscript/01-introduction.md:8:32',
      'manuscript/01-introduction.md:9:6',
      'manuscript/01-introduction.md:9:21',
    ]);
    expect(found[0]!.message).toBe(
      'SDG 18 does not exist; the Sustainable Development Goals are numbered 1 to 17.',
    );
    expect(found[1]!.message).toContain('Goal 11 has targets 11.1–11.7 and 11.a–11.c');
    expect(found.slice(5).map((d) => d.suggestion)).toEqual([':sdg[11.a]', ':sdg[11]']);
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });
});

describe('sdg-reference over the whole list', () => {
  it('accepts every goal and target, written every supported way', async () => {
    const lines = sdgTargets().map(
      (t) => `SDG target ${t.id}, target ${t.id}, SDG ${t.id}, :sdg[${t.id}] and SDG ${t.goal}.`,
    );
    const result = await runRules(
      { chapters: { '01-introduction.md': chapter('introduction', lines.join('\n\n')) } },
      [rule],
    );
    expect(findings(result, 'sdg-reference')).toEqual([]);
  });

  it('reports the first target after the last of every goal', async () => {
    const next = sdgGoals().map((g) => {
      const numeric = sdgTargets().filter((t) => t.goal === g.goal && /\.\d+$/.test(t.id));
      return `${g.goal}.${numeric.length + 1}`;
    });
    const body = next.map((id) => `See target ${id}.`).join('\n\n');
    const result = await runRules(
      { chapters: { '01-introduction.md': chapter('introduction', body) } },
      [rule],
    );
    expect(findings(result, 'sdg-reference').map((d) => d.line)).toEqual(
      next.map((_, i) => 6 + 2 * i),
    );
  });
});
