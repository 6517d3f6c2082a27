/**
 * The renderer `flagship watch` uses: flagship's build, kept alive for the
 * session. Each change writes the HTML edition (no browser needed); the PDF is
 * printed on demand or, with --pdf, on each change, always with the same
 * Chromium (launched on first use, closed with the session). Previews go to
 * `.flagship-cache/watch/` and are built with `force`, so a draft with errors
 * still shows (its diagnostics are in the page). Without a build module in
 * this flagship, watch checks only.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../core/cache.js';
import type { CheckResult } from '../core/pipeline.js';
import { resolveManuscriptDir } from '../core/load.js';
import type { Renderer, RenderOutput } from './session.js';

export interface RendererOptions {
  manuscript: string;
  draft?: string;
  bibliography?: string;
  cwd?: string;
}

/** The parts of render/build.ts and render/browser.ts watch relies on. */
interface BuildModule {
  build(options: {
    manuscript?: string;
    cwd?: string;
    draft?: string;
    bibliography?: string;
    out?: string;
    html?: boolean;
    pdf?: boolean;
    force?: boolean;
    quiet?: boolean;
    browser?: unknown;
  }): Promise<{ ok: boolean; check: CheckResult; pdf?: string; html?: string }>;
}
interface BrowserModule {
  launchBrowser(): Promise<{ browser: unknown; close(): Promise<void> }>;
}

// Specifiers in variables: loaded only when watch runs, and watch still compiles
// and checks in a flagship without a build.
const BUILD_MODULE = '../render/build.js';
const BROWSER_MODULE = '../render/browser.js';

export async function createRenderer(options: RendererOptions): Promise<Renderer | undefined> {
  let builder: BuildModule;
  let browsers: BrowserModule;
  try {
    builder = (await import(BUILD_MODULE)) as BuildModule;
    browsers = (await import(BROWSER_MODULE)) as BrowserModule;
  } catch {
    return undefined;
  }
  const cwd = options.cwd ?? process.cwd();
  const dir = resolveManuscriptDir({ manuscript: options.manuscript, cwd });
  const out = path.join(cacheDir(cwd), 'watch', 'preview.pdf');
  const html = out.replace(/\.pdf$/, '.html');
  let session: { browser: unknown; close(): Promise<void> } | undefined;
  const common = {
    manuscript: options.manuscript,
    cwd,
    draft: options.draft,
    bibliography: options.bibliography,
    out,
    html: true,
    force: true,
    quiet: true,
  };
  return {
    async build({ pdf }): Promise<RenderOutput> {
      if (pdf) session ??= await browsers.launchBrowser();
      const result = pdf
        ? await builder.build({ ...common, browser: session!.browser })
        : await builder.build({ ...common, pdf: false });
      return { result: result.check, html: result.html, pdf: result.pdf };
    },
    watched() {
      const templates = path.resolve(dir, '..', 'templates');
      return existsSync(templates) ? [templates] : [];
    },
    outputs: () => [out, html, path.join(path.dirname(out), 'build.json')],
    async close() {
      await session?.close();
      session = undefined;
    },
  };
}
