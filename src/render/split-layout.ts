/**
 * Laying the publication out in two browser tabs at once (pdf.ts uses these).
 * Paged.js runs on one core, and on the 207-page benchmark its layout is as long
 * as the print itself, while the machine's second core idles. The document is cut
 * before a chapter near the middle of its text: the first tab lays out everything
 * before that chapter, the second the rest, each in its own browser context (own
 * renderer process, so they really run side by side). Chapters open on right-hand
 * pages, so the second part's pages are the pages the whole document would have
 * had there; the first tab gets a stand-in chapter at its end, which makes
 * Paged.js add the blank left-hand page a chapter opening may need, and whose own
 * page is then dropped. The second tab's pages are moved into the first tab's
 * document, renumbered, and checked: the second part must open on a right-hand,
 * odd page, or the caller lays the whole document out in one tab instead. The
 * build's read-back verification checks the printed page numbers either way.
 *
 * Every function below runs in the browser (serialized by puppeteer): keep them
 * self-contained.
 */

/**
 * The index of the body child to cut before: a chapter, after at least one other
 * chapter, whose text starts nearest the middle; -1 when the document is too short
 * to gain (`minChars` characters of text) or has fewer than two chapters.
 */
export function chooseSplit(minChars: number): number {
  const kids = Array.from(document.body.children);
  const sizes = kids.map((kid) => (kid.textContent ?? '').length);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total < minChars) return -1;
  let best = -1;
  let bestDistance = Infinity;
  let before = 0;
  let chapters = 0;
  kids.forEach((kid, i) => {
    if (kid.matches('section.chapter')) {
      if (chapters > 0 && Math.abs(before - total / 2) < bestDistance) {
        best = i;
        bestDistance = Math.abs(before - total / 2);
      }
      chapters += 1;
    }
    before += sizes[i]!;
  });
  return best;
}

/** Keep the body's children before `at` ('head', with the stand-in chapter) or from it ('tail'). */
export function keepPart(at: number, part: 'head' | 'tail'): void {
  const kids = Array.from(document.body.children);
  if (part === 'head') {
    for (const kid of kids.slice(at)) kid.remove();
    const standIn = document.createElement('section');
    standIn.className = 'chapter';
    standIn.setAttribute('data-flagship-split', '');
    standIn.innerHTML = '<p>&#160;</p>';
    document.body.appendChild(standIn);
  } else for (const kid of kids.slice(0, at)) kid.remove();
}

/** The laid-out pages of one tab, and the custom properties set on each page element. */
export interface PagesPart {
  html: string;
  properties: Array<Array<[string, string]>>;
}

/**
 * The laid-out pages of this tab. Their custom properties travel apart from the HTML:
 * Paged.js sets the running-head strings as unterminated CSS strings (`"Title`),
 * which are valid through setProperty but, written into a style attribute and read
 * back, swallow every declaration after them (the running heads disappeared).
 */
export function pagesHtml(): PagesPart {
  const pages = Array.from(
    document.querySelectorAll<HTMLElement>('.pagedjs_pages > .pagedjs_page'),
  );
  const properties = pages.map((page) => {
    const own: Array<[string, string]> = [];
    for (const name of Array.from(page.style))
      if (name.startsWith('--')) own.push([name, page.style.getPropertyValue(name)]);
    for (const [name] of own) page.style.removeProperty(name);
    return own;
  });
  return { html: pages.map((page) => page.outerHTML).join(''), properties };
}

/**
 * Put the other tab's pages after this tab's (dropping the stand-in chapter's page)
 * and number all pages in order; false when the result would not be the pages of
 * the whole document (the second part not opening on a right-hand, odd page).
 */
export function mergePages(part: PagesPart): boolean {
  const area = document.querySelector<HTMLElement>('.pagedjs_pages');
  if (!area) return false;
  const own = Array.from(area.children);
  const cut = own.findIndex((page) => page.querySelector('[data-flagship-split]') !== null);
  if (cut < 0) return false;
  for (const page of own.slice(cut)) page.remove();
  const start = area.children.length;
  area.insertAdjacentHTML('beforeend', part.html);
  const pages = Array.from(area.children) as HTMLElement[];
  part.properties.forEach((own, i) => {
    for (const [name, value] of own) pages[start + i]?.style.setProperty(name, value);
  });
  const opening = pages[start];
  if (!opening || start % 2 !== 0 || !opening.classList.contains('pagedjs_right_page'))
    return false;
  opening.classList.remove('pagedjs_first_page'); // the first page of its tab, not of the book
  pages.forEach((page, i) => {
    page.id = `page-${i + 1}`;
    page.dataset.pageNumber = String(i + 1);
  });
  area.style.setProperty('--pagedjs-page-count', String(pages.length));
  return true;
}
