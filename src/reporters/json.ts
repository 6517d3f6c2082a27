/** `--format json`: the contract's object, one line per run. */
import type { CheckResult } from '../core/pipeline.js';

export function formatJson(result: CheckResult): string {
  return `${JSON.stringify({ ok: result.ok, draft: result.stage, diagnostics: result.diagnostics, summary: result.summary }, null, 2)}\n`;
}
