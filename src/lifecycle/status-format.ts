/**
 * Output of `flagship status`: `pretty` (terminal), `json` (tools) and
 * `markdown` (a GitHub job summary: `>> $GITHUB_STEP_SUMMARY`).
 */
import type { DueDate, StatusReport, StatusRow } from './status.js';
import { markdownTable, textTable, type Column } from './table.js';

export const STATUS_FORMATS = ['pretty', 'json', 'markdown'] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];

export function dueText(d: DueDate): string {
  if (d.daysLeft > 0) return `${d.due} (${d.daysLeft} day${d.daysLeft === 1 ? '' : 's'} left)`;
  if (d.daysLeft === 0) return `${d.due} (due today)`;
  const n = -d.daysLeft;
  return `${d.due} (overdue by ${n} day${n === 1 ? '' : 's'})`;
}

/** Every element any row requires, in manuscript.yaml order. */
function elementColumns(report: StatusReport): string[] {
  const names: string[] = [];
  for (const row of report.rows)
    for (const name of row.required) if (!names.includes(name)) names.push(name);
  return names;
}

/** The blockers of a row in one cell: `element-missing, citation-unresolved ×2`. */
export function blockerSummary(row: StatusRow): string {
  if (row.state === 'missing') return 'missing: no chapter file';
  if (row.blockers.length === 0) return row.state === 'unexpected' ? 'not in the toc' : 'ready';
  const counts = new Map<string, number>();
  for (const b of row.blockers) counts.set(b.rule, (counts.get(b.rule) ?? 0) + 1);
  return [...counts].map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule)).join(', ');
}

function matrix(report: StatusReport): { columns: Column[]; rows: string[][] } {
  const elements = elementColumns(report);
  const columns: Column[] = [
    { header: '#' },
    { header: 'chapter' },
    ...elements.map((e) => ({ header: e, align: 'right' as const })),
    { header: 'words', align: 'right' },
    { header: 'citations', align: 'right' },
    { header: 'footnotes', align: 'right' },
    { header: 'figures', align: 'right' },
    { header: 'tables', align: 'right' },
    { header: 'TODOs', align: 'right' },
    { header: 'comments', align: 'right' },
    { header: `blocks ${report.draft} draft` },
  ];
  const rows = report.rows.map((row) => {
    const inv = row.inventory;
    const n = (v: number | undefined) => (v === undefined ? '–' : String(v));
    return [
      row.order === undefined ? '–' : String(row.order).padStart(2, '0'),
      row.id,
      ...elements.map((e) =>
        !row.required.includes(e) && row.state !== 'unexpected'
          ? 'n/a'
          : n(inv ? (inv.elements[e] ?? 0) : undefined),
      ),
      n(inv?.words),
      n(inv?.citations),
      n(inv?.footnotes),
      n(inv?.figures),
      n(inv?.tables),
      n(inv?.todos),
      inv ? `${inv.openComments} open / ${inv.comments}` : '–',
      blockerSummary(row),
    ];
  });
  const t = report.totals;
  rows.push([
    '',
    'total',
    ...elements.map((e) =>
      String(report.rows.reduce((s, r) => s + (r.inventory?.elements[e] ?? 0), 0)),
    ),
    String(t.words),
    String(t.citations),
    String(t.footnotes),
    String(t.figures),
    String(t.tables),
    String(t.todos),
    `${t.openComments} open / ${t.comments}`,
    report.ready ? 'ready' : `${t.blockers} error${t.blockers === 1 ? '' : 's'}`,
  ]);
  return { columns, rows };
}

function headline(report: StatusReport): string {
  const note = report.draft === report.current ? '' : ` (manuscript.yaml: ${report.current})`;
  return `${report.title}, version ${report.version}: status for the ${report.draft} draft${note}, as of ${report.today}`;
}

function dueLine(report: StatusReport): string {
  if (report.dues.length === 0)
    return 'Due dates: none in manuscript.yaml (`drafts: { first: { due: YYYY-MM-DD } }`).';
  return `Due: ${report.dues.map((d) => `${d.stage} ${dueText(d)}`).join(' · ')}`;
}

/** Blocking diagnostics grouped by file, at most `limit` per file. */
function blockerLines(report: StatusReport, limit: number): Array<[string, string[]]> {
  const groups: Array<[string, string[]]> = [];
  for (const row of report.rows) {
    if (row.blockers.length === 0) continue;
    const file = row.file ?? `${row.id} (missing)`;
    groups.push([
      file,
      row.blockers.map((b) => `${row.file ? `${b.line}: ` : ''}${b.rule}: ${b.message}`),
    ]);
  }
  const byFile = new Map<string, string[]>();
  for (const g of report.general)
    byFile.set(g.file, [...(byFile.get(g.file) ?? []), `${g.line}: ${g.rule}: ${g.message}`]);
  groups.push(...byFile);
  return groups.map(([file, lines]) => [
    file,
    lines.length > limit ? [...lines.slice(0, limit), `… and ${lines.length - limit} more`] : lines,
  ]);
}

function verdict(report: StatusReport): string {
  return report.ready
    ? `Ready for the ${report.draft} draft: no error.`
    : `Not ready for the ${report.draft} draft: ${report.totals.blockers} error${report.totals.blockers === 1 ? '' : 's'} (run \`flagship check --draft ${report.draft}\` for every finding).`;
}

export function formatStatusPretty(report: StatusReport): string {
  const { columns, rows } = matrix(report);
  const out = [headline(report), dueLine(report), '', textTable(columns, rows), ''];
  const groups = blockerLines(report, 5);
  if (groups.length > 0) {
    out.push(`What blocks the ${report.draft} draft:`);
    for (const [file, lines] of groups) {
      out.push(`  ${file}`);
      for (const l of lines) out.push(`    ${l}`);
    }
    out.push('');
  }
  out.push(verdict(report));
  return `${out.join('\n')}\n`;
}

export function formatStatusMarkdown(report: StatusReport): string {
  const { columns, rows } = matrix(report);
  const out = [
    `## ${report.ready ? '✅' : '❌'} ${headline(report)}`,
    '',
    dueLine(report),
    '',
    markdownTable(columns, rows),
    '',
  ];
  const groups = blockerLines(report, 10);
  if (groups.length > 0) {
    out.push(`### What blocks the ${report.draft} draft`, '');
    for (const [file, lines] of groups) {
      out.push(`- \`${file}\``);
      for (const l of lines) out.push(`  - ${l.replace(/\n/g, ' ')}`);
    }
    out.push('');
  }
  out.push(verdict(report));
  return `${out.join('\n')}\n`;
}

export function formatStatus(report: StatusReport, format: StatusFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'markdown') return formatStatusMarkdown(report);
  return formatStatusPretty(report);
}
