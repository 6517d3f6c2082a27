/**
 * The completeness matrix behind `flagship status`: one row per mandated
 * chapter (and per chapter outside the mandate) with its required elements,
 * counts, open markers and the error diagnostics that block the requested
 * draft; the due dates of manuscript.yaml with days left or overdue.
 */
import { check, type CheckOptions } from '../core/pipeline.js';
import { STAGES, type Diagnostic, type Stage } from '../core/types.js';
import { UsageError } from '../core/errors.js';
import { inventory, type ChapterInventory } from './inventory.js';

export interface Blocker {
  rule: string;
  line: number;
  message: string;
}

export interface StatusRow {
  /** Reading-order number from the file name (NN-), if any. */
  order: number | undefined;
  id: string;
  title: string;
  /** Display path, undefined for a missing chapter. */
  file: string | undefined;
  /** present: in the mandate and written; missing: mandated, no file; unexpected: not in the mandate. */
  state: 'present' | 'missing' | 'unexpected';
  /** The elements this chapter must have (manuscript.yaml `required_elements` or its toc override). */
  required: string[];
  inventory: ChapterInventory | undefined;
  /** Error diagnostics at the requested draft: what blocks it. */
  blockers: Blocker[];
  warnings: number;
  ready: boolean;
}

export interface DueDate {
  stage: Stage;
  due: string;
  /** Days from today to the due date; negative when overdue. */
  daysLeft: number;
}

export interface StatusReport {
  title: string;
  version: string;
  /** The draft the matrix is computed for. */
  draft: Stage;
  /** The draft manuscript.yaml says the text is in. */
  current: Stage;
  today: string;
  dues: DueDate[];
  rows: StatusRow[];
  /** Blocking diagnostics not tied to one chapter (manuscript.yaml, bibliography, front matter). */
  general: Array<Blocker & { file: string }>;
  totals: {
    words: number;
    citations: number;
    footnotes: number;
    figures: number;
    tables: number;
    todos: number;
    comments: number;
    openComments: number;
    blockers: number;
  };
  ready: boolean;
}

export interface StatusOptions extends CheckOptions {
  /** Date the days are counted from, YYYY-MM-DD (default: today, UTC). */
  today?: string;
}

const DAY = 86_400_000;

export function parseToday(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new UsageError(`--today must be a date written YYYY-MM-DD; got "${value}".`);
  return value;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

function toBlocker(d: Diagnostic): Blocker {
  return { rule: d.rule, line: d.line, message: d.message };
}

export async function computeStatus(options: StatusOptions = {}): Promise<StatusReport> {
  const today = parseToday(options.today);
  const result = await check(options);
  const { project, stage, diagnostics } = result;
  const config = project.config;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const used = new Set<Diagnostic>();
  const take = (pred: (d: Diagnostic) => boolean, list: Diagnostic[] = errors) => {
    const found = list.filter((d) => !used.has(d) && pred(d));
    for (const d of found) used.add(d);
    return found;
  };
  const warningsIn = (file: string) =>
    diagnostics.filter((d) => d.severity === 'warning' && d.file === file).length;

  const rows: StatusRow[] = [];
  const seen = new Set<string>();
  for (const entry of config.toc) {
    const required = entry.required_elements ?? config.required_elements;
    const doc = project.chapters.find((c) => c.id === entry.id);
    if (!doc) {
      const blockers = take(
        (d) =>
          d.file === project.configFile.path &&
          d.rule === 'toc-missing-chapter' &&
          d.line === (entry.line ?? 1),
      ).map(toBlocker);
      rows.push({
        order: undefined,
        id: entry.id,
        title: entry.title,
        file: undefined,
        state: 'missing',
        required,
        inventory: undefined,
        blockers,
        warnings: 0,
        ready: false,
      });
      continue;
    }
    seen.add(doc.path);
    const blockers = take((d) => d.file === doc.file.path).map(toBlocker);
    rows.push({
      order: doc.order,
      id: entry.id,
      title: doc.title ?? entry.title,
      file: doc.file.path,
      state: 'present',
      required,
      inventory: doc.readable ? inventory(doc.tree) : undefined,
      blockers,
      warnings: warningsIn(doc.file.path),
      ready: blockers.length === 0,
    });
  }
  for (const doc of project.chapters) {
    if (seen.has(doc.path)) continue;
    const blockers = take((d) => d.file === doc.file.path).map(toBlocker);
    rows.push({
      order: doc.order,
      id: doc.id ?? '(no id)',
      title: doc.title ?? '(no title)',
      file: doc.file.path,
      state: 'unexpected',
      required: [],
      inventory: doc.readable ? inventory(doc.tree) : undefined,
      blockers,
      warnings: warningsIn(doc.file.path),
      ready: false,
    });
  }
  const general = take(() => true).map((d) => ({ ...toBlocker(d), file: d.file }));

  const dues: DueDate[] = [];
  for (const s of STAGES) {
    const due = config.drafts[s]?.due;
    if (due) dues.push({ stage: s, due, daysLeft: daysBetween(today, due) });
  }
  const sum = (key: keyof Omit<ChapterInventory, 'elements' | 'citedKeys'>) =>
    rows.reduce((n, r) => n + (r.inventory?.[key] ?? 0), 0);
  return {
    title: config.title,
    version: config.version,
    draft: stage,
    current: config.draft,
    today,
    dues,
    rows,
    general,
    totals: {
      words: sum('words'),
      citations: sum('citations'),
      footnotes: sum('footnotes'),
      figures: sum('figures'),
      tables: sum('tables'),
      todos: sum('todos'),
      comments: sum('comments'),
      openComments: sum('openComments'),
      blockers: errors.length,
    },
    ready: result.ok,
  };
}
