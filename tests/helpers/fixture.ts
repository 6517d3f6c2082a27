/**
 * Test helper: copy a fixture project from tests/fixtures/ into a temp directory,
 * apply edits (replace, transform or delete files), and run `check()` on it with
 * the temp directory as working directory, so paths read `manuscript/...`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, type CheckResult } from '../../src/core/pipeline.js';
import type { Diagnostic } from '../../src/core/types.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export type Edit = string | Uint8Array | null | ((text: string) => string);

export function makeProject(fixture: string, edits: Record<string, Edit> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'flagship-test-'));
  cpSync(path.join(FIXTURES, fixture), root, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const abs = path.join(root, file);
    if (edit === null) rmSync(abs, { force: true, recursive: true });
    else if (typeof edit === 'function') writeFileSync(abs, edit(readFileSync(abs, 'utf8')));
    else {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, edit);
    }
  }
  return root;
}

export async function checkProject(
  fixture: string,
  edits: Record<string, Edit> = {},
  draft?: string,
): Promise<CheckResult> {
  const root = makeProject(fixture, edits);
  try {
    return await check({ cwd: root, manuscript: 'manuscript', draft });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Diagnostics of one rule, as `file:line:col severity` strings plus the full objects. */
export function ofRule(result: CheckResult, rule: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.rule === rule);
}

export function where(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}`;
}
