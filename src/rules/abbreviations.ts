/**
 * Abbreviations in the manuscript, shared by abbreviation-undefined and
 * abbreviation-unused: the list in the front matter (`front/NN-abbreviations.md`,
 * a two-column table), and every abbreviation the text uses, in reading order,
 * with whether that occurrence defines it ("Sustainable Development Goals (SDGs)").
 *
 * An abbreviation is a word of at least two capitals with no run of two lower-case
 * letters (SSC, SSCs, U4SSC, R&D, ITU-T, PhD). Not abbreviations: Roman numerals,
 * units and chemical formulas (CO2, CO₂), draft markers, words in a run of capitals
 * (a heading set in capitals), KPI codes, and anything in code, URLs, citation keys,
 * directive attributes or review comments. (Hand-written: no maintained library
 * finds abbreviations and their definitions in mdast.)
 */
import type { Table, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Point } from 'unist';
import type { MarkdownDoc, Project } from '../core/types.js';
import { attributePlace, pointIn, proseRuns } from './domain-util.js';
import { CODE_TEXT } from './kpi-reference.js';
import { nodesOfType } from './nodes.js';

export interface ListedAbbreviation {
  /** As written in the list. */
  written: string;
  /** Comparison key: plural `s` and `(s)` removed. */
  key: string;
  meaning: string;
  place: Point | undefined;
}

export interface AbbreviationList {
  doc: MarkdownDoc | undefined;
  entries: ListedAbbreviation[];
}

export interface Occurrence {
  doc: MarkdownDoc;
  key: string;
  written: string;
  place: Point | undefined;
  /** This occurrence defines the abbreviation: `Expansion (ABBR)` or `ABBR (Expansion)`. */
  defines: boolean;
  /** In a heading or a box title: counts as a use, not as the first use in the text. */
  title: boolean;
  /** For a definition: the expansion as written ("key performance indicators"), when found. */
  expansion?: string;
}

