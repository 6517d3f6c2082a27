/** toc-order: chapter files come in the order of the mandated table of contents. */
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { idPlace, readableChapters } from './util.js';

/** Indices (into `seq`) of one longest strictly increasing subsequence. */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i !== -1; i = prev[i]!) keep.add(i);
  return keep;
}

const rule: Rule = {
  id: 'toc-order',
  description: 'Chapter files, read in file-name order (NN-), follow the order of `toc`.',
  fix: 'Rename the file so that its NN- prefix puts it where the mandate does.',
  run({ project }) {
    const order = project.config.toc.map((t) => t.id);
    const placed = readableChapters(project).filter(
      (c) => c.id !== undefined && order.includes(c.id),
    );
    const seen = new Set<string>();
    const unique = placed.filter((c) => !seen.has(c.id!) && seen.add(c.id!));
    const seq = unique.map((c) => order.indexOf(c.id!));
    const keep = longestIncreasing(seq);
    unique.forEach((doc, i) => {
      if (keep.has(i)) return;
      const position = seq[i]!;
      const expected = String(position + 1).padStart(2, '0');
      report(
        doc.file,
        'toc-order',
        `the chapter \`${doc.id}\` is number ${position + 1} in the mandated table of contents but its file comes elsewhere; rename it to start with ${expected}-.`,
        idPlace(doc),
        { suggestion: `${expected}-${doc.id}.md` },
      );
    });
  },
};
export default rule;
