/**
 * Print HTML to PDF with Chromium: the page loads nothing from the network (every
 * request but data: URLs and files under the allowed directories is aborted and
 * recorded), optionally lays itself out with Paged.js (flagship's own copy, run
 * through the DevTools protocol, so a page whose CSP forbids scripts still gets
 * it), then prints tagged with an outline. Reusable: pass a launched browser to
 * print many documents with one Chromium.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page, PDFOptions } from 'puppeteer';
import { UsageError } from '../core/errors.js';
import { withBrowser } from './browser.js';
import {
  applyLayout,
  registerPagedHandlers,
  type LayoutOptions,
  type LayoutReport,
} from './layout.js';
import { chooseSplit, keepPart, mergePages, pagesHtml } from './split-layout.js';

export interface PrintOptions {
  /** The HTML to print ... */
  html?: string;
  /** ... or an HTML file (loaded from disk, so its relative files resolve). */
  file?: string;
  /** A browser to reuse; otherwise one is launched and closed. */
  browser?: Browser;
  /** Lay out with Paged.js (running heads, footnotes, page numbers) before printing. */
  paged?: boolean;
  /** flagship's page layout after Paged.js (page numbers, TOC, watermark). */
  layout?: LayoutOptions;
  /** Directories whose files the page may load (default: the HTML file's directory). */
  allowDirs?: string[];
  /** Extra page.pdf options. */
  pdf?: PDFOptions;
  /**
   * Characters of text from which the layout is split between two tabs (split-layout.ts;
   * default 150,000; Infinity never splits). FLAGSHIP_LAYOUT_TABS=1 never splits either.
   */
  splitMinChars?: number;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** URLs the page tried to load and was refused. */
  blocked: string[];
  /** Errors the page's scripts threw (Paged.js problems). */
  errors: string[];
  layout?: LayoutReport;
  /** Milliseconds of each step: loading the page, the Paged.js layout (with flagship's), page.pdf. */
  timings: { load: number; layout: number; pdf: number };
  /** Browser tabs that laid the pages out: 2 when the layout was split (split-layout.ts). */
  tabs: number;
}

/** The layout stalled (see FLAGSHIP_LAYOUT_TIMEOUT). */
export class LayoutTimeoutError extends Error {
  override name = 'LayoutTimeoutError';
}

/** Seconds Paged.js may take to lay out the publication (FLAGSHIP_LAYOUT_TIMEOUT, default 300). */
export function layoutTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.FLAGSHIP_LAYOUT_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 300_000;
}

const require = createRequire(import.meta.url);
let pagedSource: string | undefined;

function pagedJs(): string {
  // The package exports only its ES entry; the browser bundle sits beside it.
  const entry = require.resolve('pagedjs');
  const root = path.resolve(path.dirname(entry), '..');
  pagedSource ??= readFileSync(path.join(root, 'dist', 'paged.js'), 'utf8');
  return pagedSource;
}

/**
 * Keep the browser from laying out the whole unpaginated document on load: Paged.js
 * moves the content into its pages and lays those out anyway, so that first layout
 * was wasted (load 0.54-0.78 s -> 0.12-0.17 s for the 207-page benchmark). The rule
 * is removed just before Paged.js starts. The templates' fonts are system fonts (no
 * @font-face), so nothing waits for a font that the hidden body would not request.
 */
const HOLD = '<style data-flagship-hold>body { display: none; }</style>';

function holdLayout(html: string): string {
  const head = html.search(/<\/head>/i);
  return head < 0 ? HOLD + html : html.slice(0, head) + HOLD + html.slice(head);
}

