/**
 * Output of `lock --verify` in the three formats of `check`: pretty (people),
 * json (tools) and github (workflow-command annotations on pull requests).
 */
import type { Format } from '../reporters/index.js';
import { paint } from '../reporters/pretty.js';
import type { Change, VerifyResult } from './verify.js';

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function counts(result: VerifyResult): string {
  const s = result.summary;
  return `${s.changed} changed, ${s.added} added, ${s.removed} removed segment(s); ${s['file-changed'] + s['file-added'] + s['file-removed']} file change(s)`;
}

function formatPretty(result: VerifyResult, color: boolean): string {
  const c = paint(color);
  const { lock } = result;
  const head = `lock ${lock.file}: version ${lock.version}, ${lock.draft} draft, locked ${lock.date}`;
  if (result.ok) return `${c('green', '✔')} the source matches the lock (${head})\n`;
  const out: string[] = [];
  const byFile = new Map<string, Change[]>();
  for (const ch of result.changes) byFile.set(ch.file, [...(byFile.get(ch.file) ?? []), ch]);
  for (const [file, list] of byFile) {
    out.push(c('bold', file));
    for (const ch of list) {
      const tag = c(
        ch.type === 'added' ? 'green' : ch.type === 'removed' ? 'red' : 'yellow',
        ch.type,
      );
      const id = ch.id ? c('dim', ` ${ch.oldId ? `${ch.oldId} -> ` : ''}${ch.id}`) : '';
      out.push(`  ${file}:${ch.line} ${tag} ${ch.kind ?? ''}${id}`);
      if (ch.old !== undefined) out.push(`    ${c('red', '-')} ${ch.old}`);
      if (ch.new !== undefined) out.push(`    ${c('green', '+')} ${ch.new}`);
      if (ch.old === undefined && ch.new === undefined) out.push(`    ${ch.message}`);
    }
    out.push('');
  }
  out.push(`${c('red', '✖')} the source moved since the lock: ${counts(result)} (${head})`);
  out.push(
    '  Tell the translators which segments changed (above), then run `flagship lock` to lock the new source.',
  );
  return `${out.join('\n')}\n`;
}

function formatGithub(result: VerifyResult): string {
  const lines = result.changes.map((ch) => {
    const props = `file=${escapeProperty(ch.file)},line=${ch.line},title=${escapeProperty(`translation lock: ${ch.type}`)}`;
    return `::error ${props}::${escapeData(ch.message)}`;
  });
  lines.push(result.ok ? 'the source matches the translation lock' : counts(result));
  return `${lines.join('\n')}\n`;
}

export function formatVerify(result: VerifyResult, format: Format, color = false): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'github') return formatGithub(result);
  return formatPretty(result, color);
}
