/**
 * The cite stage: citations and the bibliography formatted by citation-js
 * (its CSL processor, citeproc-js) with the style manuscript.yaml names. Every
 * citation of the publication is registered at once, in reading order, so note
 * styles get first/subsequent/ibid right. Keys missing from the bibliography are
 * never sent to the processor: renderers show them as **key?**.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as citationJs from '@citation-js/core';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CiteItem } from '../core/syntax/citations.js';
import type { BibEntry, CslItem } from '../core/bibliography.js';
import type { Project } from '../core/types.js';
import { UsageError } from '../core/errors.js';

/** One citation as written (`[@a; @b, p. 4]`), with the note it sits in (0 in running text). */
export interface Cluster {
  items: CiteItem[];
  mode: 'parenthetical' | 'narrative';
  noteIndex: number;
  /** A figure's or table's source: formatted in full on its own, outside the note sequence. */
  inline?: boolean;
}

export interface Citations {
  /** True for note styles: running-text citations become footnotes. */
  isNote: boolean;
  /** Style name used (a file name or a citation-js builtin). */
  style: string;
  /** Formatted HTML of each registered cluster, by registration order. */
  html: string[];
  /** Author-only text for narrative citations (`@key shows`), by cluster index. */
  narrative: Map<number, string>;
  /** Bibliography entries (HTML), in the style's order, of every cited key. */
  bibliography: string[];
  /** The bibliography of some of the cited keys (a chapter's), in the style's order. */
  bibliographyOf(keys: Iterable<string>): string[];
  /** Keys cited that the bibliography lacks. */
  unresolved: Set<string>;
}

const ETAL = 'Etalsentinelxq';

/**
 * The item citeproc gets: `and others` becomes a sentinel author turned into "et al."
 * after formatting, and a BibTeX `number` that citation-js drops on @misc (a UN
 * document symbol such as A/RES/70/1) is put back.
 */
function prepareItem(entry: BibEntry, resolution: string): CslItem {
  const item = entry.item!;
  const copy = { ...item };
  delete copy._etal;
  if (item._etal && Array.isArray(item.author))
    copy.author = [...item.author, { family: ETAL, given: 'X' }];
  if (
    copy.number === undefined &&
    copy.issue === undefined &&
    /^(misc|online|unpublished|manual|booklet)$/.test(entry.type)
  ) {
    const number = /\bnumber\s*=\s*[{"]([^}"]+)[}"]/i.exec(entry.raw);
    if (number) copy.number = number[1]!.trim();
  }
  // A General Assembly resolution (A/RES/70/1) is cited by its name, "General Assembly
  // resolution 70/1": the style prints `genre` for a `legislation` item.
  const res = /^A\/RES\/(\d+)\/(\d+)/.exec(String(copy.number ?? ''));
  if (res) {
    copy.type = 'legislation';
    copy.genre = resolution.replace('{number}', `${res[1]}/${res[2]}`);
  }
  return copy;
}

/**
 * Punctuation the processor leaves that the UN Editorial Manual does not: no comma or
 * full stop after a title that ends in "?" or "!" ("stand up?”, City" -> "stand up?” City").
 */
export function mendPunctuation(html: string): string {
  return html.replace(/([?!])((?:<\/[a-z]+>)*[”’»]?(?:<\/[a-z]+>)*)[.,]/g, '$1$2');
}

export function mendEtAl(html: string, etAl = 'et al.'): string {
  return mendPunctuation(mendSentinel(html, etAl));
}

function mendSentinel(html: string, etAl: string): string {
  const sentinel = `(?:${ETAL}(?:,\\s*X\\.?|\\s+X\\.?)?|X\\.?\\s+${ETAL})`;
  return html
    .replace(new RegExp(`(,?)\\s*(?:(?:&amp;|&#38;|&|and)\\s+)?${sentinel}`, 'g'), `$1 ${etAl}`)
    .replace(/ et al\.\./g, ' et al.');
}

const LOCATOR_LABELS: Record<string, string> = {
  p: 'page',
  pp: 'page',
  page: 'page',
  pages: 'page',
  chap: 'chapter',
  chapter: 'chapter',
  ch: 'chapter',
  sec: 'section',
  section: 'section',
  para: 'paragraph',
  paragraph: 'paragraph',
  fig: 'figure',
  figure: 'figure',
  vol: 'volume',
  volume: 'volume',
};

/** `p. 4` -> { label: page, locator: 4 }; other suffixes stay suffixes. */
export function parseLocator(suffix: string): {
  label?: string;
  locator?: string;
  suffix?: string;
} {
  const match = /^(\w+)\.?\s+([\divxlcdm][\w\-–,\s]*?)(?:\s*([,;].*))?$/i.exec(suffix.trim());
  const label = match ? LOCATOR_LABELS[match[1]!.toLowerCase()] : undefined;
  if (match && label) return { label, locator: match[2]!.trim(), suffix: match[3]?.trim() };
  if (/^\d[\d\-–,\s]*$/.test(suffix.trim())) return { label: 'page', locator: suffix.trim() };
  return suffix.trim() ? { suffix: ` ${suffix.trim()}` } : {};
}