function inside(file: string, dirs: string[]): boolean {
  return dirs.some((dir) => {
    const rel = path.relative(dir, file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

/** A browser that crashed, was killed or stopped answering while printing: one clear line. */
function browserFailure(error: unknown): unknown {
  const message = String((error as Error)?.message ?? error);
  if (
    !/Target closed|Session closed|Connection closed|Protocol error|timed out|Navigating frame was detached|detached Frame|Execution context was destroyed|browser has disconnected/i.test(
      message,
    )
  )
    return error;
  const reason = message.split('\n')[0]!.replace(/ Increase the 'protocolTimeout'.*$/, '');
  const hint = /timed out/i.test(reason)
    ? 'FLAGSHIP_PRINT_TIMEOUT sets the limit in seconds (default 600)'
    : 'if it recurs, check the browser (FLAGSHIP_BROWSER) and free memory';
  return new UsageError(
    `the browser stopped while printing (${reason}); no PDF was written and earlier outputs are unchanged. Run the build again; ${hint}.`,
  );
}

/** Print one HTML document to PDF bytes. */
export async function printPdf(options: PrintOptions): Promise<PrintResult> {
  try {
    return await printWith(options);
  } catch (error) {
    throw browserFailure(error);
  }
}

/** Refuse every request but data: URLs and files under `allowDirs`; record refusals and script errors. */
async function guard(
  page: Page,
  allowDirs: string[],
  blocked: string[],
  errors: string[],
): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    let allowed = url.startsWith('data:') || url === 'about:blank';
    if (url.startsWith('file:')) {
      try {
        allowed = inside(fileURLToPath(url), allowDirs);
      } catch {
        allowed = false;
      }
    }
    if (allowed) void request.continue();
    else {
      blocked.push(url);
      void request.abort('blockedbyclient');
    }
  });
  page.on('pageerror', (error) => errors.push(String((error as Error).message ?? error)));
}

/** Lay the loaded page out with Paged.js; a layout that stalls fails after the timeout. */
async function layOut(page: Page): Promise<void> {
  await page.evaluate(pagedJs());
  await page.evaluate(registerPagedHandlers);
  const layoutDone = page.evaluate(async () => {
    const w = window as unknown as {
      Paged: { Previewer: new () => { preview(): Promise<unknown> } };
    };
    // Paged.js takes the content out of the body before it lays anything out.
    document.querySelector('style[data-flagship-hold]')?.remove();
    // Nothing is painted while the pages are built (a frame per page): same layout,
    // about 10% less layout time on 207 pages.
    document.body.style.visibility = 'hidden';
    await new w.Paged.Previewer().preview();
    document.body.style.removeProperty('visibility');
  });
  // Paged.js can stall without an error on content it cannot lay out: give up loudly.
  const limit = layoutTimeoutMs();
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new LayoutTimeoutError(
            `the page layout (Paged.js) did not finish in ${limit / 1000} s; look for an element it cannot break (a very tall table or image), or raise FLAGSHIP_LAYOUT_TIMEOUT (seconds).`,
          ),
        ),
      limit,
    );
  });
  try {
    await Promise.race([layoutDone, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/** Text (in characters) below which a second layout tab costs more than it saves. */
const SPLIT_MIN_CHARS = 150_000;

/**
 * Lay `html` out in `page` (loaded with it) and a second tab side by side, cut before
 * body child `at` (split-layout.ts); false when the parts do not join up, and then
 * `page` must be loaded and laid out again whole.
 */
async function layOutInTwo(
  page: Page,
  html: string,
  at: number,
  browser: Browser,
  guardPage: (page: Page) => Promise<void>,
): Promise<boolean> {
  const context = await browser.createBrowserContext(); // its own renderer process
  try {
    const other = await context.newPage();
    await guardPage(other);
    await other.setContent(holdLayout(html), { waitUntil: 'load' });
    await page.evaluate(keepPart, at, 'head' as const);
    await other.evaluate(keepPart, at, 'tail' as const);
    await Promise.all([layOut(page), layOut(other)]);
    return await page.evaluate(mergePages, await other.evaluate(pagesHtml));
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** Two layout tabs unless FLAGSHIP_LAYOUT_TABS=1 or the machine has one core. */
function splitLayout(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FLAGSHIP_LAYOUT_TABS === '1') return false;
  return (os.availableParallelism?.() ?? os.cpus().length) >= 2;
}

async function printWith(options: PrintOptions): Promise<PrintResult> {
  return withBrowser(options.browser, async (browser) => {
    const page = await browser.newPage();
    let last = performance.now();
    const lap = () => {
      const now = performance.now();
      const ms = Math.round(now - last);
      last = now;
      return ms;
    };
    const timings = { load: 0, layout: 0, pdf: 0 };
    const blocked: string[] = [];
    const errors: string[] = [];
    const allowDirs = (
      options.allowDirs ?? (options.file ? [path.dirname(path.resolve(options.file))] : [])
    ).map((d) => path.resolve(d));
    const guardPage = (p: Page) => guard(p, allowDirs, blocked, errors);
    const load = async () => {
      if (options.file)
        await page.goto(pathToFileURL(path.resolve(options.file)).href, { waitUntil: 'load' });
      else
        await page.setContent(
          options.paged ? holdLayout(options.html ?? '') : (options.html ?? ''),
          { waitUntil: 'load' },
        );
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    };
    let tabs = 1;
    try {
      await guardPage(page);
      await load();
      timings.load = lap();
      let layout: LayoutReport | undefined;
      if (options.paged) {
        // A large publication is laid out in two tabs at once (split-layout.ts).
        const minChars = options.splitMinChars ?? SPLIT_MIN_CHARS;
        const at =
          options.html !== undefined && splitLayout() && minChars < Infinity
            ? await page.evaluate(chooseSplit, minChars)
            : -1;
        if (at >= 0) {
          const joined = await layOutInTwo(page, options.html!, at, browser, guardPage).catch(
            (error: unknown) => {
              if (error instanceof LayoutTimeoutError) throw error;
              return false; // anything odd: lay the document out whole below
            },
          );
          if (joined) tabs = 2;
          else {
            // The cut page, loaded again whole in a fresh window (no Paged.js left in it).
            await page.goto('about:blank');
            await load();
          }
        }
        if (tabs === 1) await layOut(page);
        layout = await page.evaluate(applyLayout, options.layout ?? {});
        // For template authors: FLAGSHIP_DEBUG_LAYOUT=file.html saves the laid-out pages.
        const debug = process.env.FLAGSHIP_DEBUG_LAYOUT;
        if (debug) writeFileSync(debug, await page.content());
      }
      timings.layout = lap();
      const pdf = await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
        outline: true,
        timeout: 0,
        ...options.pdf,
      });
      timings.pdf = lap();
      // Two layout tabs load the same page: each refusal and error is reported once.
      return {
        pdf,
        blocked: [...new Set(blocked)],
        errors: [...new Set(errors)],
        layout,
        timings,
        tabs,
      };
    } finally {
      await page.close().catch(() => undefined);
    }
  });
}
