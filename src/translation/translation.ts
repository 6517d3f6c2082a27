/**
 * A translation of the manuscript: `manuscript/<lang>/` holds translated
 * chapters with the source's file names (and `front/` for front matter).
 * Loading parses them like the source; aligning pairs each source segment with
 * the translated segment at the same structural place.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { UsageError } from '../core/errors.js';
import { parseDoc } from '../core/parse.js';
import { readSource } from '../core/source.js';
import type { MarkdownDoc, Project } from '../core/types.js';
import { segmentsOf, type Segment } from './segments.js';

export interface Translation {
  lang: string;
  /** Absolute path of manuscript/<lang>/. */
  dir: string;
  chapters: MarkdownDoc[];
  front: MarkdownDoc[];
}

const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** The languages manuscript.yaml lists under `languages`, if it does. */
export function configuredLanguages(project: Pick<Project, 'config'>): string[] | undefined {
  const value = project.config.languages;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** Check a `--lang` value: a BCP 47 tag, not the source language, listed if `languages` is set. */
export function checkLanguage(project: Pick<Project, 'config'>, lang: string): string {
  if (!LANG.test(lang))
    throw new UsageError(`"${lang}" is not a language code; use a code such as fr or ru.`);
  if (lang === project.config.language)
    throw new UsageError(
      `${lang} is the language of the source; name a target language such as fr or ru.`,
    );
  const listed = configuredLanguages(project);
  if (listed && !listed.includes(lang))
    throw new UsageError(
      `${lang} is not one of the languages in manuscript.yaml (languages: [${listed.join(', ')}]); add it there first.`,
    );
  return lang;
}

function markdownIn(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Read and parse manuscript/<lang>/ (missing directory: no files). */
export function loadTranslation(project: Project, lang: string): Translation {
  const dir = path.join(project.dir, lang);
  const read = (abs: string) => parseDoc(readSource(abs, project.cwd), 'translation');
  // The same layout as the source: manuscript.yaml's `chapters` and `front` directories.
  const sub = (key: string, fallback: string) =>
    typeof project.config[key] === 'string' ? (project.config[key] as string) : fallback;
  return {
    lang,
    dir,
    chapters: markdownIn(path.join(dir, sub('chapters', '.')), /^\d+[-_].*\.md$/i).map(read),
    front: markdownIn(path.join(dir, sub('front', 'front')), /\.md$/i).map(read),
  };
}

/** Path of the translation of a source file. */
export function translatedPath(project: Project, lang: string, source: MarkdownDoc): string {
  return path.join(project.dir, lang, path.relative(project.dir, source.path));
}

/** The translated file of a source file (same relative path), if it exists. */
export function counterpart(
  project: Project,
  translation: Translation,
  source: MarkdownDoc,
): MarkdownDoc | undefined {
  const want = translatedPath(project, translation.lang, source);
  return [...translation.chapters, ...translation.front].find((d) => d.path === want);
}

/**
 * Pair source and translated segments by structural place: the sequences of
 * `kind/path` are aligned (longest common subsequence), so a missing or extra
 * block in the translation shifts nothing else.
 */
export function alignSegments(source: Segment[], target: Segment[]): Map<string, Segment> {
  const pairs = new Map<string, Segment>();
  const key = (s: Segment) => `${s.kind}|${s.path}`;
  // jsdiff is loaded on first use: only `check --lang` and the translation commands align.
  const { diffArrays } = createRequire(import.meta.url)('diff') as typeof import('diff');
  const parts = diffArrays(source.map(key), target.map(key));
  let i = 0;
  let j = 0;
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (part.added) j += n;
    else if (part.removed) i += n;
    else {
      for (let k = 0; k < n; k++) pairs.set(source[i + k]!.id, target[j + k]!);
      i += n;
      j += n;
    }
  }
  return pairs;
}

/**
 * `check --lang`: load the translation onto the project so the translation rules
 * run. The source's own language means no translation (a plain check).
 */
export function attachTranslation(project: Project, lang: string): Translation | undefined {
  if (lang === project.config.language) return undefined;
  checkLanguage(project, lang);
  const translation = loadTranslation(project, lang);
  project.translation = translation;
  project.files.push(...[...translation.front, ...translation.chapters].map((d) => d.file));
  return translation;
}

/** Each readable source document with its readable translation: what the `--lang` rules compare. */
export function translatedPairs(
  project: Project,
): Array<{ doc: MarkdownDoc; target: MarkdownDoc }> {
  const translation = project.translation;
  if (!translation) return [];
  const pairs: Array<{ doc: MarkdownDoc; target: MarkdownDoc }> = [];
  for (const doc of [...project.front, ...project.chapters]) {
    if (!doc.readable) continue;
    const target = counterpart(project, translation, doc);
    if (target?.readable) pairs.push({ doc, target });
  }
  return pairs;
}

const alignedCache = new WeakMap<
  MarkdownDoc,
  { source: Segment[]; aligned: Map<string, Segment> }
>();

/** The source's segments and, by source id, the translated segment at the same place (computed once per pair). */
export function alignedSegments(
  doc: MarkdownDoc,
  target: MarkdownDoc,
): { source: Segment[]; aligned: Map<string, Segment> } {
  const hit = alignedCache.get(target);
  if (hit) return hit;
  const source = segmentsOf(doc);
  const result = { source, aligned: alignSegments(source, segmentsOf(target)) };
  alignedCache.set(target, result);
  return result;
}
