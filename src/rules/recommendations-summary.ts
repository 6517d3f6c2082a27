/**
 * recommendations-summary: the final chapter summarises every chapter's
 * recommendations. `::recommendations-summary` generates the summary and is
 * complete by construction; a summary written by hand (a list or table under a
 * heading about recommendations, or a `:::recommendations` box of the final
 * chapter whose items repeat other chapters') is compared with the chapters:
 * a recommendation missing from it, or an item no chapter makes, is reported.
 */
import type { Heading, ListItem, RootContent, TableRow } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Point } from 'unist';
import { numberProject } from '../core/numbering.js';
import {
  finalChapter,
  itemsOf,
  recommendationsOf,
  type Recommendation,
} from '../core/recommendations.js';
import { report } from '../core/report.js';
import type { MarkdownDoc, Rule } from '../core/types.js';
import { SKIP, visit } from 'unist-util-visit';
import { nodesOfType } from './nodes.js';
import { readableChapters, titlePlace } from './util.js';

const STOP = new Set(
  'a an and are as at be by for from in into is it its of on or should that the their this to with will which who all'.split(
    ' ',
  ),
);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w)),
  );
}

/** Share of the shorter text's words found in the longer: 1 when one restates the other. */
export function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.min(wa.size, wb.size);
}

const SAME = 0.7;

interface SummaryItem {
  text: string;
  place: Point | undefined;
}

function itemsIn(node: RootContent): SummaryItem[] {
  const items: SummaryItem[] = [];
  visit(node, (n) => {
    if (n.type === 'listItem') {
      const item = n as ListItem;
      items.push({ text: toString(item).replace(/\s+/g, ' ').trim(), place: item.position?.start });
      return SKIP;
    }
    if (n.type === 'tableRow') {
      const row = n as TableRow;
      const cells = row.children.map((c) => toString(c).trim()).filter((c) => !/^[\d.]*$/.test(c));
      items.push({ text: cells.join(' '), place: row.position?.start });
      return SKIP;
    }
    return undefined;
  });
  return items;
}

/**
 * A hand-written summary in the final chapter: the lists and tables under a
 * heading that names a summary of recommendations, and any group of items
 * (a section's lists and tables, a recommendations box) most of which repeat
 * other chapters' recommendations.
 */
function handSummary(
  doc: MarkdownDoc,
  others: Recommendation[],
): { items: SummaryItem[]; place: Point | undefined } | undefined {
  const groups: Array<{ items: SummaryItem[]; place: Point | undefined; named: boolean }> = [];
  const children = doc.tree.children;
  for (let i = 0; i < children.length; i++) {
    const h = children[i]!;
    if (h.type !== 'heading' || h.depth < 2) continue;
    const title = toString(h);
    const depth = (h as Heading).depth;
    const items: SummaryItem[] = [];
    for (let j = i + 1; j < children.length; j++) {
      const c = children[j]!;
      if (c.type === 'heading' && c.depth <= depth) break;
      if (c.type === 'table' || c.type === 'list') items.push(...itemsIn(c));
    }
    groups.push({
      items,
      place: h.position?.start,
      named: /recommendation/i.test(title) && /summary|overview|synthesis/i.test(title),
    });
  }
  for (const box of nodesOfType<ContainerDirective>(doc.tree, 'containerDirective')) {
    if (box.name !== 'recommendations') continue;
    const items = itemsOf(box).map((n) => ({
      text: toString(n).replace(/\s+/g, ' ').trim(),
      place: n.position?.start,
    }));
    groups.push({ items, place: box.position?.start, named: false });
  }
  const summaries = groups.filter((g) => {
    if (g.items.length === 0) return SKIP;
    if (g.named) return true;
    const repeated = g.items.filter((it) => others.some((r) => overlap(it.text, r.text) >= SAME));
    return repeated.length * 2 >= g.items.length;
  });
  if (summaries.length === 0) return undefined;
  const items = summaries.flatMap((g) => g.items);
  return {
    items: items.filter((it, i) => items.findIndex((o) => o.place === it.place) === i),
    place: summaries[0]!.place,
  };
}

const rule: Rule = {
  id: 'recommendations-summary',
  description:
    "The final chapter summarises every chapter's recommendations, preferably with `::recommendations-summary` (generated); a summary written by hand lists each chapter's recommendations and nothing else.",
  fix: 'Replace the hand-written summary with the leaf directive `::recommendations-summary`, or add the missing recommendation / delete the item no chapter makes.',
  run({ project }) {
    const chapters = readableChapters(project);
    const final = finalChapter(project);
    if (!final || !final.readable) return;
    let generated = false;
    for (const doc of chapters) {
      for (const node of nodesOfType<LeafDirective>(doc.tree, 'leafDirective')) {
        if (node.name !== 'recommendations-summary') continue;
        if (doc === final) generated = true;
        else
          report(
            doc.file,
            'recommendations-summary',
            '`::recommendations-summary` belongs in the final chapter (conclusions and recommendations); move it there.',
            node,
          );
      }
    }
    if (generated) return;
    const all = recommendationsOf(numberProject(project));
    const others = all.filter((r) => r.doc !== final);
    if (others.length === 0) return;
    const summary = handSummary(final, others);
    if (!summary) {
      report(
        final.file,
        'recommendations-summary',
        "the final chapter does not summarise the chapters' recommendations; add the line `::recommendations-summary` where the summary table belongs.",
        titlePlace(final),
        { suggestion: '::recommendations-summary' },
      );
      return;
    }
    const at = summary.place;
    for (const rec of others) {
      if (summary.items.some((it) => overlap(it.text, rec.text) >= SAME)) continue;
      report(
        final.file,
        'recommendations-summary',
        `the summary of recommendations leaves out recommendation ${rec.number} (chapter ${rec.chapter}): "${rec.text.slice(0, 90)}${rec.text.length > 90 ? '…' : ''}"; add it, or write \`::recommendations-summary\` instead of the hand-written summary.`,
        at,
        { suggestion: '::recommendations-summary' },
      );
    }
    for (const item of summary.items) {
      if (all.some((r) => r.doc !== final && overlap(item.text, r.text) >= SAME)) continue;
      report(
        final.file,
        'recommendations-summary',
        `the summary item "${item.text.slice(0, 90)}${item.text.length > 90 ? '…' : ''}" is not a recommendation of any chapter; add it to the chapter's \`:::recommendations\` box or delete it here.`,
        item.place,
      );
    }
  },
};
export default rule;
