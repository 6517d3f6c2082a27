/**
 * `:kpi[EC: ICT: ICT: 1C]`: a U4SSC key performance indicator, rendered with its
 * name and code, "Household Internet Access (EC: ICT: ICT: 1C)", or "name, code"
 * when the directive already stands in parentheses. The tooltip gives its place
 * in the U4SSC structure. An unknown code (reported by check) is kept as written.
 */
import { h } from 'hastscript';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { kpiByCode, normalizeKpiCode } from '../../core/reference.js';
import type { DirectiveHandler } from './index.js';
import { textBefore } from './reference-context.js';

export const kpi: DirectiveHandler = (node, _state, ctx) => {
  const directive = node as TextDirective;
  const written = toString(directive).trim();
  const found = kpiByCode(written) ?? kpiByCode(normalizeKpiCode(written));
  if (!found) return h('span', { className: ['kpi', 'kpi-unknown'] }, written);
  const inParentheses = /\(\s*$/.test(textBefore(ctx.project, node).text);
  const title = `U4SSC KPI ${found.code}: ${found.name} (${found.dimension} – ${found.subdimension} – ${found.category}; ${found.type})`;
  return h('span', { className: ['kpi'], dataKpi: found.code, title }, [
    h('span', { className: ['kpi-name'] }, found.name),
    inParentheses ? ', ' : ' (',
    // A KPI code never breaks across lines ("EC: ICT: ICT: 1C").
    h('span', { className: ['kpi-code'] }, found.code.replace(/ /g, '\u00a0')),
    inParentheses ? '' : ')',
  ]);
};
