/** box-attributes: good-practice boxes name their country, city and title; UNECE-support boxes a title. */
import type { ContainerDirective } from 'mdast-util-directive';
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { nodesOfType } from './nodes.js';
import { readableChapters } from './util.js';

const REQUIRED: Record<string, string[]> = {
  'good-practice': ['country', 'city', 'title'],
  'unece-support': ['title'],
};

const EXAMPLE: Record<string, string> = {
  country: 'country=ESP',
  city: 'city="Barcelona"',
  title: 'title="Open data platform"',
};

const rule: Rule = {
  id: 'box-attributes',
  description:
    'Every `:::good-practice` box has non-empty `country`, `city` and `title` attributes; every `:::unece-support` box has a `title`.',
  fix: 'Add the attribute to the box\'s opening line, e.g. `:::good-practice{country=ESP city="Barcelona" title="Open data platform"}`.',
  run({ project }) {
    for (const doc of readableChapters(project)) {
      for (const node of nodesOfType<ContainerDirective>(doc.tree, 'containerDirective')) {
        const required = REQUIRED[node.name];
        if (!required) continue;
        const attrs = node.attributes ?? {};
        const missing = required.filter((name) => (attrs[name] ?? '').trim() === '');
        if (missing.length === 0) continue;
        const list = missing.map((m) => `\`${m}\``).join(', ');
        const example = missing.map((m) => EXAMPLE[m]).join(' ');
        report(
          doc.file,
          'box-attributes',
          `this \`:::${node.name}\` box has no ${list}; add ${example} inside its \`{...}\`.`,
          node.position?.start,
          { suggestion: example },
        );
      }
    }
  },
};
export default rule;
