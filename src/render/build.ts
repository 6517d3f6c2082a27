/**
 * `build()`: the programmatic API behind `flagship build`. Runs the checks for the
 * draft (stops on errors unless `force`), renders the HTML, lays it out and prints
 * it with Chromium, sets the PDF's metadata, verifies the printed PDF (TOC page
 * numbers, bookmarks) and writes the PDF, build.json and optionally the HTML
 * edition atomically.
 */
import { fileSlug } from '../util/slug.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ParseSpeeds, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { Browser } from 'puppeteer';
import { check, type CheckResult } from '../core/pipeline.js';
import { displayPath } from '../core/source.js';
import type { Stage } from '../core/types.js';
import { atomicWrite } from '../util/atomic-write.js';
import { collectGarbage } from '../util/memory.js';
import { serializeSealed } from '../util/integrity.js';
import { lockOutput } from '../util/output-lock.js';
import { findBrowser, launchBrowser, NO_BROWSER_MESSAGE, type BrowserSession } from './browser.js';
import { templateFile, templatesDir } from './document.js';
import { loadI18n } from './i18n.js';
import { listEntries } from './lists.js';
import { imprintValues } from './imprint.js';
import { mendOutlineTitles, setPageLabels } from './outline.js';
import { printPdf } from './pdf.js';
import { provenance } from './provenance.js';
import { renderStage } from './stages.js';
import { preloadReader, readPdf, verifyPdf } from './verify.js';
import { UsageError } from '../core/errors.js';
import { localiseProject } from '../translation/localise.js';

export interface BuildOptions {
  /** Manuscript directory (default ./manuscript). */
  manuscript?: string;
  cwd?: string;
  draft?: Stage | string;
  /** Output PDF path (default dist/<slug>-<draft>-draft-v<version>.pdf). */
  out?: string;
  /** Also write the self-contained HTML edition beside the PDF. */
  html?: boolean;
  /** Render even when the checks find errors; every page then says INCOMPLETE. */
  force?: boolean;
  /** Language of the layout's words (default manuscript.yaml `language`). */
  lang?: string;
  /** No progress output. */
  quiet?: boolean;
  /** Bibliography override (like `check --bibliography`). */
  bibliography?: string;
  /** A browser to reuse across builds (it is not closed). */
  browser?: Browser;
  /** false: write only the HTML edition (no browser, no PDF, no build.json); `flagship watch` uses it. */
  pdf?: boolean;
  /** Called after each stage with its duration in milliseconds. */
  onStage?: (stage: string, ms: number) => void;
}

export interface BuildResult {
  ok: boolean;
  check: CheckResult;
  pdf?: string;
  buildJson?: string;
  html?: string;
  pages?: number;
  /** Non-fatal problems met while rendering (missing image, blocked request). */
  warnings: string[];
  timings: Record<string, number>;
}

