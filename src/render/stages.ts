/**
 * The cite and render stages of the pipeline (load -> parse -> check -> cite ->
 * render), re-exported by src/core/pipeline.ts: cite formats every citation and
 * the bibliography; render turns the parsed project into the publication's HTML
 * (print or screen) with the template.
 */
import path from 'node:path';
import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import { plugins } from '@citation-js/core';
import { cached, codeFingerprint, keyOf } from '../core/cache.js';
import { numberProject, type Numbering } from '../core/numbering.js';
import type { MarkdownDoc, Project, Stage } from '../core/types.js';
import { formatCitations, registerStyle, type Citations } from './cite.js';
import type { BuildRenderContext } from './context.js';
import { assemble, templatesDir } from './document.js';
import { renderDoc, type DocHtml } from './html.js';
import { loadI18n, type I18n } from './i18n.js';
import { collectNotes, type Notes } from './notes.js';

export interface CiteResult {
  style: string;
  citations: Citations;
  notes: Notes;
}

/** Reading order: front matter, then chapters. */
export function readingOrder(project: Project): MarkdownDoc[] {
  return [...project.front, ...project.chapters];
}

/** cite stage: format every citation of the publication and its bibliography. */
export function citeStage(
  project: Project,
  options: { lang: string; templates: string; i18n?: I18n },
): CiteResult {
  const style = registerStyle(project, options.templates);
  const probe = formatCitations(project, style, [], { lang: options.lang });
  const notes = collectNotes(readingOrder(project), probe.isNote, (key) =>
    Boolean(project.bibliography.byKey.get(key)?.item),
  );
  const etAl = options.i18n?.t('et-al') === 'et-al' ? undefined : options.i18n?.t('et-al');
  const resolution =
    options.i18n?.t('ga-resolution') === 'ga-resolution'
      ? undefined
      : options.i18n?.t('ga-resolution');
  // Formatting is the slowest stage (citeproc); its output depends only on these inputs,
  // so an edit that leaves the citations alone reuses it (core/cache.ts).
  const key = keyOf({
    code: codeFingerprint(
      ['render/cite', 'core/bibliography'], // the CSL items are mended in core/bibliography
      ['citeproc', '@citation-js/plugin-csl', '@citation-js/core', '@citation-js/plugin-bibtex'],
    ),
    clusters: notes.clusters,
    bibliography: project.bibliography.sha256,
    style: (plugins.config.get('@csl').templates as { get(n: string): string }).get(style),
    lang: options.lang,
    etAl,
    resolution,
  });
  // The cache holds the data; `bibliographyOf` needs the live CSL engine, so a cached
  // result formats again on its first call (only with per-chapter references).
  let live: Citations | undefined;
  const format = () =>
    formatCitations(project, style, notes.clusters, { lang: options.lang, etAl, resolution });
  const data = cached('citations', key, project.cwd, (): Omit<Citations, 'bibliographyOf'> => {
    live = format();
    const { bibliographyOf: _live, ...rest } = live;
    return rest;
  });
  const citations: Citations = {
    ...data,
    bibliographyOf: (keys) => (live ??= format()).bibliographyOf(keys),
  };
  return { style, citations, notes };
}

export interface RenderInput {
  project: Project;
  stage: Stage;
  lang: string;
  /** Template values: version, date, commit, stamp, ... */
  values: Record<string, string>;
  /** The stamp line shown in the footer of draft pages ('' for none). */
  stamp: string;
}

export interface RenderResult {
  print: string;
  screen: string;
  numbering: Numbering;
  front: DocHtml[];
  chapters: DocHtml[];
  bibliography: string[];
  templates: string;
  i18n: I18n;
  cite: CiteResult;
  /** Image files read. */
  assets: string[];
  warnings: string[];
}

const cssString = (text: string) =>
  `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

/** render stage (HTML): the publication for print (Paged.js + Chromium) and for screen. */
export function renderStage(input: RenderInput): RenderResult {
  const { project, stage, lang } = input;
  const templates = templatesDir(project.dir, project.config);
  const i18n = loadI18n(templates, lang);
  const numbering = numberProject(project);
  const cite = citeStage(project, { lang, templates, i18n });
  const assets = new Set<string>();
  const warnings: string[] = [];
  const allowDirs = [path.resolve(project.dir, '..'), project.dir];
  const options = {
    project,
    numbering,
    stage,
    lang,
    i18n,
    citations: cite.citations,
    notes: cite.notes.byDoc,
  };
  const render = (doc: MarkdownDoc, chapter: number) => {
    const ctx: BuildRenderContext = {
      project,
      numbering,
      stage,
      lang,
      i18n,
      chapter,
      docDir: path.dirname(doc.path),
      allowDirs,
      comments: [],
      assets,
      warnings,
    };
    return renderDoc(doc, chapter, options, ctx);
  };
  const front = project.front.map((doc) => render(doc, 0));
  const chapters = project.chapters.map((doc, i) => render(doc, i + 1));
  // manuscript.yaml `bibliography_per_chapter: true`: each chapter ends with its own references.
  if (project.config.bibliography_per_chapter === true)
    for (const chapter of chapters) {
      const keys = [...(cite.notes.byDoc.get(chapter.doc)?.cites.keys() ?? [])].flatMap((c) =>
        c.items.map((i) => i.key),
      );
      const entries = cite.citations.bibliographyOf(keys);
      if (entries.length > 0)
        chapter.content.push(
          h('section', { className: ['chapter-references'] }, [
            h('p', { className: ['chapter-references-title'] }, i18n.t('references')),
            h(
              'div',
              { className: ['csl-bib-body'] },
              entries.flatMap((e) => fromHtml(e, { fragment: true }).children as ElementContent[]),
            ),
          ]),
        );
    }
  const bibliography = cite.citations.bibliography;
  const common = {
    config: project.config,
    i18n,
    templates,
    front,
    chapters,
    bibliography,
    values: { ...input.values, stamp: input.stamp },
  };
  const extraCss = `:root { --flagship-stamp: ${input.stamp ? cssString(input.stamp) : 'none'}; }\n`;
  return {
    print: assemble({ ...common, extraCss, medium: 'print' }),
    screen: assemble({ ...common, extraCss: '', medium: 'screen' }),
    numbering,
    front,
    chapters,
    bibliography,
    templates,
    i18n,
    cite,
    assets: [...assets],
    warnings,
  };
}
