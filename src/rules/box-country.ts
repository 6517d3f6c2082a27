/**
 * box-country: a good-practice (or UNECE-support) box's `country` is the ISO 3166-1 alpha-3 code of
 * a UNECE member State. A name, an alpha-2 code or a former name is reported with
 * the code to write; a country outside the UNECE region is reported as such.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import { memberByIso3, memberFromAlias, memberStates } from '../core/reference.js';
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { nodesOfType } from './nodes.js';
import { attributePlace } from './domain-util.js';
import { nearest, readableChapters } from './util.js';

const rule: Rule = {
  id: 'box-country',
  description:
    "A `:::good-practice` box's `country` (and a `:::unece-support` box's, when it names one) is the ISO 3166-1 alpha-3 code of one of the 56 UNECE member States (data/reference/unece-member-states.csv).",
  fix: 'Write the alpha-3 code (suggested when the value is a name, an alpha-2 code or a misspelt code); a practice from outside the UNECE region does not belong in a good-practice box.',
  run({ project }) {
    for (const doc of readableChapters(project)) {
      for (const node of nodesOfType<ContainerDirective>(doc.tree, 'containerDirective')) {
        if (node.name !== 'good-practice' && node.name !== 'unece-support') continue;
        const value = (node.attributes?.country ?? '').trim();
        if (value === '' || memberByIso3(value)) continue; // box-attributes reports a missing one.
        const place = attributePlace(doc, node, 'country');
        const alias = memberFromAlias(value);
        if (alias) {
          report(
            doc.file,
            'box-country',
            `\`country=${value}\` is not an ISO 3166-1 alpha-3 code; write \`country=${alias.iso3}\` (${alias.name}).`,
            place,
            { suggestion: alias.iso3 },
          );
          continue;
        }
        // A misspelt name ("Spian") is suggested; a code is not: CHN is one letter from CHE.
        const names = memberStates().flatMap((s) => [s.name, s.currentName]);
        const name = value.length >= 5 ? nearest(value, names, 0.25) : undefined;
        const close = name ? memberFromAlias(name)?.iso3 : undefined;
        report(
          doc.file,
          'box-country',
          `\`country=${value}\` is not a UNECE member State${close ? `; did you mean \`${close}\` (${memberByIso3(close)!.name})?` : '; good practices come from the 56 UNECE member States, named by ISO 3166-1 alpha-3 code (e.g. ESP, KAZ, USA).'}`,
          place,
          { suggestion: close },
        );
      }
    }
  },
};
export default rule;
