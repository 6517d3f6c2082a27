/**
 * Test helper for the domain rules: write a small manuscript (chapters given
 * inline) into a temp directory, run `check()` with the given rules, and return
 * the findings as `file:line:column` plus the diagnostics.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, type CheckResult } from '../../src/core/pipeline.js';
import type { Diagnostic, Rule, Stage } from '../../src/core/types.js';

/** A chapter file: front matter (lines 1-3), H1 (line 4), blank (line 5), body from line 6. */
export function chapter(id: string, body: string, title = id): string {
  return `---\nid: ${id}\n---\n# ${title}\n\n${body}\n`;
}

export interface Manuscript {
  /** Chapter files by name, e.g. `01-introduction.md`; the toc follows their ids in order. */
  chapters: Record<string, string>;
  /** Front matter files by name, e.g. `04-abbreviations.md`. */
  front?: Record<string, string>;
  bib?: string;
}

export async function runRules(
  manuscript: Manuscript,
  rules: Rule[],
  draft: Stage = 'second',
): Promise<CheckResult> {
  const root = mkdtempSync(path.join(tmpdir(), 'flagship-domain-'));
  try {
    const dir = path.join(root, 'manuscript');
    mkdirSync(path.join(dir, 'front'), { recursive: true });
    const toc = Object.keys(manuscript.chapters).map((name) => {
      const id = name.replace(/^\d+-/, '').replace(/\.md$/, '');
      return `  - id: ${id}\n    title: ${id}`;
    });
    writeFileSync(
      path.join(dir, 'manuscript.yaml'),
      `title: Test\nversion: 0.1.0\ndraft: first\nbibliography: ../references.bib\nrequired_elements: []\ntoc:\n${toc.join('\n')}\n`,
    );
    writeFileSync(path.join(root, 'references.bib'), manuscript.bib ?? '');
    for (const [name, text] of Object.entries(manuscript.chapters))
      writeFileSync(path.join(dir, name), text);
    for (const [name, text] of Object.entries(manuscript.front ?? {}))
      writeFileSync(path.join(dir, 'front', name), text);
    return await check({ cwd: root, manuscript: 'manuscript', draft, rules });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function findings(result: CheckResult, rule: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.rule === rule);
}

/** `file:line:column` of each finding of a rule. */
export function places(result: CheckResult, rule: string): string[] {
  return findings(result, rule).map((d) => `${d.file}:${d.line}:${d.column}`);
}
