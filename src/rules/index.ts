/**
 * The rule registry: every check `flagship check` runs, in a stable order.
 * Add a rule by writing `src/rules/<id>.ts` and listing it here and in
 * `core/severity.ts` (its severity per draft stage).
 */
import type { Rule } from '../core/types.js';
import abbreviationUndefined from './abbreviation-undefined.js';
import abbreviationUnused from './abbreviation-unused.js';
import bibDuplicateKey from './bib-duplicate-key.js';
import boxAttributes from './box-attributes.js';
import boxCountry from './box-country.js';
import chapterHeading from './chapter-heading.js';
import citationUnresolved from './citation-unresolved.js';
import citationUnused from './citation-unused.js';
import crossrefDuplicate from './crossref-duplicate.js';
import crossrefUnresolved from './crossref-unresolved.js';
import directiveUnknown from './directive-unknown.js';
import draftMarker from './draft-marker.js';
import elementMissing from './element-missing.js';
import figureAlt from './figure-alt.js';
import figureSource from './figure-source.js';
import frontmatterInvalid from './frontmatter-invalid.js';
import kpiReference from './kpi-reference.js';
import recommendationsSummary from './recommendations-summary.js';
import sdgReference from './sdg-reference.js';
import tableCaption from './table-caption.js';
import tocMissingChapter from './toc-missing-chapter.js';
import tocOrder from './toc-order.js';
import tocTitleMismatch from './toc-title-mismatch.js';
import tocUnexpectedChapter from './toc-unexpected-chapter.js';
import translationMissingChapter from './translation-missing-chapter.js';
import translationOutdated from './translation-outdated.js';
import translationStructure from './translation-structure.js';
import translationTitleMismatch from './translation-title-mismatch.js';
import translationUntranslated from './translation-untranslated.js';
import unsafeContent from './unsafe-content.js';

export const RULES: Rule[] = [
  frontmatterInvalid,
  chapterHeading,
  tocMissingChapter,
  tocUnexpectedChapter,
  tocOrder,
  tocTitleMismatch,
  elementMissing,
  directiveUnknown,
  citationUnresolved,
  citationUnused,
  bibDuplicateKey,
  draftMarker,
  // Hostile pasted content (issue 9).
  unsafeContent,
  // Domain checks.
  boxAttributes,
  boxCountry,
  sdgReference,
  kpiReference,
  crossrefUnresolved,
  crossrefDuplicate,
  figureAlt,
  figureSource,
  tableCaption,
  abbreviationUndefined,
  abbreviationUnused,
  recommendationsSummary,
  // Translation parity: these run only with `check --lang`.
  translationMissingChapter,
  translationStructure,
  translationTitleMismatch,
  translationUntranslated,
  translationOutdated,
];
