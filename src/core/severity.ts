/**
 * The stage table of the manuscript contract: for each rule id, its severity in
 * the first, second and final draft. Rules never set severity themselves.
 */
import type { Severity, Stage } from './types.js';

type Row = readonly [first: Severity, second: Severity, final: Severity];

const E: Row = ['error', 'error', 'error'];

export const SEVERITY: Record<string, Row> = {
  // The contract's table.
  'toc-missing-chapter': E,
  'toc-order': E,
  'toc-title-mismatch': ['warning', 'error', 'error'],
  'toc-unexpected-chapter': E,
  'element-missing': ['warning', 'error', 'error'],
  'citation-unresolved': ['warning', 'error', 'error'],
  'citation-unused': ['info', 'warning', 'warning'],
  'bib-duplicate-key': E,
  'bib-parse-error': E,
  'draft-marker': ['info', 'warning', 'error'],
  'frontmatter-invalid': E,
  'config-invalid': E,
  // flagship's additions.
  'toc-title-typography': ['info', 'warning', 'warning'],
  'directive-unknown': ['warning', 'error', 'error'],
  'chapter-heading': E,
  'file-unreadable': E,
  'bib-missing': E,
  // Scripts, remote or outside-the-project content (issue 9): never allowed.
  'unsafe-content': E,
  // Domain checks (issue 7): wrong facts are errors at every stage; what is missing is a
  // warning in a first draft; unused list entries are housekeeping.
  'box-country': E,
  'box-attributes': ['warning', 'error', 'error'],
  'sdg-reference': E,
  'kpi-reference': E,
  'crossref-unresolved': ['warning', 'error', 'error'],
  'crossref-duplicate': E,
  'figure-alt': ['warning', 'error', 'error'],
  'figure-source': ['warning', 'error', 'error'],
  'table-caption': ['warning', 'error', 'error'],
  'abbreviation-undefined': ['warning', 'error', 'error'],
  'abbreviation-unused': ['info', 'warning', 'warning'],
  'recommendations-summary': ['warning', 'error', 'error'],
  // Translation parity (issue 6), only with `check --lang`.
  'translation-missing-chapter': E,
  'translation-structure': E,
  'translation-title-mismatch': ['warning', 'error', 'error'],
  'translation-untranslated': ['warning', 'warning', 'error'],
  'translation-outdated': ['warning', 'warning', 'error'],
};

/** Severity of a rule at a stage; unknown rules are errors so nothing is silently dropped. */
export function severityOf(rule: string, stage: Stage): Severity {
  const row = SEVERITY[rule];
  if (!row) return 'error';
  return row[stage === 'first' ? 0 : stage === 'second' ? 1 : 2];
}
