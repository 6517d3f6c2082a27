/**
 * The rule registry: every check `flagship check` runs, in a stable order.
 * Add a rule by writing `src/rules/<id>.ts` and listing it here and in
 * `core/severity.ts` (its severity per draft stage).
 */
import type { Rule } from '../core/types.js';
import bibDuplicateKey from './bib-duplicate-key.js';
import chapterHeading from './chapter-heading.js';
import citationUnresolved from './citation-unresolved.js';
import citationUnused from './citation-unused.js';
import directiveUnknown from './directive-unknown.js';
import draftMarker from './draft-marker.js';
import elementMissing from './element-missing.js';
import frontmatterInvalid from './frontmatter-invalid.js';
import tocMissingChapter from './toc-missing-chapter.js';
import tocOrder from './toc-order.js';
import tocTitleMismatch from './toc-title-mismatch.js';
import tocUnexpectedChapter from './toc-unexpected-chapter.js';

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
];
