// verifyPdf: the checks that make a build fail loudly when the printed TOC or bookmarks are wrong.
import { describe, expect, it } from 'vitest';
import { verifyPdf, type PdfFacts } from '../../src/render/verify.js';

const facts = (over: Partial<PdfFacts> = {}): PdfFacts => ({
  pages: 12,
  outline: [
    { title: 'Contents', depth: 0, page: 2 },
    { title: 'Introduction', depth: 0, page: 4 },
    { title: '1.1 Why', depth: 1, page: 5 },
  ],
  toc: [
    { target: 'chapter-introduction', printed: '1', page: 4, folio: '1' },
    { target: 'sec:why', printed: '2', page: 5, folio: '2' },
  ],
  info: {},
  text: [],
  folios: [],
  read: [],
  pageLabels: null,
  pageMode: 'UseNone',
  ...over,
});
const expected = {
  tocTargets: ['chapter-introduction', 'sec:why'],
  chapters: [{ title: 'Introduction', target: 'chapter-introduction' }],
};

describe('verifyPdf', () => {
  it('rejects a PDF with another page count than the layout made', () => {
    const layout = { pages: 13, folios: [] };
    expect(verifyPdf(facts(), { ...expected, layout }).join()).toMatch(
      /the PDF has 12 pages but the layout made 13/,
    );
  });
  it('rejects a page whose printed number, read back, is not the one the layout gave it', () => {
    const folios = ['i', 'ii', 'iii', 'iv', '1', '2', '3', '4', '5', '6', '7', '8'];
    const layout = { pages: 12, folios };
    const read = facts({
      read: [0, 4, 11],
      folios: ['i', '', '', '', '1', '', '', '', '', '', '', '9'],
    });
    expect(verifyPdf(read, { ...expected, layout })).toEqual([
      'PDF page 12 prints the page number "9", but the layout numbered it "8"',
    ]);
    // Pages not read are not compared (their folios come from the layout).
    expect(
      verifyPdf(facts({ read: [0, 4], folios: read.folios }), { ...expected, layout }),
    ).toEqual([]);
  });
  it('accepts a TOC whose numbers match the pages and bookmarks that point at the chapters', () => {
    expect(verifyPdf(facts(), expected)).toEqual([]);
  });
  it('rejects a TOC number that is not the number printed on the heading page', () => {
    const wrong = facts({
      toc: [facts().toc[0]!, { target: 'sec:why', printed: '3', page: 5, folio: '2' }],
    });
    expect(verifyPdf(wrong, expected).join()).toMatch(
      /says #sec:why is on page 3, but it landed on the page numbered "2"/,
    );
  });
  it('rejects a zero or missing TOC number and a missing TOC line', () => {
    expect(
      verifyPdf(
        facts({ toc: [{ target: 'chapter-introduction', printed: '0', page: 4, folio: '1' }] }),
        expected,
      ),
    ).toHaveLength(2);
  });
  it('rejects a chapter missing from the bookmarks or pointing elsewhere', () => {
    expect(verifyPdf(facts({ outline: [] }), expected).join()).toMatch(
      /no entry for the chapter "Introduction"/,
    );
    expect(
      verifyPdf(
        facts({ outline: [{ title: 'Introduction', depth: 0, page: 7 }] }),
        expected,
      ).join(),
    ).toMatch(/points at PDF page 8, but the chapter starts on PDF page 5/);
  });

  it('fails when a viewer would show another page number than the printed one', () => {
    const folios = ['', 'ii', '1', '2'];
    expect(verifyPdf(facts({ folios, pageLabels: ['i', 'ii', '1', '2'] }), expected)).toEqual([]);
    expect(verifyPdf(facts({ folios, pageLabels: ['i', 'ii', 'iii', 'iv'] }), expected)).toEqual([
      'PDF page 3 is labelled "iii" for viewers but printed "1"',
      'PDF page 4 is labelled "iv" for viewers but printed "2"',
    ]);
  });
});
