/** directive-unknown: every directive is one flagship knows, used with the right number of colons. */
import { DIRECTIVES, directiveNamed } from '../core/directives.js';
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { nodesOf } from './nodes.js';
import { allDocs, nearest } from './util.js';

const COLONS = { containerDirective: ':::', leafDirective: '::', textDirective: ':' } as const;

const rule: Rule = {
  id: 'directive-unknown',
  description:
    'Every `:::name`, `::name` and `:name[...]` directive is a known one, written with the right number of colons.',
  fix: 'Correct the name (the nearest known name is suggested) or the number of colons; see docs/manuscript.md for the list.',
  run({ project }) {
    const names = DIRECTIVES.map((d) => d.name);
    for (const doc of allDocs(project)) {
      for (const node of nodesOf(doc.tree)) {
        if (
          node.type !== 'containerDirective' &&
          node.type !== 'leafDirective' &&
          node.type !== 'textDirective'
        )
          continue;
        const directive = node as unknown as { name: string; type: keyof typeof COLONS };
        const spec = directiveNamed(directive.name);
        const written = `${COLONS[directive.type]}${directive.name}`;
        if (!spec) {
          const suggestion = nearest(directive.name, names);
          report(
            doc.file,
            'directive-unknown',
            `unknown directive \`${written}\`${suggestion ? `; did you mean \`${COLONS[directiveNamed(suggestion)!.kind]}${suggestion}\`?` : `; known directives: ${names.join(', ')}.`}`,
            node,
            { suggestion },
          );
        } else if (spec.kind !== directive.type) {
          const right = `${COLONS[spec.kind]}${spec.name}`;
          report(
            doc.file,
            'directive-unknown',
            `\`${spec.name}\` is written \`${right}\`, not \`${written}\`.`,
            node,
            { suggestion: right },
          );
        }
      }
    }
  },
};
export default rule;
