/**
 * crossref-unresolved: every cross-reference points at a labelled box, figure,
 * table or section. Reads `@box:label` / `[Box @box:label]` and also numbers
 * written by hand ("see Box 3.2") that no box, figure or table carries.
 */
import type { Text } from 'mdast';
import { displayName, numberProject, type Numbering } from '../core/numbering.js';
import { report } from '../core/report.js';
import { isCrossrefKey, type CiteNode, type CrossrefNode } from '../core/syntax/citations.js';
import type { MarkdownDoc, Rule } from '../core/types.js';
import { pointIn, proseRuns } from './domain-util.js';
import { nodesOf } from './nodes.js';
import { allDocs, nearest } from './util.js';

/** "Box 3.2", "Figure 1.4", "Table 2.1", "Section 4.2.1" written out by hand. */
const LITERAL =
  /\b(Box|Figure|Table|Section)\s+(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\b(?!\.\d|\s+(?:of|in)\s)/g;

const KIND = { Box: 'box', Figure: 'figure', Table: 'table', Section: 'section' } as const;

/** "Chapter 7" written out by hand. */
const CHAPTER = /\b[Cc]hapters?\s+(\d{1,2})\b(?!\.\d|\s+(?:of|in)\s)/g;

function checkLiteral(doc: MarkdownDoc, node: Text, numbering: Numbering, chapters: number) {
  for (const m of node.value.matchAll(CHAPTER)) {
    const number = Number(m[1]);
    if (number >= 1 && number <= chapters) continue;
    report(
      doc.file,
      'crossref-unresolved',
      `"${m[0]}" points nowhere: the publication has ${chapters} chapters; correct the number.`,
      pointIn(doc, node, m.index, m[0].length),
    );
  }
  for (const m of node.value.matchAll(LITERAL)) {
    const kind = KIND[m[1] as keyof typeof KIND];
    const number = m[2]!;
    const target = numbering.all.find((n) => n.kind === kind && n.number === number);
    const place = pointIn(doc, node, m.index, m[0].length);
    if (target) continue;
    report(
      doc.file,
      'crossref-unresolved',
      `"${m[0]}" points nowhere: the publication has no ${m[1]!.toLowerCase()} ${number}; label the ${m[1]!.toLowerCase()} (\`{#${kind === 'figure' ? 'fig' : kind === 'table' ? 'tbl' : kind === 'section' ? 'sec' : 'box'}:name}\`) and refer to it with \`@label\` so the number stays right.`,
      place,
    );
  }
}

const rule: Rule = {
  id: 'crossref-unresolved',
  description:
    'Every cross-reference (`@box:label`, `@fig:label`, `@tbl:label`, `@sec:label`) names a label that a box, figure, table or section carries; a number written by hand ("Box 3.2", "Chapter 4") exists.',
  fix: 'Correct the label (the nearest label is suggested) or add `{#label}` to the box, figure, table or section; replace hand-written numbers with `@label`.',
  run({ project }) {
    const numbering = numberProject(project);
    const labels = [...numbering.byLabel.keys()];
    const chapters = Math.max(project.config.toc.length, project.chapters.length);
    for (const doc of allDocs(project)) {
      const check = (label: string, node: CrossrefNode | CiteNode) => {
        if (numbering.byLabel.has(label)) return;
        const prefix = label.slice(0, label.indexOf(':') + 1);
        const suggestion = nearest(
          label,
          labels.filter((l) => l.startsWith(prefix)),
          0.4,
        );
        const target = suggestion ? numbering.byLabel.get(suggestion) : undefined;
        report(
          doc.file,
          'crossref-unresolved',
          `the cross-reference \`@${label}\` points nowhere${target ? `; did you mean \`@${suggestion}\` (${displayName(target)})?` : `: no box, figure, table or section is labelled \`${label}\`; add \`{#${label}}\` to it.`}`,
          node,
          { suggestion: suggestion && `@${suggestion}` },
        );
      };
      for (const node of nodesOf(doc.tree)) {
        if (node.type === 'crossref')
          for (const item of (node as CrossrefNode).items) check(item.label, node as CrossrefNode);
        // A bracket that mixes citations and cross-references is a `cite` node.
        if (node.type === 'cite')
          for (const item of (node as CiteNode).items)
            if (isCrossrefKey(item.key)) check(item.key, node as CiteNode);
      }
      for (const { node } of proseRuns(doc)) checkLiteral(doc, node, numbering, chapters);
    }
  },
};
export default rule;
