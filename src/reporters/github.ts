/** `--format github`: GitHub Actions workflow commands (`::error file=…,line=…::message`). */
import type { CheckResult } from '../core/pipeline.js';
import type { Severity } from '../core/types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(result: CheckResult): string {
  const lines = result.diagnostics.map((d) => {
    const props = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}`;
    const message = d.suggestion ? `${d.message} (suggestion: ${d.suggestion})` : d.message;
    return `::${COMMAND[d.severity]} ${props}::${escapeData(message)}`;
  });
  const { errors, warnings, infos } = result.summary;
  lines.push(
    `${errors} error(s), ${warnings} warning(s), ${infos} info for the ${result.stage} draft`,
  );
  return `${lines.join('\n')}\n`;
}
