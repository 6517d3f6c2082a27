/**
 * `xliff import`: read translated XLIFF 2.0 and write manuscript/<lang>/.
 * Each unit is matched to the current source segment by id; its target's
 * inline codes are turned back into the source's exact Markdown by code id.
 * A unit is not imported when its id does not exist in the source or its codes
 * are broken (a code missing, duplicated, unknown or closed out of order);
 * untranslated units are listed. The translated file is the source file with
 * each segment replaced by its translation (see apply.ts), so it keeps the
 * source's structure; translations already in manuscript/<lang>/ are kept for
 * segments the imported files do not translate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { displayPath } from '../core/source.js';
import type { MarkdownDoc, Project } from '../core/types.js';
import { atomicWrite } from '../util/atomic-write.js';
import { applyTargets } from './apply.js';
import { partsToMarkdown, type Part } from './inline.js';
import { recordMemory, type MemoryEntry } from './memory.js';
import { normalise, segmentsOf, type Segment } from './segments.js';
import {
  alignSegments,
  checkLanguage,
  counterpart,
  loadTranslation,
  translatedPath,
} from './translation.js';
import { readXliff, type Inline, type ReadUnit } from './xliff-read.js';
import { codeIds } from './xliff-write.js';

export type IssueKind =
  | 'invalid-xliff'
  | 'wrong-language'
  | 'unknown-file'
  | 'unknown-id'
  | 'broken-code'
  | 'untranslated';

export interface ImportIssue {
  kind: IssueKind;
  severity: 'error' | 'warning';
  /** The XLIFF file (display path). */
  file: string;
  unit?: string;
  /** The source segment, `file:line`, when known. */
  source?: string;
  message: string;
}

export interface ImportResult {
  lang: string;
  written: string[];
  imported: number;
  untranslated: number;
  issues: ImportIssue[];
}

/** Target inline content -> Markdown with the source's codes, or why it cannot be. */
function targetMarkdown(source: Part[], target: Inline[]): { markdown?: string; broken?: string } {
  const ids = codeIds(source);
  const byId = new Map<string, { ph?: Part; open?: Part; close?: Part }>();
  for (const part of source) {
    if (part.t === 'text') continue;
    const id = ids.get(part)!;
    const entry = byId.get(id) ?? {};
    entry[part.t === 'ph' ? 'ph' : part.t === 'open' ? 'open' : 'close'] = part;
    byId.set(id, entry);
  }
  const used = new Map<string, number>();
  const stack: string[] = [];
  let out = '';
  for (const piece of target) {
    if (piece.t === 'text') {
      out += piece.v;
      continue;
    }
    const entry = byId.get(piece.id);
    const want = piece.t === 'ph' ? entry?.ph : piece.t === 'open' ? entry?.open : entry?.close;
    if (!want)
      return { broken: `the target has a code (id ${piece.id}) that the source does not have` };
    if (piece.t === 'open') stack.push(piece.id);
    if (piece.t === 'close' && stack.pop() !== piece.id)
      return {
        broken: `the code ${JSON.stringify(want.v)} (id ${piece.id}) is closed out of order`,
      };
    if (piece.t !== 'close') used.set(piece.id, (used.get(piece.id) ?? 0) + 1);
    out += want.v;
  }
  for (const [id, entry] of byId) {
    const code = entry.ph ?? entry.open!;
    const n = used.get(id) ?? 0;
    if (n === 0)
      return { broken: `the code ${JSON.stringify(code.v)} (id ${id}) is missing from the target` };
    if (n > 1)
      return {
        broken: `the code ${JSON.stringify(code.v)} (id ${id}) appears ${n} times in the target`,
      };
  }
  return { markdown: out };
}

/** The target of a unit: its segments' targets joined (CAT tools may split a unit into sentences). */
function unitTarget(unit: ReadUnit): { target?: Inline[]; reviewed: boolean } {
  const out: Inline[] = [];
  let any = false;
  let reviewed = true;
  for (const s of unit.segments) {
    if (s.ignorable) {
      out.push(...(s.target ?? s.source));
      continue;
    }
    if (s.target && s.target.some((p) => p.t !== 'text' || p.v.trim() !== '')) any = true;
    else return { reviewed: false };
    if (s.state !== 'reviewed' && s.state !== 'final') reviewed = false;
    out.push(...s.target);
  }
  return any ? { target: out, reviewed } : { reviewed: false };
}

