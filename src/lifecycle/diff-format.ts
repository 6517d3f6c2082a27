/**
 * The change report in the terminal (`pretty`: one block per changed chapter,
 * redlines as `[-deleted-]{+inserted+}`, coloured on a terminal) and as JSON.
 */
import { paint } from '../reporters/pretty.js';
import { shortHash } from './git.js';
import type { ChangeReport, ChapterChange, Redline, VersionInfo } from './compare.js';

export const DIFF_FORMATS = ['pretty', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** Unchanged text longer than this is shortened to its ends around a change. */
const CONTEXT = 40;

/** A redline on one line: `[-old-]{+new+}`, long unchanged stretches shortened with `…`. */
export function inlineRedline(parts: Redline, color = false): string {
  const c = paint(color);
  return parts
    .map((p, index) => {
      const value = p.value.replace(/\s+/g, ' ');
      if (p.added) return c('green', `{+${value}+}`);
      if (p.removed) return c('red', `[-${value}-]`);
      const first = index === 0;
      const last = index === parts.length - 1;
      if (value.length <= CONTEXT * 2) return value;
      // Cut at word boundaries so the context reads as whole words.
      const head = value.slice(0, CONTEXT).replace(/\s*\S*$/, '');
      const tail = value.slice(-CONTEXT).replace(/^\S*\s*/, '');
      if (first) return `…${tail ? ` ${tail}` : ''}`;
      if (last) return `${head} …`;
      return `${head} … ${tail}`;
    })
    .join('');
}

function clip(text: string, max = 100): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function versionText(v: VersionInfo): string {
  if (v.kind === 'working') return 'the working tree';
  const commit = v.commit && !v.commit.startsWith(v.label) ? ` at ${shortHash(v.commit)}` : '';
  return v.kind === 'release' ? `release ${v.label}${commit}` : `${v.label}${commit}`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function boxName(b: { name: string; title?: string; label?: string }): string {
  return `${b.name}${b.title ? ` "${b.title}"` : ''}${b.label ? ` (${b.label})` : ''}`;
}

function chapterBlock(ch: ChapterChange, color: boolean): string[] {
  const c = paint(color);
  const out: string[] = [];
  const delta = ch.words.after - ch.words.before;
  const head =
    ch.status === 'added'
      ? 'added'
      : ch.status === 'removed'
        ? 'removed'
        : `words ${ch.words.before} → ${ch.words.after} (${signed(delta)})`;
  out.push(c('bold', `${ch.file}  [${ch.id}]  ${head}`));
  if (ch.status === 'added' || ch.status === 'removed') {
    out.push(`  ${ch.words[ch.status === 'added' ? 'after' : 'before']} words`);
    return out;
  }
  if (ch.fromFile) out.push(`  file renamed from ${ch.fromFile}`);
  if (ch.title) out.push(`  title: "${ch.title.from ?? ''}" → "${ch.title.to ?? ''}"`);
  const s = ch.sections;
  for (const x of s.added) out.push(`  section added: "${x.title}" (line ${x.line})`);
  for (const x of s.removed) out.push(`  section removed: "${x.title}" (was line ${x.line})`);
  for (const x of s.moved)
    out.push(
      `  section moved: "${x.title}" (line ${x.line}, was ${x.fromChapter ? `in ${x.fromChapter}, ` : ''}line ${x.fromLine})`,
    );
  for (const x of s.renamed)
    out.push(`  section renamed: "${x.from}" → "${x.title}" (line ${x.line})`);
  const b = ch.boxes;
  for (const x of b.added) out.push(`  box added: ${boxName(x)} (line ${x.line})`);
  for (const x of b.removed) out.push(`  box removed: ${boxName(x)} (was line ${x.line})`);
  for (const x of b.changed) {
    out.push(`  box changed: ${boxName(x)} (line ${x.line})`);
    for (const a of x.attributes)
      out.push(
        `    ${a.name}: ${a.from === undefined ? '(none)' : `"${a.from}"`} → ${a.to === undefined ? '(none)' : `"${a.to}"`}`,
      );
    if (x.redline) out.push(`    ${inlineRedline(x.redline, color)}`);
  }
  const r = ch.recommendations;
  for (const x of r.added)
    out.push(`  recommendation added: ${x.number}. ${clip(x.text)} (line ${x.line})`);
  for (const x of r.removed)
    out.push(`  recommendation removed: ${x.number}. ${clip(x.text)} (was line ${x.line})`);
  for (const x of r.changed)
    out.push(
      `  recommendation changed: ${x.number}. ${inlineRedline(x.redline, color)} (line ${x.line})`,
    );
  const p = ch.paragraphs;
  for (const x of p.changed)
    out.push(`  paragraph changed (line ${x.line}): ${inlineRedline(x.redline, color)}`);
  for (const x of p.added) out.push(`  paragraph added (line ${x.line}): ${clip(x.text)}`);
  for (const x of p.removed) out.push(`  paragraph removed (was line ${x.line}): ${clip(x.text)}`);
  if (ch.citations.added.length > 0)
    out.push(`  citations added: ${ch.citations.added.join(', ')}`);
  if (ch.citations.removed.length > 0)
    out.push(`  citations removed: ${ch.citations.removed.join(', ')}`);
  return out;
}

export function formatDiffPretty(report: ChangeReport, color = false): string {
  const out = [
    `Changes from ${versionText(report.from)} (version ${report.from.version}, ${report.from.draft} draft) to ${versionText(report.to)} (version ${report.to.version}, ${report.to.draft} draft)`,
    '',
  ];
  const changed = report.chapters.filter((ch) => ch.status !== 'unchanged');
  for (const ch of changed) out.push(...chapterBlock(ch, color), '');
  const t = report.totals;
  out.push(
    changed.length === 0
      ? 'No change in the chapters.'
      : `${t.chaptersChanged} chapter${t.chaptersChanged === 1 ? '' : 's'} changed; words ${t.wordsBefore} → ${t.wordsAfter} (${signed(t.wordsAfter - t.wordsBefore)}); paragraphs: ${t.paragraphsChanged} changed, ${t.paragraphsAdded} added, ${t.paragraphsRemoved} removed.`,
  );
  return `${out.join('\n')}\n`;
}

export function formatDiff(report: ChangeReport, format: DiffFormat, color = false): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return formatDiffPretty(report, color);
}
