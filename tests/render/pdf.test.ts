// printPdf with the real Chromium: requests outside the project are refused; the Paged.js layout
// numbers pages and fills the TOC. One browser is shared by the tests (the reusable launcher).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../../src/render/browser.js';
import { LayoutTimeoutError, printPdf } from '../../src/render/pdf.js';
import { applyLayout } from '../../src/render/layout.js';

let session: BrowserSession;
let dir: string;
beforeAll(async () => {
  session = await launchBrowser();
  dir = mkdtempSync(path.join(os.tmpdir(), 'flagship-pdf-'));
});
afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('printPdf', () => {
  it('loads data: URLs and files inside the allowed directory, and refuses everything else', async () => {
    const inside = path.join(dir, 'ok.svg');
    writeFileSync(inside, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const page = path.join(dir, 'page.html');
    writeFileSync(
      page,
      `<p>x</p><img src="ok.svg"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
       <img src="https://example.org/tracker.png"><img src="file:///etc/hostname">
       <link rel="stylesheet" href="http://example.org/a.css">`,
    );
    const result = await printPdf({ file: page, browser: session.browser, allowDirs: [dir] });
    expect(Buffer.from(result.pdf.slice(0, 5)).toString()).toBe('%PDF-');
    expect(result.blocked).toEqual(
      expect.arrayContaining([
        'https://example.org/tracker.png',
        'file:///etc/hostname',
        'http://example.org/a.css',
      ]),
    );
    expect(result.blocked.some((u) => u.endsWith('ok.svg'))).toBe(false);
  });

  it('lays out with Paged.js: roman folios before chapter 1, arabic from it, TOC filled, watermark', async () => {
    const html = `<!doctype html><html><head><style>
      @page { size: A5; margin: 15mm; }
      .chapter { break-before: page; }
    </style></head><body>
      <nav><a href="#c1" data-toc-target="c1">One <span class="toc-page"></span></a>
           <a href="#c2" data-toc-target="c2">Two <span class="toc-page"></span></a></nav>
      <section class="chapter" data-body-start><h1 id="c1">One</h1><p>a</p></section>
      <section class="chapter"><h1 id="c2">Two</h1><p>b</p></section>
    </body></html>`;
    const result = await printPdf({
      html,
      browser: session.browser,
      paged: true,
      layout: { watermark: 'DRAFT' },
    });
    expect(result.errors).toEqual([]);
    expect(result.layout).toMatchObject({
      pages: 3,
      folios: ['i', '1', '2'],
      toc: [
        { id: 'c1', folio: '1', pageIndex: 1 },
        { id: 'c2', folio: '2', pageIndex: 2 },
      ],
      missing: [],
      tocPages: [0],
    });
  });

  it('gives up with a clear error when the layout does not finish in time', async () => {
    process.env.FLAGSHIP_LAYOUT_TIMEOUT = '0.001';
    try {
      await expect(
        // Thousands of paragraphs: the layout cannot finish within a millisecond, however fast the machine.
        printPdf({ html: '<p>x</p>'.repeat(5000), browser: session.browser, paged: true }),
      ).rejects.toThrow(LayoutTimeoutError);
    } finally {
      delete process.env.FLAGSHIP_LAYOUT_TIMEOUT;
    }
  });

  it('repeats a table header on every page the table continues on', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => `<tr><td>row ${i + 1}</td></tr>`).join('');
    const html = `<style>@page { size: A6; margin: 10mm; }</style>
      <table><thead><tr><th>HEADROW</th></tr></thead><tbody>${rows}</tbody></table>`;
    const result = await printPdf({ html, browser: session.browser, paged: true });
    const file = path.join(dir, 'table.pdf');
    writeFileSync(file, result.pdf);
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1],
    );
    expect(pages).toBeGreaterThan(2);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text.match(/HEADROW/g)).toHaveLength(pages);
    expect(text).toContain('row 80');
  });
});

describe('printPdf on a long document (finished pages parked during layout)', () => {
  it('keeps every page, in order, with its footnotes at its foot', async () => {
    // Twelve chapters of a page or more, each with notes: pages are taken out of the
    // document while later ones are laid out and must all come back in order.
    const chapters = Array.from({ length: 12 }, (_, i) => {
      const n = i + 1;
      const paragraphs = Array.from(
        { length: n % 3 === 0 ? 9 : 3 },
        (_, j) =>
          `<p>Chapter ${n} paragraph ${j + 1}. ${'Words fill the page. '.repeat(12)}<span class="footnote">Note of chapter ${n}, paragraph ${j + 1}.</span></p>`,
      ).join('');
      return `<section class="chapter"${n === 1 ? ' data-body-start' : ''}><h1 id="c${n}">Chapter ${n}</h1>${paragraphs}</section>`;
    }).join('');
    const html = `<!doctype html><html><head><style>
      @page { size: A5; margin: 15mm; }
      .chapter { break-before: page; }
      .footnote { float: footnote; }
    </style></head><body>${chapters}</body></html>`;
    const result = await printPdf({ html, browser: session.browser, paged: true });
    const file = path.join(dir, 'long.pdf');
    writeFileSync(file, result.pdf);
    const pages = result.layout!.pages;
    expect(pages).toBeGreaterThanOrEqual(12);
    const text = Array.from({ length: pages }, (_, i) =>
      execFileSync('pdftotext', ['-f', `${i + 1}`, '-l', `${i + 1}`, file, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ' '),
    );
    // Chapters start on their own pages, in order, and every paragraph's note is on its page.
    const starts = Array.from({ length: 12 }, (_, i) =>
      text.findIndex((t) => t.includes(`Chapter ${i + 1} paragraph 1.`)),
    );
    expect(starts.every((p, i) => p >= 0 && (i === 0 || p > starts[i - 1]!))).toBe(true);
    for (const [i, t] of text.entries())
      for (const [, chapter, paragraph] of t.matchAll(/Chapter (\d+) paragraph (\d+)\./g))
        expect(
          text[i]!.includes(`Note of chapter ${chapter}, paragraph ${paragraph}.`) ||
            text[i + 1]!.includes(`Note of chapter ${chapter}, paragraph ${paragraph}.`),
          `note of ${chapter}.${paragraph} (PDF page ${i + 1})`,
        ).toBe(true);
  });
});

describe('applyLayout (on pages as Paged.js leaves them)', () => {
  it('reports a footnote printed on another page than its call', async () => {
    const page = await session.browser.newPage();
    try {
      const laidOut = (n: number, body: string, notes: string) =>
        `<div class="pagedjs_page" id="p${n}"><div class="pagedjs_area">${body}</div>
         <div class="pagedjs_footnote_area">${notes}</div></div>`;
      await page.setContent(
        laidOut(
          1,
          '<p data-body-start>Text<sup class="fn-call"><a href="#c1-fn-1">1</a></sup> and more<sup class="fn-call"><a href="#c1-fn-2">2</a></sup></p>',
          '<span class="footnote" id="note-a" data-id="c1-fn-1">1 On its page.</span>',
        ) +
          laidOut(
            2,
            '<p>Later text.</p>',
            '<span class="footnote" id="note-b" data-id="c1-fn-2">2 Pushed to the next page.</span>',
          ),
      );
      const report = await page.evaluate(applyLayout, {});
      expect(report.misplacedNotes).toEqual([
        { id: 'c1-fn-2', text: '2 Pushed to the next page.', callFolio: '1', noteFolio: '2' },
      ]);
    } finally {
      await page.close();
    }
  });
});
