/**
 * What runs inside the page after Paged.js has laid it out (flagship's own code,
 * never the manuscript's): page numbers (roman before chapter 1, arabic from it),
 * the table of contents' page numbers, chapter-opening pages without running
 * heads, and the draft watermark. It returns what it placed so the build can check
 * the PDF against it. Written by hand: Paged.js 0.4.3's target-counter() miscounts
 * pages in current Chromium (it reads a computed counter-reset it cannot parse).
 */

export interface LayoutOptions {
  /** Diagonal text on every page ("FIRST DRAFT"), if any. */
  watermark?: string;
  /** Banner on every page ("INCOMPLETE"), if any. */
  incomplete?: string;
}

export interface LayoutTocEntry {
  id: string;
  /** The page number printed in the TOC. */
  folio: string;
  /** 0-based index of the page the heading landed on. */
  pageIndex: number;
}

export interface LayoutReport {
  pages: number;
  /** The printed page number of every page, by index ('' for an unnumbered page). */
  folios: string[];
  toc: LayoutTocEntry[];
  /** Targets the TOC links to that are not in the document. */
  missing: string[];
  /** 0-based indexes of the pages the table of contents is on. */
  tocPages: number[];
  /** 0-based index of the page numbered 1 (chapter 1), -1 when there is none. */
  bodyStart: number;
  /** Footnotes printed on another page than their call (Paged.js's footnote overflow). */
  misplacedNotes: Array<{ id: string; text: string; callFolio: string; noteFolio: string }>;
}

/** Runs in the browser (serialized by puppeteer): keep it self-contained. */
export function applyLayout(options: LayoutOptions): LayoutReport {
  const roman = (n: number): string => {
    const table: Array<[number, string]> = [
      [1000, 'm'],
      [900, 'cm'],
      [500, 'd'],
      [400, 'cd'],
      [100, 'c'],
      [90, 'xc'],
      [50, 'l'],
      [40, 'xl'],
      [10, 'x'],
      [9, 'ix'],
      [5, 'v'],
      [4, 'iv'],
      [1, 'i'],
    ];
    let out = '';
    for (const [value, letters] of table)
      while (n >= value) {
        out += letters;
        n -= value;
      }
    return out;
  };
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.pagedjs_page'));
  const firstBody = pages.findIndex((p) => p.querySelector('[data-body-start]') !== null);
  const folios = pages.map((page, i) => {
    const folio = firstBody < 0 || i < firstBody ? roman(i + 1) : String(i - firstBody + 1);
    page.dataset.folio = folio;
    page.style.setProperty('--folio', JSON.stringify(folio));
    if (page.querySelector('[data-chapter-opening]')) page.classList.add('flagship-opening');
    const box = page.querySelector('.pagedjs_pagebox') ?? page;
    // The draft watermark and the INCOMPLETE banner: decoration, hidden from screen readers.
    const stamps: Array<[string, string | undefined]> = [
      ['flagship-watermark', options.watermark],
      ['flagship-incomplete', options.incomplete],
    ];
    for (const [className, text] of stamps) {
      if (!text) continue;
      const stamp = document.createElement('div');
      stamp.className = className;
      stamp.setAttribute('aria-hidden', 'true');
      stamp.textContent = text;
      box.appendChild(stamp);
    }
    const unnumbered =
      page.classList.contains('pagedjs_blank_page') ||
      page.classList.contains('pagedjs_cover_page') ||
      page.classList.contains('pagedjs_imprint_page');
    return unnumbered ? '' : folio;
  });
  const toc: LayoutTocEntry[] = [];
  const missing: string[] = [];
  const tocPages = new Set<number>();
  for (const link of Array.from(document.querySelectorAll<HTMLElement>('[data-toc-target]'))) {
    const id = link.dataset.tocTarget ?? '';
    const own = link.closest<HTMLElement>('.pagedjs_page');
    if (own) tocPages.add(pages.indexOf(own));
    const target = document.getElementById(id);
    const page = target?.closest<HTMLElement>('.pagedjs_page');
    if (!target || !page) {
      missing.push(id);
      continue;
    }
    const folio = page.dataset.folio ?? '';
    const slot = link.querySelector('.toc-page');
    if (slot) slot.textContent = folio;
    toc.push({ id, folio, pageIndex: pages.indexOf(page) });
  }
  // A note must be printed on the page of its first call.
  const misplacedNotes: LayoutReport['misplacedNotes'] = [];
  const seenNotes = new Set<string>();
  // Paged.js moves each note into its page's footnote area and renames it (keeping data-id):
  // index them once (the first in document order, as querySelector would find) rather than
  // search the whole document for every call.
  const notesById = new Map<string, HTMLElement>();
  for (const note of Array.from(
    document.querySelectorAll<HTMLElement>('.pagedjs_footnote_area [data-id]'),
  )) {
    const key = note.getAttribute('data-id') ?? '';
    if (!notesById.has(key)) notesById.set(key, note);
  }
  for (const call of Array.from(
    document.querySelectorAll<HTMLAnchorElement>('.pagedjs_page .fn-call a'),
  )) {
    const id = decodeURIComponent((call.getAttribute('href') ?? '').slice(1));
    if (!id || seenNotes.has(id)) continue;
    seenNotes.add(id);
    const note = notesById.get(id);
    const callPage = call.closest<HTMLElement>('.pagedjs_page');
    const notePage = note?.closest<HTMLElement>('.pagedjs_page');
    if (!note || !callPage || !notePage || callPage === notePage) continue;
    misplacedNotes.push({
      id,
      text: (note.textContent ?? '')
        .replace(/\u00ad/g, '')
        .trim()
        .slice(0, 60),
      callFolio: callPage.dataset.folio ?? '',
      noteFolio: notePage.dataset.folio ?? '',
    });
  }
  return {
    misplacedNotes,
    pages: pages.length,
    folios,
    toc,
    missing,
    tocPages: [...tocPages].sort((a, b) => a - b),
    bodyStart: firstBody,
  };
}

