/** element-missing: each chapter carries its required elements (boxes). */
import type { ContainerDirective } from 'mdast-util-directive';
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { nodesOfType } from './nodes.js';
import { readableChapters, titlePlace, tocEntryOf } from './util.js';

const EXAMPLE: Record<string, string> = {
  'good-practice': ':::good-practice{country=ESP city="Barcelona" title="..."}',
  'unece-support': ':::unece-support{title="..."}',
  recommendations: ':::recommendations',
};

const rule: Rule = {
  id: 'element-missing',
  description:
    'Every mandated chapter has each element of `required_elements` (good-practice, unece-support, recommendations), unless its `toc` entry overrides the list.',
  fix: 'Add the missing box to the chapter as a container directive, e.g. `:::good-practice{country=ESP city="Barcelona" title="..."}` ... `:::`.',
  run({ project }) {
    for (const doc of readableChapters(project)) {
      const entry = tocEntryOf(project, doc);
      if (!entry) continue;
      const required = entry.required_elements ?? project.config.required_elements;
      const found = new Set<string>();
      for (const node of nodesOfType<ContainerDirective>(doc.tree, 'containerDirective')) {
        found.add(node.name);
      }
      for (const element of required) {
        if (found.has(element)) continue;
        const example = EXAMPLE[element] ?? `:::${element}`;
        report(
          doc.file,
          'element-missing',
          `the chapter \`${entry.id}\` has no \`${element}\` element; add one as \`${example}\` ... \`:::\`.`,
          titlePlace(doc),
          { suggestion: example },
        );
      }
    }
  },
};
export default rule;
