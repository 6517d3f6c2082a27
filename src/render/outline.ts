/**
 * Bookmarks and page labels of the printed PDF. Chromium builds the PDF's bookmarks from the headings as laid out, and drops the
 * space where a heading wraps ("innovation andsustainable"). This puts back each
 * bookmark's text from the heading it was made from, matched without whitespace.
 */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * Rewrite bookmark titles that equal a known heading except for whitespace, and top-level
 * ones that equal a chapter's title to the numbered title ("1 Introduction"), each chapter
 * once, in order. Returns how many changed.
 */
export function mendOutlineTitles(
  pdf: PDFDocument,
  headings: string[],
  chapters: Array<{ title: string; number: number }> = [],
): number {
  const known = new Map(headings.map((h) => [squash(h), h.replace(/\s+/g, ' ').trim()]));
  const pending = [...chapters];
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let changed = 0;
  const seen = new Set<PDFDict>();
  const walk = (item: PDFDict | undefined, depth: number) => {
    while (item && !seen.has(item)) {
      seen.add(item);
      const title = item.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) {
        const text = title.decodeText();
        let proper = known.get(squash(text));
        const chapter = depth === 0 ? pending[0] : undefined;
        if (chapter && squash(text) === squash(chapter.title)) {
          pending.shift();
          proper = `${chapter.number} ${chapter.title.replace(/\s+/g, ' ').trim()}`;
        }
        if (proper && proper !== text) {
          item.set(PDFName.of('Title'), PDFHexString.fromText(proper));
          changed += 1;
        }
      }
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return changed;
}

/**
 * Page labels (what a viewer shows as the page number): lower-case roman for the front
 * matter (the title page is i), arabic from 1 at `bodyStart` (chapter 1), as printed.
 */
export function setPageLabels(pdf: PDFDocument, bodyStart: number): void {
  const nums: Array<number | PDFDict> = [0, pdf.context.obj({ S: PDFName.of('r') })];
  if (bodyStart > 0) nums.push(bodyStart, pdf.context.obj({ S: PDFName.of('D'), St: 1 }));
  else if (bodyStart === 0) nums.splice(1, 1, pdf.context.obj({ S: PDFName.of('D'), St: 1 }));
  pdf.catalog.set(PDFName.of('PageLabels'), pdf.context.obj({ Nums: nums }));
}
