/**
 * Diagnostic output formats: pretty (people), json (tools, the contract's
 * object), github (workflow-command annotations on pull requests).
 */
import type { CheckResult } from '../core/pipeline.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatPretty, type PrettyOptions } from './pretty.js';

export const FORMATS = ['pretty', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function formatResult(
  result: CheckResult,
  format: Format,
  options: PrettyOptions = {},
): string {
  if (format === 'json') return formatJson(result);
  if (format === 'github') return formatGithub(result);
  return formatPretty(result, options);
}
