/**
 * The renderer `flagship watch` uses: flagship's build, kept alive for the
 * session. Each change writes the HTML edition (no browser needed); the PDF is
 * printed on demand or, with --pdf, on each change, always with the same
 * Chromium (launched on first use, closed with the session). Previews go to
 * `.flagship-cache/watch/` and are built with `force`, so a draft with errors
 * still shows (its diagnostics are in the page).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../core/cache.js';
import { resolveManuscriptDir } from '../core/load.js';
import type { BrowserSession } from '../render/browser.js';
import type { Renderer, RenderOutput } from './session.js';

export interface RendererOptions {
  manuscript: string;
  draft?: string;
  bibliography?: string;
  cwd?: string;
}

export async function createRenderer(options: RendererOptions): Promise<Renderer> {
  // Loaded here, not at the top: the build stack (puppeteer, pdf-lib, pdf.js) is heavy.
  const builder = await import('../render/build.js');
  const browsers = await import('../render/browser.js');
  const cwd = options.cwd ?? process.cwd();
  const dir = resolveManuscriptDir({ manuscript: options.manuscript, cwd });
  const out = path.join(cacheDir(cwd), 'watch', 'preview.pdf');
  const html = out.replace(/\.pdf$/, '.html');
  let session: BrowserSession | undefined;
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