/** Import XLIFF files into manuscript/<lang>/. */
export function importXliff(
  project: Project,
  files: string[],
  options: { lang?: string; dryRun?: boolean } = {},
): ImportResult {
  if (files.length === 0) throw new UsageError('no XLIFF file was given.');
  const issues: ImportIssue[] = [];
  const docs = new Map<string, MarkdownDoc>();
  for (const doc of [...project.front, ...project.chapters])
    docs.set(path.relative(project.dir, doc.path).split(path.sep).join('/'), doc);
  const targets = new Map<MarkdownDoc, Map<string, string>>();
  let lang = options.lang;
  let imported = 0;
  let untranslated = 0;
  const remembered: Record<string, MemoryEntry> = {};
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

  for (const abs of files) {
    const shown = displayPath(abs, project.cwd);
    let xml: string;
    try {
      xml = readFileSync(abs, 'utf8');
    } catch (error) {
      throw new UsageError(
        `cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
      );
    }
    const issue = (i: Omit<ImportIssue, 'file'>) => issues.push({ file: shown, ...i });
    const read = readXliff(xml);
    if (read.problems.length > 0) {
      for (const p of read.problems.slice(0, 20))
        issue({ kind: 'invalid-xliff', severity: 'error', message: `not valid XLIFF 2.0: ${p}` });
      if (read.problems.length > 20)
        issue({
          kind: 'invalid-xliff',
          severity: 'error',
          message: `... and ${read.problems.length - 20} more problems; nothing was imported from this file`,
        });
      continue;
    }
    const trg = read.trgLang ?? '';
    lang ??= trg;
    if (trg !== lang) {
      issue({
        kind: 'wrong-language',
        severity: 'error',
        message: `the target language is "${trg}", not ${lang}; import each language separately`,
      });
      continue;
    }
    for (const file of read.files) {
      const doc = file.original ? docs.get(file.original) : undefined;
      if (!doc) {
        issue({
          kind: 'unknown-file',
          severity: 'error',
          message: `<file id="${file.id}"> names ${JSON.stringify(file.original ?? '')}, which is not a source file of the manuscript`,
        });
        continue;
      }
      const segments = new Map(segmentsOf(doc).map((s) => [s.id, s]));
      const map = targets.get(doc) ?? new Map<string, string>();
      targets.set(doc, map);
      const where = (s: Segment) => `${displayPath(doc.path, project.cwd)}:${s.line}`;
      for (const unit of file.units) {
        const segment = segments.get(unit.id);
        if (!segment) {
          issue({
            kind: 'unknown-id',
            severity: 'error',
            unit: unit.id,
            message: `unit ${unit.id} does not exist in ${file.original}: the source changed since this file was exported; export again and carry the translation over`,
          });
          continue;
        }
        const { target, reviewed } = unitTarget(unit);
        if (!target) {
          untranslated += 1;
          issue({
            kind: 'untranslated',
            severity: 'warning',
            unit: unit.id,
            source: where(segment),
            message: `untranslated ${segment.kind}: ${JSON.stringify(segment.text.slice(0, 100))}`,
          });
          continue;
        }
        const { markdown, broken } = targetMarkdown(segment.parts, target);
        if (markdown === undefined) {
          issue({
            kind: 'broken-code',
            severity: 'error',
            unit: unit.id,
            source: where(segment),
            message: `${broken}; the unit was not imported (restore the code from the source)`,
          });
          continue;
        }
        if (!reviewed && normalise(markdown) === segment.text && /\p{L}/u.test(segment.text)) {
          untranslated += 1;
          issue({
            kind: 'untranslated',
            severity: 'warning',
            unit: unit.id,
            source: where(segment),
            message: `the target is the source text, untranslated (mark it reviewed if it is meant to stay): ${JSON.stringify(segment.text.slice(0, 100))}`,
          });
        } else {
          imported += 1;
          remembered[unit.id] = { file: file.original!, date: now };
        }
        map.set(unit.id, markdown);
      }
    }
  }
  if (lang) checkLanguage(project, lang);

  const written: string[] = [];
  const translation = lang ? loadTranslation(project, lang) : undefined;
  for (const [doc, map] of targets) {
    // Every file of the XLIFF is written, translated or not: untranslated text is then
    // reported by `check --lang` (translation-untranslated) rather than a missing file.
    if (!translation) continue;
    const segments = segmentsOf(doc);
    // Keep translations already in manuscript/<lang>/ for segments this import does not carry.
    const merged = new Map<string, string>();
    const previous = counterpart(project, translation, doc);
    if (previous) {
      const aligned = alignSegments(segments, segmentsOf(previous));
      for (const s of segments) {
        const twin = aligned.get(s.id);
        if (twin && twin.kind === s.kind) merged.set(s.id, partsToMarkdown(twin.parts));
      }
    }
    for (const [id, markdown] of map) merged.set(id, markdown);
    const out = translatedPath(project, translation.lang, doc);
    if (!options.dryRun) atomicWrite(out, applyTargets(doc.text, segments, merged));
    written.push(displayPath(out, project.cwd));
  }
  if (translation && !options.dryRun && Object.keys(remembered).length > 0)
    recordMemory(translation.dir, translation.lang, remembered);
  return { lang: lang ?? '', written, imported, untranslated, issues };
}
