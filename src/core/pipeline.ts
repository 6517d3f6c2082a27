/**
 * The flagship pipeline in one place: load -> parse -> check -> cite -> render.
 * Commands call these stages; each stage reports problems as vfile messages
 * and `collect` turns them into diagnostics whose severity the draft stage sets.
 */
import { RULES } from '../rules/index.js';
import { loadSources, type LoadOptions } from './load.js';
import { parseProjectInParallel } from './parse-parallel.js';
import { severityOf } from './severity.js';
import { STAGES, type Diagnostic, type Project, type Rule, type Stage } from './types.js';
import { UsageError } from './errors.js';
import { attachTranslation } from '../translation/translation.js';

export interface CheckOptions extends LoadOptions {
  draft?: string;
  /** Run only these rules (default: all). */
  rules?: Rule[];
  /** Also check the translation in manuscript/<lang>/ against the source. */
  lang?: string;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
  chapters: number;
}

export interface CheckResult {
  project: Project;
  stage: Stage;
  ok: boolean;
  diagnostics: Diagnostic[];
  summary: Summary;
}

export function parseStage(value: string | undefined, fallback: Stage): Stage {
  if (value === undefined) return fallback;
  if ((STAGES as readonly string[]).includes(value)) return value as Stage;
  throw new UsageError(`unknown draft stage "${value}"; use one of: ${STAGES.join(', ')}.`);
}

/** check stage: run every rule over the parsed project. */
export async function runRules(
  project: Project,
  stage: Stage,
  rules: Rule[] = RULES,
): Promise<void> {
  for (const rule of rules) await rule.run({ project, stage });
}

/** Turn the messages on every file into diagnostics, with severities for the stage. */
export function collect(project: Project, stage: Stage): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const file of project.files) {
    const messages = [...file.messages].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
    for (const message of messages) {
      const rule = message.ruleId ?? 'internal';
      const severity = severityOf(rule, stage);
      message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
      const diagnostic: Diagnostic = {
        file: file.path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        severity,
        rule,
        message: message.reason,
      };
      const suggestion = message.expected?.[0];
      if (suggestion !== undefined) diagnostic.suggestion = suggestion;
      diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}

export function summarize(project: Project, diagnostics: Diagnostic[]): Summary {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    infos: diagnostics.filter((d) => d.severity === 'info').length,
    files: project.files.length,
    chapters: project.chapters.length,
  };
}

/** load -> parse -> check: what `flagship check` (and every build) runs first. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const sources = loadSources(options);
  const stage = parseStage(options.draft, sources.config.draft);
  const project = await parseProjectInParallel(sources); // on two threads when it pays
  if (options.lang !== undefined) attachTranslation(project, options.lang);
  await runRules(project, stage, options.rules);
  const diagnostics = collect(project, stage);
  const summary = summarize(project, diagnostics);
  return { project, stage, ok: summary.errors === 0, diagnostics, summary };
}

/**
 * cite and render: format the citations and bibliography, then the publication's
 * HTML (src/render/stages.ts); `build()` (src/render/build.ts) adds the PDF.
 * Loaded on demand: the render stack (rehype, parse5, retext, citeproc) is most of
 * flagship's modules, and `check` never needs it (about 0.15 s of start-up saved).
 */
export const loadRenderStages = () => import('../render/stages.js');
