/**
 * Diagnostics reported while loading and parsing rather than by a rule file:
 * their ids, what they mean and how to fix them (for docs and `flagship rules`).
 */
import type { Rule } from '../core/types.js';

export type RuleDoc = Pick<Rule, 'id' | 'description' | 'fix'>;

export const STAGE_DIAGNOSTICS: RuleDoc[] = [
  {
    id: 'config-invalid',
    description:
      'manuscript.yaml exists, is valid YAML, and each key has the type and form the contract gives (version is semantic, draft is a stage, toc entries have id and title, due dates are YYYY-MM-DD).',
    fix: 'Correct the key at the reported line as the message says.',
  },
  {
    id: 'bib-parse-error',
    description:
      'Each bibliography entry parses as BibTeX/BibLaTeX (the other entries still load when one does not).',
    fix: 'Fix the entry at the reported line: a missing brace, comma or key.',
  },
  {
    id: 'bib-missing',
    description: 'The bibliography named by `bibliography:` in manuscript.yaml exists.',
    fix: 'Correct the path (relative to manuscript.yaml) or create the file.',
  },
  {
    id: 'file-unreadable',
    description:
      'Every source file can be read as UTF-8 text (not binary, not Latin-1, not a directory, not over the size limit).',
    fix: 'Re-save the file as UTF-8 text, or remove it.',
  },
  {
    id: 'toc-title-typography',
    description:
      "A chapter's H1 differs from the mandated title only in dashes, quotes, case or spacing (reported by toc-title-mismatch's rule file).",
    fix: 'Write the title exactly as the mandate does (given as the suggestion).',
  },
];
