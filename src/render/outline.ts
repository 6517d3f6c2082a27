/**
 * Chromium builds the PDF's bookmarks from the headings as laid out, and drops the
 * space where a heading wraps ("innovation andsustainable"). This puts back each
 * bookmark's text from the heading it was made from, matched without whitespace.
 */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

const squash = (text: string) => text.replace(/\s+/g, '');

/** Rewrite bookmark titles that equal a known heading except for whitespace. Returns how many changed. */
export function mendOutlineTitles(pdf: PDFDocument, headings: string[]): number {
  const known = new Map(headings.map((h) => [squash(h), h.replace(/\s+/g, ' ').trim()]));
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let changed = 0;
  const seen = new Set<PDFDict>();
  const walk = (item: PDFDict | undefined) => {
    while (item && !seen.has(item)) {
      seen.add(item);
      const title = item.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) {
        const text = title.decodeText();
        const proper = known.get(squash(text));
        if (proper && proper !== text) {
          item.set(PDFName.of('Title'), PDFHexString.fromText(proper));
          changed += 1;
        }
      }
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return changed;
}
