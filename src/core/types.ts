/**
 * Shared types of the flagship pipeline: draft stages, severities, the loaded
 * project (configuration, chapters, bibliography) and the rule interface.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Config } from './config-schema.js';
import type { Bibliography } from './bibliography.js';
import type { Translation } from '../translation/translation.js';

export const STAGES = ['first', 'second', 'final'] as const;
export type Stage = (typeof STAGES)[number];

export type Severity = 'error' | 'warning' | 'info';

/** One finding, as the contract prints it (JSON output, reporters). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
  suggestion?: string;
}

/** A Markdown source file of the manuscript (chapter or front matter), parsed. */
export interface MarkdownDoc {
  kind: 'chapter' | 'front' | 'translation';
  /** Absolute path. */
  path: string;
  /** The vfile messages are reported on; `file.path` is the display path. */
  file: VFile;
  /** Source text as the editor sees it, BOM removed. */
  text: string;
  /** SHA-256 of the raw bytes. */
  sha256: string;
  /** The parsed tree (empty root when the file could not be read). */
  tree: Root;
  /** Parsed YAML front matter (empty object when absent or invalid). */
  frontmatter: Record<string, unknown>;
  /** Front matter `id`, or for front matter files the file slug. */
  id: string | undefined;
  /** Text of the first H1, if any. */
  title: string | undefined;
  /** Reading-order number from the file name (NN-), if any. */
  order: number | undefined;
  /** False when the bytes could not be decoded; rules skip such files. */
  readable: boolean;
}

export interface Project {
  /** Absolute path of the manuscript directory. */
  dir: string;
  /** Directory display paths are made relative to (the working directory). */
  cwd: string;
  configFile: VFile;
  config: Config;
  chapters: MarkdownDoc[];
  front: MarkdownDoc[];
  bibliography: Bibliography;
  /** Every vfile that may carry messages (config, bibliography, markdown). */
  files: VFile[];
  /** The translation being checked (`check --lang`), loaded from manuscript/<lang>/. */
  translation?: Translation;
}

export interface RuleContext {
  project: Project;
  stage: Stage;
}

/** A check with a stable id. It reports through vfile messages; severity is set later by stage. */
export interface Rule {
  id: string;
  /** One line: what the rule checks (shown in docs and `flagship rules`). */
  description: string;
  /** How to fix what it reports (docs). */
  fix: string;
  run(ctx: RuleContext): void | Promise<void>;
}
