import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/core/pipeline.js';
import { formatGithub } from '../../src/reporters/github.js';
import { formatJson } from '../../src/reporters/json.js';
import { formatPretty } from '../../src/reporters/pretty.js';

const result = {
  ok: false,
  stage: 'second',
  project: {} as CheckResult['project'],
  diagnostics: [
    {
      file: 'manuscript/05-governance.md',
      line: 12,
      column: 3,
      severity: 'error',
      rule: 'citation-unresolved',
      message: 'the key `x,y` is unknown: 100%',
      suggestion: 'xy',
    },
    {
      file: 'manuscript/05-governance.md',
      line: 20,
      column: 1,
      severity: 'info',
      rule: 'draft-marker',
      message: 'TODO left',
    },
    {
      file: 'references.bib',
      line: 4,
      column: 1,
      severity: 'warning',
      rule: 'citation-unused',
      message: 'never cited',
    },
  ],
  summary: { errors: 1, warnings: 1, infos: 1, files: 3, chapters: 6 },
} as CheckResult;

describe('reporters', () => {
  it('pretty groups by file, prints file:line:col severity message rule and a summary', () => {
    const text = formatPretty(result, { color: false });
    expect(text).toContain(
      'manuscript/05-governance.md\n  manuscript/05-governance.md:12:3 error   the key `x,y` is unknown: 100% (suggestion: xy)  citation-unresolved',
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '✖ 1 error, 1 warning, 1 info in 6 chapters (second draft)',
    );
    expect(text).not.toContain('\u001b[');
  });

  it('pretty colours only when asked', () => {
    expect(formatPretty(result, { color: true })).toContain('\u001b[31m');
  });

  it('json prints the contract object', () => {
    const parsed = JSON.parse(formatJson(result));
    expect(Object.keys(parsed)).toEqual(['ok', 'draft', 'diagnostics', 'summary']);
    expect(parsed.diagnostics[0]).toEqual(result.diagnostics[0]);
    expect(parsed.diagnostics[1].suggestion).toBeUndefined();
  });

  it('github prints workflow commands with escaped properties and data', () => {
    const lines = formatGithub(result).split('\n');
    expect(lines[0]).toBe(
      '::error file=manuscript/05-governance.md,line=12,col=3,title=citation-unresolved::the key `x,y` is unknown: 100%25 (suggestion: xy)',
    );
    expect(lines[1]).toMatch(/^::notice /);
    expect(lines[2]).toMatch(/^::warning file=references.bib,line=4,col=1,title=citation-unused::/);
  });
});