/** Resolve manuscript.yaml `csl` to a registered style name (a file, or a builtin like `apa`). */
export function registerStyle(project: Project, packagedTemplates: string): string {
  const csl = project.config.csl;
  const templates = plugins.config.get('@csl').templates as {
    has(name: string): boolean;
    add(name: string, xml: string): void;
  };
  if (!csl.endsWith('.csl')) {
    if (templates.has(csl)) return csl;
    throw new UsageError(
      `the citation style "${csl}" is not a .csl file nor a style citation-js ships (apa, vancouver, harvard1); fix \`csl:\` in manuscript.yaml.`,
    );
  }
  let file = path.resolve(project.dir, csl);
  if (!existsSync(file)) file = path.join(packagedTemplates, path.basename(csl));
  if (!existsSync(file))
    throw new UsageError(
      `the citation style ${csl} does not exist; fix \`csl:\` in manuscript.yaml (a path relative to it, or \`apa\`).`,
    );
  const name = `flagship-${path.basename(file, '.csl')}`;
  templates.add(name, readFileSync(file, 'utf8'));
  return name;
}

function isNoteStyle(style: string): boolean {
  const xml = (plugins.config.get('@csl').templates as { get(n: string): string }).get(style);
  return /<style[^>]*\bclass="note"/.test(xml);
}

interface Engine {
  rebuildProcessorState(
    citations: Array<Record<string, unknown>>,
    format: string,
    uncited: string[],
  ): Array<[string, number, string]>;
  makeCitationCluster(items: Array<Record<string, unknown>>): string;
  updateItems(ids: string[]): void;
  makeBibliography(): [unknown, string[]] | false;
  opt: { development_extensions: Record<string, boolean> };
}

/** Format every cluster and the bibliography. `clusters` are in reading order. */
export function formatCitations(
  project: Project,
  style: string,
  clusters: Cluster[],
  options: { lang: string; etAl?: string; resolution?: string } = { lang: 'en' },
): Citations {
  const items: CslItem[] = [];
  const unresolved = new Set<string>();
  const cited = new Set<string>();
  for (const cluster of clusters)
    for (const item of cluster.items) {
      const entry = project.bibliography.byKey.get(item.key);
      if (!entry?.item) unresolved.add(item.key);
      else if (!cited.has(item.key)) {
        cited.add(item.key);
        items.push(
          prepareItem(entry, options.resolution ?? 'General Assembly resolution {number}'),
        );
      }
    }
  const result: Citations = {
    isNote: isNoteStyle(style),
    style,
    html: [],
    narrative: new Map(),
    bibliography: [],
    bibliographyOf: () => [],
    unresolved,
  };
  if (items.length === 0) return result;
  const locale = options.lang.includes('-')
    ? options.lang
    : `${options.lang}-${options.lang === 'en' ? 'GB' : options.lang.toUpperCase()}`;
  const { util } = citationJs as unknown as { util: { downgradeCsl(d: unknown): unknown } };
  const data = util.downgradeCsl(items);
  const engine = plugins.config.get('@csl').engine(data, style, locale, 'html') as Engine;
  const citationItems = (cluster: Cluster) =>
    cluster.items
      .filter((i) => cited.has(i.key))
      .map((i) => ({
        id: i.key,
        ...parseLocator(i.suffix),
        ...(i.prefix ? { prefix: `${i.prefix} ` } : {}),
        ...(i.suppressAuthor ? { 'suppress-author': true } : {}),
      }));
  const registered = clusters.map((cluster, index) => ({
    citationID: `c${index}`,
    citationItems: citationItems(cluster).map((item) =>
      cluster.mode === 'narrative' && !result.isNote ? { ...item, 'suppress-author': true } : item,
    ),
    properties: { noteIndex: cluster.noteIndex },
  }));
  const withItems = registered.filter((c, i) => c.citationItems.length > 0 && !clusters[i]!.inline);
  // Works cited only in figure and table sources (formatted below, outside the note
  // sequence) are registered as "uncited" here, so the bibliography needs no second
  // registration of every item (citeproc's updateItems: 0.56 s for 500 works).
  const inNotes = new Set(withItems.flatMap((c) => c.citationItems.map((i) => i.id)));
  const out = engine.rebuildProcessorState(
    withItems,
    'html',
    [...cited].filter((key) => !inNotes.has(key)),
  );
  const byId = new Map(out.map(([id, , html]) => [id, html]));
  result.html = registered.map((c, i) => {
    // Sources of figures and tables: the full reference, no "Ibid.", no final period
    // (the source line brings its own punctuation).
    if (clusters[i]!.inline && c.citationItems.length > 0)
      return mendEtAl(
        engine.makeCitationCluster(c.citationItems).replace(/\.((?:<\/[a-z]+>)*)$/, '$1'),
        options.etAl,
      );
    return mendEtAl(byId.get(c.citationID) ?? '', options.etAl);
  });
  clusters.forEach((cluster, index) => {
    if (cluster.mode !== 'narrative') return;
    const first = citationItems(cluster)[0];
    if (!first) return;
    const html = engine.makeCitationCluster([{ id: first.id, 'author-only': true }]);
    result.narrative.set(index, mendEtAl(html, options.etAl));
  });
  const bib = engine.makeBibliography();
  if (bib) result.bibliography = bib[1].map((html) => mendEtAl(html.trim(), options.etAl));
  result.bibliographyOf = (keys) => {
    const subset = [...new Set(keys)].filter((k) => cited.has(k));
    if (subset.length === 0) return [];
    engine.updateItems(subset);
    const part = engine.makeBibliography();
    return part ? part[1].map((html) => mendEtAl(html.trim(), options.etAl)) : [];
  };
  return result;
}