const TOKEN = /(?<![\p{L}\p{N}_/.@#&'’])[A-Z][A-Za-z0-9&]*(?:-[A-Z0-9][A-Za-z0-9&]*)*/gu;
const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const NOT_ABBREVIATIONS = new Set([
  // Draft markers (rule draft-marker) and units, formulas.
  'TODO',
  'TBD',
  'FIXME',
  'XXX',
  'MW',
  'GW',
  'TW',
  'KW',
  'MWh',
  'GWh',
  'TWh',
  'GB',
  'MB',
  'TB',
  'KB',
  'GHz',
  'MHz',
  'CO2',
  'CO2e',
  'NO2',
  'NOx',
  'SO2',
  'PM10',
  'PM2',
  'CH4',
  'N2O',
]);

/** The key an abbreviation is compared by: `SSCs` and `SSC(s)` -> `SSC`. */
export function abbreviationKey(written: string): string {
  const word = written.trim().replace(/\(s\)$/, '');
  return /^[A-Z0-9&-]*[A-Z][A-Z0-9&-]*s$/.test(word) && word.length > 2 ? word.slice(0, -1) : word;
}

/** Whether a token is an abbreviation (see the module comment). */
export function isAbbreviation(token: string): boolean {
  if (NOT_ABBREVIATIONS.has(token)) return false;
  const core = token.replace(/s$/, '');
  // At least one part with two capitals: "ITU-T", "U4SSC", not "Wi-Fi".
  if (!core.split('-').some((part) => (part.match(/[A-Z]/g) ?? []).length >= 2)) return false;
  if (/[a-z]{2}/.test(core)) return false;
  if (ROMAN.test(core)) return false;
  return true;
}

function isListDoc(doc: MarkdownDoc): boolean {
  return doc.kind === 'front' && doc.id === 'abbreviations';
}

/** The abbreviations list of the front matter: first column of its table(s). */
export function abbreviationList(project: Project): AbbreviationList {
  const doc = project.front.find((d) => d.readable && isListDoc(d));
  const entries: ListedAbbreviation[] = [];
  if (!doc) return { doc, entries };
  for (const table of nodesOfType<Table>(doc.tree, 'table')) {
    table.children.slice(1).forEach((row) => {
      const [first, second] = row.children;
      const written = first ? toString(first).trim() : '';
      if (written === '') return;
      entries.push({
        written,
        key: abbreviationKey(written),
        meaning: second ? toString(second).trim() : '',
        place: first?.position?.start ?? row.position?.start,
      });
    });
  }
  return { doc, entries };
}

/**
 * The expansion before "(ABBR)": the shortest run of preceding words whose initials
 * hold the abbreviation's letters in order, matching from the last letter back
 * (after Schwartz and Hearst, 2003); undefined when no run of 12 words does.
 */
export function expansionBefore(before: string, abbreviation: string): string | undefined {
  const letters = abbreviationKey(abbreviation)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const words = before
    .trimEnd()
    .split(/[\s\u00a0]+/)
    .filter(Boolean)
    .slice(-12);
  if (letters.length === 0 || words.length === 0) return undefined;
  let l = letters.length - 1;
  let w = words.length - 1;
  // A letter counts when it starts a word, or a part of a hyphenated word.
  while (l >= 0 && w >= 0) {
    const parts = words[w]!.toLowerCase().split('-');
    for (let p = parts.length - 1; p >= 0 && l >= 0; p--)
      if (parts[p]!.replace(/^\P{L}+/u, '')[0] === letters[l]) l--;
    w--;
  }
  if (l >= 0) return undefined;
  return words
    .slice(w + 1)
    .join(' ')
    .replace(/^\P{L}+/u, '');
}

/** Does the text around a token define it? */
function definesAt(value: string, start: number, token: string): boolean {
  const before = value.slice(0, start);
  const after = value.slice(start + token.length);
  // "Sustainable Development Goals (SDGs)", "(hereafter SSCs)"
  const open = /\((?:hereafter(?: referred to as)?\s+|or\s+)?$/.exec(before);
  if (open && /^\)/.test(after)) {
    const words = before
      .slice(0, open.index)
      .split(/[\s\u00a0-]+/)
      .filter(Boolean)
      .slice(-12);
    if (words.length === 0) return true; // the expansion is in the node before (emphasis, link).
    const initial = token[0]!.toLowerCase();
    return words.some((w) => w.replace(/^\P{L}+/u, '')[0]?.toLowerCase() === initial);
  }
  // "U4SSC (United for Smart Sustainable Cities)"
  const expansion = /^\s+\(([^()]+)\)/.exec(after);
  if (expansion) {
    const words = expansion[1]!.split(/\s+/).filter(Boolean);
    return words.length >= 2 && words[0]![0]?.toLowerCase() === token[0]!.toLowerCase();
  }
  return false;
}

const CAPITAL_WORDS = new Set(
  'A AN AND THE OF FOR IN ON TO WITH BY AT FROM ALL AGES CITIES CITY SMART SUSTAINABLE'.split(' '),
);

/**
 * Runs of three or more words in capitals that are a title set in capitals
 * ("SMART CITIES FOR ALL AGES", or "B AC KG R OUND" from a PDF): a run counts
 * when it holds a common word or a one-letter word, so "UNECE ITU U4SSC" stays
 * three abbreviations.
 */
function capitalRuns(value: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const m of value.matchAll(/\b[A-Z][A-Z0-9&-]*(?:[\s\u00a0]+[A-Z][A-Z0-9&-]*){2,}\b/g)) {
    const words = m[0].split(/[\s\u00a0]+/);
    if (words.some((w) => w.length === 1 || CAPITAL_WORDS.has(w)))
      runs.push([m.index, m.index + m[0].length]);
  }
  return runs;
}

/** A multi-part abbreviation defined in parentheses: "(UN DESA)", "(UN/CEFACT)". */
const PHRASE_DEFINITION = /\(([A-Z][A-Za-z0-9&-]*(?:[ /][A-Z][A-Za-z0-9&-]*)+)\)/g;

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Abbreviations that are not one word ("UN DESA", "UN/CEFACT", "Habitat III",
 * "UN-Habitat"): those of the list and those defined in parentheses. They are
 * matched as a whole before single words are.
 */
function phrasesOf(project: Project, list: AbbreviationList): RegExp | undefined {
  const phrases = new Set<string>();
  const single = (w: string) => new RegExp(`^${TOKEN.source}$`, 'u').test(w) && isAbbreviation(w);
  for (const entry of list.entries)
    if (!single(entry.written)) phrases.add(entry.written.replace(/\(s\)$/, ''));
  for (const doc of [...project.front, ...project.chapters]) {
    if (!doc.readable || isListDoc(doc)) continue;
    for (const { node } of proseRuns(doc))
      for (const m of node.value.matchAll(PHRASE_DEFINITION))
        if (m[1]!.split(/[ /]/).some((part) => isAbbreviation(part))) phrases.add(m[1]!);
  }
  if (phrases.size === 0) return undefined;
  const sorted = [...phrases].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})s?(?![\\p{L}\\p{N}])`, 'gu');
}

function scan(
  doc: MarkdownDoc,
  value: string,
  place: (index: number, length: number) => Point | undefined,
  title: boolean,
  phrases: RegExp | undefined,
  out: Occurrence[],
) {
  const masked = capitalRuns(value);
  // KPI codes written in the text (`EC: ICT: ICT: 1C`) are codes, not abbreviations.
  for (const m of value.matchAll(CODE_TEXT)) masked.push([m.index, m.index + m[0].length]);
  const found: Array<{ index: number; token: string; key: string }> = [];
  if (phrases)
    for (const m of value.matchAll(phrases)) {
      const written = m[0];
      const key =
        written.endsWith('s') && !/\s/.test(written.slice(-2)) ? abbreviationKey(written) : written;
      found.push({ index: m.index, token: written, key });
      masked.push([m.index, m.index + written.length]);
    }
  for (const m of value.matchAll(TOKEN)) {
    const token = m[0];
    if (!isAbbreviation(token)) continue;
    if (masked.some(([a, b]) => m.index >= a && m.index < b)) continue;
    // A chemical formula written with subscripts: CO₂, NO₂, PM₂.₅.
    if (/^[\u2080-\u2089]/.test(value.slice(m.index + token.length))) continue;
    found.push({ index: m.index, token, key: abbreviationKey(token) });
  }
  found.sort((a, b) => a.index - b.index);
  for (const f of found) {
    const defines = definesAt(value, f.index, f.token);
    out.push({
      doc,
      key: f.key,
      written: f.token,
      place: place(f.index, f.token.length),
      defines,
      title,
      expansion: defines
        ? expansionBefore(value.slice(0, f.index).replace(/\((?:hereafter\s+)?$/, ''), f.token)
        : undefined,
    });
  }
}

const usesOf = new WeakMap<Project, readonly Occurrence[]>();

/**
 * Every abbreviation occurrence in reading order: front matter, then chapters.
 * Computed once per project object and shared by abbreviation-undefined and
 * abbreviation-unused (the scan is about 25 ms on 60,000 words); rules do not
 * change a project's trees, so the occurrences of a project object do not change.
 */
export function abbreviationUses(project: Project): readonly Occurrence[] {
  let uses = usesOf.get(project);
  if (!uses) {
    uses = scanUses(project);
    usesOf.set(project, uses);
  }
  return uses;
}

function scanUses(project: Project): Occurrence[] {
  const out: Occurrence[] = [];
  const phrases = phrasesOf(project, abbreviationList(project));
  for (const doc of [...project.front, ...project.chapters]) {
    if (!doc.readable || isListDoc(doc)) continue;
    // Box titles (rendered as the box heading) are read where the box starts.
    const titles = new Map<number, ContainerDirective[]>();
    for (const node of nodesOfType<ContainerDirective>(doc.tree, 'containerDirective')) {
      const offset = node.position?.start.offset;
      if (node.attributes?.title && offset !== undefined)
        titles.set(offset, [...(titles.get(offset) ?? []), node]);
    }
    const boxes = [...titles.entries()].sort((a, b) => a[0] - b[0]);
    let next = 0;
    const flushBoxesBefore = (offset: number) => {
      while (next < boxes.length && boxes[next]![0] <= offset) {
        for (const box of boxes[next]![1]) {
          const at = attributePlace(doc, box, 'title');
          scan(doc, box.attributes!.title!, () => at, true, phrases, out);
        }
        next++;
      }
    };
    for (const { node, ancestors } of proseRuns(doc)) {
      flushBoxesBefore(node.position?.start.offset ?? 0);
      const title = ancestors.some((a) => a.type === 'heading');
      scan(doc, node.value, (i, n) => pointIn(doc, node as Text, i, n), title, phrases, out);
    }
    flushBoxesBefore(Infinity);
  }
  return out;
}
