/**
 * `--format pretty`: findings grouped by file as `file:line:col severity message rule`,
 * colour only on a terminal (NO_COLOR and FORCE_COLOR respected), one summary line.
 */
import type { CheckResult } from '../core/pipeline.js';
import type { Severity } from '../core/types.js';

export interface PrettyOptions {
  color?: boolean;
}

export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return Boolean(stream.isTTY);
}

const CODES = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, green: 32 } as const;

export function paint(on: boolean) {
  return (style: keyof typeof CODES, text: string) =>
    on ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
}

const STYLE: Record<Severity, keyof typeof CODES> = {
  error: 'red',
  warning: 'yellow',
  info: 'blue',
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatPretty(result: CheckResult, options: PrettyOptions = {}): string {
  const c = paint(options.color ?? false);
  const out: string[] = [];
  const byFile = new Map<string, typeof result.diagnostics>();
  for (const d of result.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  for (const [file, list] of byFile) {
    out.push(c('bold', file));
    for (const d of list) {
      const where = `${file}:${d.line}:${d.column}`;
      const hint = d.suggestion ? c('dim', ` (suggestion: ${d.suggestion})`) : '';
      out.push(
        `  ${where} ${c(STYLE[d.severity], d.severity.padEnd(7))} ${d.message}${hint}  ${c('dim', d.rule)}`,
      );
    }
    out.push('');
  }
  const { errors, warnings, infos, chapters } = result.summary;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info`;
  const verdict = errors > 0 ? c('red', '✖') : c('green', '✔');
  out.push(
    `${verdict} ${counts} in ${plural(chapters, 'chapter')} (${result.stage} draft)${errors > 0 ? '' : ': ready for this stage'}`,
  );
  return `${out.join('\n')}\n`;
}
