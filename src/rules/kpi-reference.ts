/**
 * kpi-reference: every U4SSC key performance indicator the text cites, as
 * `:kpi[EC: ICT: ICT: 1C]` or as a plain code, is a KPI of ITU-T Y.4903
 * (data/reference/u4ssc-kpis.csv).
 */
import { toString } from 'mdast-util-to-string';
import type { TextDirective } from 'mdast-util-directive';
import { foldName, kpiByCode, kpis, normalizeKpiCode } from '../core/reference.js';
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { nodesOfType } from './nodes.js';
import { pointIn, proseRuns } from './domain-util.js';
import { allDocs, nearest } from './util.js';

/** A KPI code written in running text: `EC: ICT: ICT: 1C`. */
export const CODE_TEXT =
  /\b(?:EC|EN|SC)\s*:\s*[A-Z]{1,4}\s*:\s*[A-Z]{1,4}\s*:\s*\d{1,2}[A-Za-z]?\b/g;

export type KpiCheck =
  { ok: true; code: string } | { ok: false; reason: string; suggestion?: string };

/** Check a KPI code (or name) as written. */
export function checkKpi(written: string): KpiCheck {
  const value = written.trim();
  if (kpiByCode(value)) return { ok: true, code: value };
  const normal = normalizeKpiCode(value);
  const exact = kpiByCode(normal);
  if (exact)
    return {
      ok: false,
      reason: `write the KPI code as \`${exact.code}\` (${exact.name}).`,
      suggestion: exact.code,
    };
  // The suffix C (core) / A (advanced) has shifted between editions of the list.
  const stem = normal.replace(/[A-Z]$/, '');
  const sibling = kpis().find((k) => k.code.replace(/[A-Z]$/, '') === stem);
  if (sibling)
    return {
      ok: false,
      reason: `there is no U4SSC KPI \`${normal}\`; \`${sibling.code}\` is ${sibling.name} (${sibling.type}).`,
      suggestion: sibling.code,
    };
  const byName = kpis().find((k) => foldName(k.name) === foldName(value));
  if (byName)
    return {
      ok: false,
      reason: `cite the KPI by its code: \`${byName.code}\` is ${byName.name}.`,
      suggestion: byName.code,
    };
  const code = nearest(
    normal,
    kpis().map((k) => k.code),
    0.15,
  );
  const hit = code ? kpiByCode(code) : undefined;
  return {
    ok: false,
    reason: `there is no U4SSC KPI \`${value}\`${hit ? `; did you mean \`${hit.code}\` (${hit.name})?` : '; see data/reference/u4ssc-kpis.csv for the 91 codes (dimension: sub-dimension: category: number, C core or A advanced).'}`,
    suggestion: hit?.code,
  };
}

const rule: Rule = {
  id: 'kpi-reference',
  description:
    'Every U4SSC KPI cited as `:kpi[EC: ICT: ICT: 1C]` or by its code in the text is one of the 91 KPIs of ITU-T Y.4903 (data/reference/u4ssc-kpis.csv).',
  fix: 'Correct the code (the nearest code is suggested; C and A suffixes are checked against each other), or cite the KPI as `:kpi[<code>]`.',
  run({ project }) {
    for (const doc of allDocs(project)) {
      for (const node of nodesOfType<TextDirective>(doc.tree, 'textDirective')) {
        if (node.name !== 'kpi') continue;
        const result = checkKpi(toString(node));
        if (result.ok) continue;
        report(doc.file, 'kpi-reference', result.reason, node.position?.start, {
          suggestion: result.suggestion && `:kpi[${result.suggestion}]`,
        });
      }
      for (const { node } of proseRuns(doc)) {
        for (const m of node.value.matchAll(CODE_TEXT)) {
          const result = checkKpi(m[0]);
          if (result.ok) continue;
          report(
            doc.file,
            'kpi-reference',
            result.reason,
            pointIn(doc, node, m.index, m[0].length),
            {
              suggestion: result.suggestion,
            },
          );
        }
      }
    }
  },
};
export default rule;
