/** figure-alt: every image has alt text that describes it (not empty, not its file name). */
import path from 'node:path';
import type { Image } from 'mdast';
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { nodesOfType } from './nodes.js';
import { allDocs } from './util.js';

const rule: Rule = {
  id: 'figure-alt',
  description:
    'Every image (`![alt](file)`) has alt text that describes the figure for readers who cannot see it; an empty alt or the file name is reported.',
  fix: 'Write what the figure shows between the brackets, e.g. `![Line chart: the urban share rises in every subregion](figures/urban-share.svg)`.',
  run({ project }) {
    for (const doc of allDocs(project)) {
      for (const node of nodesOfType<Image>(doc.tree, 'image')) {
        const alt = (node.alt ?? '').trim();
        const file = path.posix.basename(node.url);
        const stem = file.replace(/\.[^.]+$/, '');
        if (
          alt !== '' &&
          alt !== file &&
          alt !== stem &&
          !/^(image|figure|chart|graph)$/i.test(alt)
        )
          continue;
        report(
          doc.file,
          'figure-alt',
          alt === ''
            ? `the image ${file} has no alt text; describe what it shows between the brackets of \`![...](${node.url})\`.`
            : `the alt text "${alt}" does not describe the image ${file}; say what it shows (the kind of chart and its message).`,
          node,
        );
      }
    }
  },
};
export default rule;
