/** Plain-text and Markdown tables for the lifecycle reports (columns padded by hand: a few lines, no dependency). */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/** Monospace table: header, dashes, rows; cells padded to the widest. */
export function textTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...rows.map((r) => [...(r[i] ?? '')].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - [...cell].length));
        return columns[i]!.align === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** GitHub-flavoured Markdown table. */
export function markdownTable(columns: Column[], rows: string[][]): string {
  const head = `| ${columns.map((c) => escapeCell(c.header)).join(' | ')} |`;
  const rule = `|${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`;
  const body = rows.map((r) => `| ${r.map((cell) => escapeCell(cell)).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}