/** The PDF's checks failed: the layout is wrong, so no PDF is written. */
export class BuildVerificationError extends Error {
  constructor(
    readonly problems: string[],
    readonly rejected?: string,
  ) {
    super(
      `the printed PDF is wrong, so it was not written${rejected ? ` (it is kept for inspection at ${rejected})` : ''}:\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'BuildVerificationError';
  }
}

export function toolVersion(): string {
  return (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
}

export function defaultPdfName(slug: string, draft: Stage, version: string): string {
  return draft === 'final'
    ? `${slug}-final-v${version}.pdf`
    : `${slug}-${draft}-draft-v${version}.pdf`;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Builds finished in this process: from the second on, the last one's garbage goes first. */
let builds = 0;

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  if (builds++ > 0) collectGarbage(); // a session (watch): start from one build's footprint
  const cwd = options.cwd ?? process.cwd();
  const timings: Record<string, number> = {};
  let last = Date.now();
  const stage = (name: string) => {
    const now = Date.now();
    timings[name] = now - last;
    options.onStage?.(name, now - last);
    last = now;
  };

  // The browser starts now and boots (0.3-0.5 s) on the other core while check and
  // render run here; closed in `finally` unless the print below takes it over.
  const found = options.browser || options.pdf === false ? undefined : findBrowser();
  let launching = found ? launchBrowser(found) : undefined;
  launching?.catch(() => undefined); // a failed start is reported where it is awaited
  try {
    return await buildWith(options, cwd, stage, timings, found, () => {
      const taken = launching;
      launching = undefined;
      return taken;
    });
  } finally {
    await launching?.then((session) => session.close()).catch(() => undefined);
  }
}

async function buildWith(
  options: BuildOptions,
  cwd: string,
  stage: (name: string) => void,
  timings: Record<string, number>,
  found: ReturnType<typeof findBrowser>,
  takeBrowser: () => Promise<BrowserSession> | undefined,
): Promise<BuildResult> {
  const result = await check({
    manuscript: options.manuscript,
    cwd,
    draft: options.draft,
    bibliography: options.bibliography,
    lang: options.lang, // another language: the translation rules run too
  });
  stage('check');
  if (!result.ok && !options.force) return { ok: false, check: result, warnings: [], timings };
  if (options.pdf !== false && !options.browser && !found) throw new UsageError(NO_BROWSER_MESSAGE);

  // The edition in `lang`: the chapters of manuscript/<lang>/, mandated titles, CSL locale.
  const project = localiseProject(result.project, options.lang ?? result.project.config.language);
  const config = project.config;
  const draft = result.stage;
  const lang = options.lang ?? config.language ?? 'en';
  const prov = provenance(cwd, [project.dir, project.bibliography.path]);
  const values: Record<string, string> = {
    title: config.title,
    subtitle: config.subtitle ?? '',
    series: config.series ?? '',
    publisher: config.publisher ?? '',
    year: String(config.year ?? prov.date.slice(0, 4)),
    symbol: config.symbol ?? '',
    place: '',
    version: config.version,
    date: prov.date,
    commit: prov.commit,
    draft,
  };
  const draftWords = (t: (k: string) => string) =>
    draft === 'final'
      ? ''
      : [
          t(`draft-${draft}`),
          `v${config.version}`,
          prov.date,
          prov.commit,
          t('not-for-citation'),
        ].join(' · ');
  const i18n = loadI18n(templatesDir(project.dir, config), lang);
  values.place = typeof config.place === 'string' ? config.place : i18n.t('place');
  Object.assign(values, imprintValues(config, draft, i18n));
  const stamp = draftWords((k) => i18n.t(k));
  values.stamp = stamp;
  const rendered = renderStage({ project, stage: draft, lang, values, stamp });
  stage('render-html');
  if (options.pdf === false) {
    const slug = typeof config.slug === 'string' ? config.slug : fileSlug(config.title);
    const out = options.out ?? path.join('dist', defaultPdfName(slug, draft, config.version));
    const htmlPath = path.resolve(cwd, `${out.replace(/\.pdf$/i, '')}.html`);
    atomicWrite(htmlPath, rendered.screen);
    stage('write');
    return { ok: result.ok, check: result, html: htmlPath, warnings: rendered.warnings, timings };
  }

  const session = options.browser ? undefined : await takeBrowser();
  let printed;
  let browserVersion = '';
  try {
    const browser = options.browser ?? session!.browser;
    browserVersion = await browser.version();
    const printing = printPdf({
      html: rendered.print,
      browser,
      paged: true,
      allowDirs: [],
      layout: {
        watermark: draft === 'final' ? undefined : i18n.t(`watermark-${draft}`),
        incomplete: result.ok ? undefined : i18n.t('incomplete'),
      },
    });
    // The trees of check and render are garbage now: collect them while the browser lays
    // out the pages (this thread is idle then), so the PDF stages start from a small heap.
    printing.catch(() => undefined); // a failure is thrown by the await below
    await new Promise((resolve) => setTimeout(resolve, 50));
    collectGarbage();
    preloadReader(); // the render is done: pdf.js's polyfills no longer slow anything
    printed = await printing;
  } finally {
    await session?.close();
  }
  stage('print');
  collectGarbage(); // the layout's page transfers are garbage: the PDF stages start small
  // Where the print went (not reported as stages of their own: they are inside 'print').
  timings['print:load'] = printed.timings.load;
  timings['print:layout'] = printed.timings.layout;
  timings['print:pdf'] = printed.timings.pdf;

  const warnings = [
    ...rendered.warnings,
    ...printed.blocked.map((url) => `blocked a request to ${url}`),
    ...printed.errors.map((e) => `layout script error: ${e}`),
    // Paged.js can push a note that does not fit to the next page (print.css's
    // footnote-policy: line avoids it); say so, with where, rather than print it silently.
    ...(printed.layout?.misplacedNotes ?? []).map(
      (n) =>
        `footnote "${n.text}…" is printed on page ${n.noteFolio}, but its call is on page ${n.callFolio}; shorten the note or the paragraph, or move the call`,
    ),
  ];
  // pdf-lib yields to the event loop (a setTimeout) every 100 objects parsed and every 50
  // written by default; a build PDF has thousands, so those waits were most of this stage
  // (0.4 s of 0.45 s measured, 70 pages). Nothing else runs meanwhile: parse and write in one go.
  const pdfDoc = await PDFDocument.load(printed.pdf, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  pdfDoc.setTitle(config.subtitle ? `${config.title}: ${config.subtitle}` : config.title, {
    showInWindowTitleBar: true,
  });
  const authors = Array.isArray(config.authors) ? (config.authors as unknown[]).map(String) : [];
  pdfDoc.setAuthor(
    authors.length > 0 ? authors.join('; ') : (config.publisher ?? 'United Nations'),
  );
  // Subject: what it is, and for a draft where it comes from; Keywords: subject keywords
  // only (manuscript.yaml `keywords`); the build's provenance also in a custom key.
  pdfDoc.setSubject(
    [config.series, config.symbol, draft === 'final' ? undefined : stamp]
      .filter(Boolean)
      .join(' — ') || config.title,
  );
  const keywords = Array.isArray(config.keywords)
    ? (config.keywords as unknown[]).map(String)
    : ['UNECE', 'smart sustainable cities', 'Sustainable Development Goals'];
  pdfDoc.setKeywords(keywords);
  // pdf-lib has no public setter for custom Info keys; its getInfoDict is private in the types.
  (pdfDoc as unknown as { getInfoDict(): PDFDict })
    .getInfoDict()
    .set(
      PDFName.of('FlagshipBuild'),
      PDFHexString.fromText(`draft: ${draft}; version: ${config.version}; commit: ${prov.commit}`),
    );
  pdfDoc.setLanguage(lang);
  pdfDoc.setCreator(`flagship ${toolVersion()}`);
  pdfDoc.setProducer(`flagship ${toolVersion()} (Paged.js, ${browserVersion}, pdf-lib)`);
  pdfDoc.catalog.set(PDFName.of('Lang'), PDFString.of(lang));
  mendOutlineTitles(
    pdfDoc,
    [
      i18n.t('contents'),
      i18n.t('references'),
      ...rendered.front.flatMap((d) => d.headings),
      ...rendered.chapters.flatMap((d) => d.headings),
    ],
    rendered.chapters.map((d) => ({ title: d.title, number: d.chapter })),
  );
  setPageLabels(pdfDoc, printed.layout?.bodyStart ?? -1);
  // Open with the bookmarks panel.
  pdfDoc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  const bytes = await pdfDoc.save({
    useObjectStreams: false,
    updateFieldAppearances: false,
    objectsPerTick: Infinity,
  });
  stage('metadata');

  // Read back the text of the contents, the chapter openings and the first and last
  // pages (verify.ts): the rest is proved by the page count and the links' destinations.
  const layout = printed.layout;
  const openings = new Set(rendered.chapters.map((d) => d.titleId));
  const facts = await readPdf(bytes, {
    tocPages: layout?.tocPages,
    textPages: layout
      ? [
          0,
          layout.pages - 1,
          ...layout.toc.filter((t) => openings.has(t.id)).map((t) => t.pageIndex),
        ]
      : undefined,
    layoutFolios: layout?.folios,
  });
  const problems = verifyPdf(facts, {
    layout: layout ? { pages: layout.pages, folios: layout.folios } : undefined,
    tocTargets: [
      ...rendered.front.map((d) => d.titleId),
      ...rendered.chapters.flatMap((d) => [d.titleId, ...d.sections.map((s) => s.id)]),
      ...listEntries(rendered.chapters).map((e) => e.id),
      ...(rendered.bibliography.length > 0 ? ['references'] : []),
    ],
    chapters: rendered.chapters.map((d) => ({ title: d.title, target: d.titleId })),
  });
  if (printed.layout && printed.layout.missing.length > 0)
    problems.push(
      `the table of contents links to ${printed.layout.missing.join(', ')}, which the layout lost`,
    );
  if (problems.length > 0) {
    // Keep the rejected PDF out of dist/ but where a template author can look at it.
    const rejected = path.join(os.tmpdir(), `flagship-rejected-${process.pid}.pdf`);
    atomicWrite(rejected, bytes);
    throw new BuildVerificationError(problems, rejected);
  }
  stage('verify');

  const slug = typeof config.slug === 'string' ? config.slug : fileSlug(config.title);
  const pdfPath = path.resolve(
    cwd,
    options.out ?? path.join('dist', defaultPdfName(slug, draft, config.version)),
  );
  const htmlPath = options.html ? pdfPath.replace(/\.pdf$/i, '') + '.html' : undefined;
  const rel = (file: string) => displayPath(file, cwd);
  const sources: Record<string, string> = {};
  const addSource = (file: string, hash?: string) => {
    try {
      sources[rel(file)] = hash ?? sha256(readFileSync(file));
    } catch {
      // unreadable files are reported by check
    }
  };
  addSource(path.join(project.dir, 'manuscript.yaml'));
  for (const doc of [...project.front, ...project.chapters]) addSource(doc.path, doc.sha256);
  addSource(project.bibliography.path, project.bibliography.sha256);
  if (config.csl.endsWith('.csl')) addSource(path.resolve(project.dir, config.csl));
  for (const name of [
    'publication.html',
    'publication.css',
    'print.css',
    'screen.css',
    `i18n/${lang.split('-')[0]}.json`,
  ])
    addSource(templateFile(rendered.templates, name));
  for (const asset of rendered.assets) addSource(asset);

  // One writer per output directory: a second build into it waits, so the PDF, the HTML
  // and build.json on disk always come from the same build (util/output-lock.ts).
  const outputLock = lockOutput(path.dirname(pdfPath));
  // A translated edition keeps its own record (build.ru.json), so building the French or
  // Russian edition into dist/ does not overwrite the source edition's build.json.
  const sourceLang = result.project.config.language ?? 'en';
  const buildJson = path.join(
    path.dirname(pdfPath),
    lang === sourceLang ? 'build.json' : `build.${lang}.json`,
  );
  try {
    atomicWrite(pdfPath, bytes);
    if (htmlPath) atomicWrite(htmlPath, rendered.screen);
    const record = {
      draft,
      version: config.version,
      commit: prov.commit,
      date: prov.date,
      complete: result.ok,
      language: lang,
      pdf: { file: rel(pdfPath), sha256: sha256(bytes), pages: facts.pages },
      ...(htmlPath ? { html: { file: rel(htmlPath), sha256: sha256(rendered.screen) } } : {}),
      pages: facts.pages,
      citationStyle: rendered.cite.style,
      sources,
      tool: {
        name: 'flagship',
        version: toolVersion(),
        browser: browserVersion,
        layout: 'pagedjs 0.4.3',
      },
      warnings,
    };
    // Sealed with the SHA-256 of its content, so readers can tell an edited record (integrity.ts).
    atomicWrite(buildJson, serializeSealed(record));
  } finally {
    outputLock.release();
  }
  stage('write');
  return {
    ok: result.ok,
    check: result,
    pdf: pdfPath,
    buildJson,
    html: htmlPath,
    pages: facts.pages,
    warnings,
    timings,
  };
}
