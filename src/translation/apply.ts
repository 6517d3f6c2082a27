/**
 * Write translated segments back into a copy of the source file: each
 * segment's source range is replaced by its translation, and everything else
 * (front matter, directive fences and attributes, list markers, table pipes,
 * footnote labels, link targets) is kept byte for byte from the source. That
 * is how a translation keeps the structure of the source by construction.
 */
import type { Segment } from './segments.js';
import { restorePrefix } from './segments.js';

/** A segment's target Markdown, made safe for where the segment sits. */
export function fitTarget(segment: Segment, markdown: string): string {
  let text = markdown;
  if (segment.kind === 'heading' || segment.kind === 'table-cell' || segment.kind === 'box-title')
    text = text.replace(/\s*\n\s*/g, ' ');
  if (segment.kind === 'alt')
    text = text.replace(/\s*\n\s*/g, ' ').replace(/(?<!\\)([[\]])/g, '\\$1');
  if (segment.kind === 'table-cell') text = text.replace(/(?<!\\)\|/g, '\\|');
  if (segment.attribute) {
    const { quote } = segment.attribute;
    if (quote === '"') return text.replace(/"/g, '&quot;');
    if (quote === "'") return text.replace(/'/g, '&#39;');
    // An unquoted value that now needs quotes cannot be widened in place: quote it.
    if (/[\s"'=<>`}]/.test(text) || text === '') return `"${text.replace(/"/g, '&quot;')}"`;
    return text;
  }
  return restorePrefix(text, segment.prefix);
}

/** The source text with each segment that has a target replaced by it. */
export function applyTargets(
  source: string,
  segments: Segment[],
  targets: Map<string, string>,
): string {
  let out = source;
  const ordered = [...segments].sort((a, b) => b.start - a.start);
  for (const segment of ordered) {
    const target = targets.get(segment.id);
    if (target === undefined) continue;
    out = out.slice(0, segment.start) + fitTarget(segment, target) + out.slice(segment.end);
  }
  return out;
}
