// Laying the publication out in two tabs (split-layout.ts) gives the pages one tab gives:
// the same page count, the same text on every page (running heads, notes and folios
// included), the same TOC numbers. The fixture is split with no size threshold.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../src/core/load.js';
import { parseProject } from '../../src/core/parse.js';
import { launchBrowser, type BrowserSession } from '../../src/render/browser.js';
import { printPdf, type PrintResult } from '../../src/render/pdf.js';
import { renderStage } from '../../src/render/stages.js';

let session: BrowserSession;
let dir: string;
beforeAll(async () => {
  session = await launchBrowser();
  dir = mkdtempSync(path.join(os.tmpdir(), 'flagship-split-'));
});
afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

function printHtml(): string {
  const project = parseProject(
    loadSources({ manuscript: path.resolve('tests/fixtures/render/manuscript') }),
  );
  project.config.csl = path.resolve('templates/unece-note.csl');
  return renderStage({
    project,
    stage: 'first',
    lang: 'en',
    values: { title: project.config.title },
    stamp: 'STAMP-LINE',
  }).print;
}

function pageTexts(result: PrintResult, name: string): string[] {
  const file = path.join(dir, name);
  writeFileSync(file, result.pdf);
  return Array.from({ length: result.layout!.pages }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', `${i + 1}`, '-l', `${i + 1}`, file, '-'], {
      encoding: 'utf8',
    }),
  );
}

describe('layout split between two tabs', () => {
  it('gives the same pages as one tab: text, running heads, notes, folios and TOC', async () => {
    const html = printHtml();
    const layout = { watermark: 'DRAFT' };
    const one = await printPdf({
      html,
      browser: session.browser,
      paged: true,
      layout,
      splitMinChars: Infinity,
    });
    const two = await printPdf({
      html,
      browser: session.browser,
      paged: true,
      layout,
      splitMinChars: 0,
    });
    expect(two.layout!.pages).toBe(one.layout!.pages);
    expect(two.layout!.folios).toEqual(one.layout!.folios);
    expect(two.layout!.toc).toEqual(one.layout!.toc);
    expect(two.layout!.missing).toEqual([]);
    expect(pageTexts(two, 'two.pdf')).toEqual(pageTexts(one, 'one.pdf'));
    expect(one.tabs).toBe(1);
    expect(two.tabs).toBe(2); // it was split, not laid out whole after a failed split
    expect(one.layout!.pages).toBeGreaterThan(10);
  });

  it('lays the document out whole when the second part would not open on a right-hand page', async () => {
    // Chapters that open on the next page, not the next right-hand one: cut before chapter 2,
    // the second part would start on page 2, a left-hand page. The split is abandoned.
    const chapters = [1, 2, 3]
      .map(
        (n) =>
          `<section class="chapter"><h1 id="c${n}">Chapter ${n}</h1><p>Text ${n}.</p></section>`,
      )
      .join('');
    const html = `<!doctype html><html><head><style>
      @page { size: A5; margin: 15mm; }
      .chapter { break-before: page; }
    </style></head><body>${chapters}</body></html>`;
    const result = await printPdf({
      html,
      browser: session.browser,
      paged: true,
      splitMinChars: 0,
    });
    expect(result.tabs).toBe(1);
    const texts = pageTexts(result, 'whole.pdf').map((t) => t.replace(/\s+/g, ' ').trim());
    expect(texts).toEqual(['Chapter 1 Text 1.', 'Chapter 2 Text 2.', 'Chapter 3 Text 3.']);
  });
});