/**
 * Runs in the browser before Paged.js lays out the page: a Paged.js handler that repeats a
 * table's header row at the top of every page the table continues on (Paged.js 0.4.3 does
 * not). It acts while the continuation is laid out, so the repeated row is measured.
 */
export function registerPagedHandlers(): void {
  interface PagedApi {
    Handler: new (...args: unknown[]) => object;
    registerHandlers(...handlers: unknown[]): void;
  }
  const paged = (window as unknown as { Paged: PagedApi }).Paged;
  class RepeatTableHeaders extends paged.Handler {
    renderNode(clone: Node, source: Node): void {
      const element = clone.nodeType === 1 ? (clone as Element) : clone.parentElement;
      const table = element?.closest('table') as HTMLTableElement | null | undefined;
      if (!table || table.dataset.flagshipHead !== undefined) return;
      table.dataset.flagshipHead = '';
      if (!table.hasAttribute('data-split-from') || table.querySelector(':scope > thead')) return;
      const from = source.nodeType === 1 ? (source as Element) : source.parentElement;
      const head = from?.closest('table')?.querySelector(':scope > thead');
      if (!head) return;
      const copy = head.cloneNode(true) as HTMLElement;
      copy.setAttribute('data-repeated-head', '');
      table.insertBefore(copy, table.querySelector(':scope > tbody') ?? table.firstChild);
    }
  }
  // Paged.js forces a style and layout pass for every footnote it places (826 in the
  // benchmark manuscript), and each pass costs more the more pages are in the document:
  // 1 ms at the start, 7.7 ms after 175 pages (measured), so the layout grew with the
  // square of its length. A page a few pages behind the one being filled is finished:
  // park it outside the document (listeners off, as Paged.js does for a page it
  // destroys) and put every parked page back, in order, when the layout is done.
  // Same pages, same text, same notes per page; layout 7.3 -> 4.7 s on 207 pages.
  interface PagedPage {
    element: HTMLElement;
    removeListeners?: () => void;
  }
  const KEEP = 4; // pages left in place behind the current one (late overflow, split tables)
  class ParkFinishedPages extends paged.Handler {
    parked: HTMLElement[] = [];
    area: Element | null = null;
    afterPageLayout(_element: Element, _page: unknown, _token: unknown, chunker: unknown): void {
      const pages = (chunker as { pages?: PagedPage[] }).pages ?? [];
      const finished = pages[pages.length - 1 - KEEP];
      const element = finished?.element;
      if (!finished || !element?.parentElement || this.parked.includes(element)) return;
      this.area = element.parentElement;
      finished.removeListeners?.();
      element.remove();
      this.parked.push(element);
    }
    afterRendered(): void {
      if (!this.area) return;
      const first = this.area.firstChild;
      for (const element of this.parked) this.area.insertBefore(element, first);
      this.parked = [];
    }
  }
  paged.registerHandlers(RepeatTableHeaders, ParkFinishedPages);
}
