/**
 * sdg-reference: every SDG goal or target the text names exists. Reads the
 * `:sdg[11.7]` directive and plain text: `SDG 11`, `SDGs 3 and 11`, `SDG 11.7`,
 * `SDG target 11.7`, `target 11.a`, `targets 11.1 and 11.2`. Indicators
 * (`11.2.1`) and quantities such as `target 0.7 per cent` or
 * `a target 12.5 million homes` are left alone.
 */
import { toString } from 'mdast-util-to-string';
import type { TextDirective } from 'mdast-util-directive';
import { checkSdgId } from '../core/reference.js';
import { report } from '../core/report.js';
import type { MarkdownDoc, Rule } from '../core/types.js';
import { nodesOfType } from './nodes.js';
import { pointIn, proseRuns } from './domain-util.js';
import { allDocs } from './util.js';

export { checkSdgId };

/** A goal (`11`) or target (`11.7`, `11.a`) as written. */
const REF = String.raw`\d{1,2}(?:\.(?:\d{1,2}|[A-Za-z]))?`;
/** Not followed by more digits (an indicator 11.2.1) or a unit. */
const END = String.raw`(?![\p{L}\p{N}]|\.\d|\s*(?:%|per\s?cent|percent|°|degrees?\b|(?:million|billion|thousand|trillion|km|kg|tonnes?|years?|m)\b))`;
/** More ids after the first: `, 11 and 17`. */
const LIST = String.raw`(?:\s*(?:,|and|or|&)\s*${REF}${END})*`;
const SDG_TEXT = new RegExp(
  String.raw`\bSDG(s?)[\s\u00a0-]*(?:[Tt]arget(?:s)?\s+)?(${REF})${END}(${LIST})?`,
  'gu',
);
const TARGET_TEXT = new RegExp(
  String.raw`(?<!SDGs?[\s\u00a0-]*)\b[Tt]arget(s?)\s+(\d{1,2}\.(?:\d{1,2}|[a-z]))${END}(${LIST})?`,
  'gu',
);

/** The ids in a match: the first, then any in the list that follows (`, 11 and 17`). */
function idsIn(first: string, list: string | undefined, offset: number) {
  const ids = [{ id: first, at: offset }];
  if (!list) return ids;
  const base = offset + first.length;
  for (const m of list.matchAll(new RegExp(REF, 'g'))) ids.push({ id: m[0], at: base + m.index });
  return ids;
}

function checkText(doc: MarkdownDoc) {
  for (const { node } of proseRuns(doc)) {
    const value = node.value;
    if (!/SDG|[Tt]arget/.test(value)) continue;
    const found: Array<{ id: string; at: number; target: boolean }> = [];
    for (const m of value.matchAll(SDG_TEXT)) {
      const start = m.index + m[0].indexOf(m[2]!, 3);
      for (const ref of idsIn(m[2]!, m[3], start)) found.push({ ...ref, target: false });
    }
    for (const m of value.matchAll(TARGET_TEXT)) {
      const start = m.index + m[0].indexOf(m[2]!);
      for (const ref of idsIn(m[2]!, m[3], start)) found.push({ ...ref, target: true });
    }
    for (const ref of found) {
      // "target 11" is not an SDG reference; a bare number after "target" with no point is left alone.
      if (ref.target && !ref.id.includes('.')) continue;
      const result = checkSdgId(ref.id);
      if (result.ok) continue;
      report(doc.file, 'sdg-reference', result.reason, pointIn(doc, node, ref.at, ref.id.length), {
        suggestion: result.suggestion,
      });
    }
  }
}

const rule: Rule = {
  id: 'sdg-reference',
  description:
    'Every SDG goal and target the text names (`:sdg[11.7]`, `SDG 11`, `SDG target 11.7`, `target 11.a`) is one of the 17 goals and 169 targets (data/reference/sdg-targets.csv).',
  fix: 'Correct the number (the message lists the targets of the goal), or write the reference as `:sdg[11.7]`.',
  run({ project }) {
    for (const doc of allDocs(project)) {
      for (const node of nodesOfType<TextDirective>(doc.tree, 'textDirective')) {
        if (node.name !== 'sdg') continue;
        const written = toString(node).trim();
        const cleaned = written.replace(/^(?:SDGs?|Goal|Target)\s*(?:target\s*)?/i, '');
        const result = checkSdgId(cleaned);
        if (result.ok && cleaned === written) continue;
        const suggestion = result.ok ? result.id : result.suggestion;
        report(
          doc.file,
          'sdg-reference',
          result.ok
            ? `write \`:sdg[${result.id}]\`: the directive takes the number only and adds "SDG" or "SDG target" itself.`
            : result.reason,
          node.position?.start,
          { suggestion: suggestion === undefined ? undefined : `:sdg[${suggestion}]` },
        );
      }
      checkText(doc);
    }
  },
};
export default rule;
