/** figure-source: every `:::figure` has a `Source:` line. */
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { floats } from './figures.js';
import { readableChapters } from './util.js';

const rule: Rule = {
  id: 'figure-source',
  description:
    'Every `:::figure` has a paragraph starting `Source:` (or `Sources:`) naming where its data comes from.',
  fix: "Add a paragraph such as `Source: @undesa2019wup.` after the image, inside the figure (`Source: UNECE.` for UNECE's own work).",
  run({ project }) {
    for (const doc of readableChapters(project)) {
      for (const figure of floats(doc, 'figure')) {
        if (figure.source) continue;
        const label = figure.node.attributes?.id;
        report(
          doc.file,
          'figure-source',
          `the figure${label ? ` \`${label}\`` : ''} has no source line; add a paragraph \`Source: ...\` inside it, after the image.`,
          figure.node.position?.start,
          { suggestion: 'Source: ' },
        );
      }
    }
  },
};
export default rule;
