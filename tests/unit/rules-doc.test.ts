import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEVERITY } from '../../src/core/severity.js';
import { RULES } from '../../src/rules/index.js';
import { renderRulesDoc } from '../../src/rules/doc.js';

describe('docs/rules.md', () => {
  it('is up to date with the rule registry (run `npm run docs:rules`)', () => {
    expect(readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')).toBe(
      renderRulesDoc(),
    );
  });

  it('lists the contract rule ids', () => {
    const doc = renderRulesDoc();
    for (const id of [
      'toc-missing-chapter',
      'toc-order',
      'toc-title-mismatch',
      'toc-unexpected-chapter',
      'element-missing',
      'citation-unresolved',
      'citation-unused',
      'bib-duplicate-key',
      'bib-parse-error',
      'frontmatter-invalid',
      'config-invalid',
      'draft-marker',
    ])
      expect(doc).toContain(`## ${id}\n`);
  });

  it('gives every registered rule a severity row', () => {
    for (const rule of RULES) expect(SEVERITY[rule.id], rule.id).toBeDefined();
  });
});
