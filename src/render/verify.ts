/**
 * Check the printed PDF itself, not the HTML: read it back with pdf.js and make
 * sure every table-of-contents line shows the page number printed on the page
 * its heading landed on (non-empty, never 0), that the outline has an entry for
 * every chapter pointing at its page, and report the page count. The build fails
 * loudly when any of this is wrong.
 *
 * Reading the text of every page is most of the cost (3.2 s of 3.4 s for 207
 * pages), so the build reads only some pages' text (`textPages`: the contents,
 * the chapter openings, the first and last page) and takes the other pages'
 * folios from the layout; the page count, every TOC link's destination page and
 * the sampled folios prove the PDF's pages are the layout's pages.
 */

export interface PdfFacts {
  pages: number;
  /** Outline entries, flattened, with their 0-based page index. */
  outline: Array<{ title: string; depth: number; page: number }>;
  /** TOC lines: target id, the number printed in the TOC, the page the target is on, the folio printed there. */
  toc: Array<{ target: string; printed: string; page: number; folio: string }>;
  /** Metadata from the PDF's info dictionary. */
  info: Record<string, unknown>;
  /** Text of each page ('' for a page whose text was not read). */
  text: string[];
  /** The folio printed at the foot of each page ('' when none; the layout's for a page not read). */
  folios: string[];
  /** 0-based indexes of the pages whose text was read. */
  read: number[];
  /** The PDF's page labels (what a viewer shows as page numbers), null when it has none. */
  pageLabels: string[] | null;
  /** The catalog's PageMode (UseOutlines opens with the bookmarks panel). */
  pageMode: string;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

const FOLIO = /^(?:\d+|[ivxlcdm]+)$/;

export interface ReadOptions {
  /** 0-based indexes of the table of contents' pages (default: links on the first ten pages). */
  tocPages?: number[];
  /** Read the text of these pages only (0-based; the TOC pages are always read). Default: all. */
  textPages?: number[];
  /** The folio of each page as laid out, used for the pages whose text is not read. */
  layoutFolios?: string[];
}

/** Load pdf.js ahead of `readPdf` (the build does it while the browser prints: 0.1 s). */
export function preloadReader(): void {
  import('pdfjs-dist/legacy/build/pdf.mjs').catch(() => undefined); // readPdf reports failures
}

/** Read the facts the build verifies (and the tests assert) from PDF bytes. */
export async function readPdf(bytes: Uint8Array, options: ReadOptions = {}): Promise<PdfFacts> {
  const { tocPages } = options;
  // Loaded here, after the print: pdf.js's legacy build installs core-js polyfills (a
  // slower Array.prototype.push among them) that slowed check and render when loaded first.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
  }).promise;
  try {
    const pageIndex = async (dest: unknown): Promise<number> => {
      const explicit =
        typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[] | null);
      const ref = explicit?.[0];
      if (ref === undefined || ref === null) return -1;
      return typeof ref === 'number' ? ref : doc.getPageIndex(ref as never);
    };
    const outline: PdfFacts['outline'] = [];
    const walk = async (items: Awaited<ReturnType<typeof doc.getOutline>>, depth: number) => {
      for (const item of items ?? []) {
        outline.push({ title: item.title, depth, page: await pageIndex(item.dest) });
        await walk(item.items, depth + 1);
      }
    };
    await walk(await doc.getOutline(), 0);

    const text: string[] = [];
    const folios: string[] = [];
    const items: TextItem[][] = [];
    const scan = (tocPages ?? Array.from({ length: 10 }, (_, i) => i))
      .map((i) => i + 1)
      .filter((n) => n >= 1 && n <= doc.numPages);
    const wanted = options.textPages
      ? new Set([...options.textPages.map((i) => i + 1), ...scan])
      : undefined;
    const read: number[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      if (wanted && !wanted.has(i)) {
        items.push([]);
        text.push('');
        folios.push(options.layoutFolios?.[i - 1] ?? '');
        continue;
      }
      read.push(i - 1);
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const pageItems = content.items.filter(
        (it): it is TextItem & typeof it => 'str' in it,
      ) as unknown as TextItem[];
      items.push(pageItems);
      text.push(pageItems.map((it) => it.str).join(' '));
      const [, , , top] = page.view as [number, number, number, number];
      // The folio: a number alone in the bottom margin.
      const bottom = pageItems.filter((it) => it.transform[5]! < 60 && FOLIO.test(it.str.trim()));
      folios.push(bottom.map((it) => it.str.trim()).join(' '));
      void top;
    }

    const toc: PdfFacts['toc'] = [];
    for (const i of scan) {
      const page = await doc.getPage(i);
      const annotations = (await page.getAnnotations()) as Array<{
        subtype: string;
        dest?: unknown;
        rect: number[];
      }>;
      const seen = new Set<string>();
      for (const a of annotations) {
        if (a.subtype !== 'Link' || typeof a.dest !== 'string' || seen.has(a.dest)) continue;
        const [x1, y1, x2, y2] = a.rect as [number, number, number, number];
        const inside = items[i - 1]!.filter((it) => {
          const x = it.transform[4]!;
          const y = it.transform[5]!;
          return (
            y >= y1 - 2 &&
            y <= y2 + 2 &&
            x >= x1 - 2 &&
            x + it.width <= x2 + 2 &&
            it.str.trim() !== ''
          );
        });
        if (inside.length === 0) continue;
        const last = inside
          .sort((p, q) => p.transform[4]! - q.transform[4]!)
          .at(-1)!
          .str.trim();
        // Only lines whose link ends in a page number are TOC lines.
        if (!FOLIO.test(last) && !/^\s*$/.test(last)) {
          const row = items[i - 1]!.filter(
            (it) => Math.abs(it.transform[5]! - y1) < 12 && it.transform[4]! > x2 - 40,
          );
          if (!row.some((it) => FOLIO.test(it.str.trim()))) continue;
        }
        seen.add(a.dest);
        const target = await pageIndex(a.dest);
        toc.push({
          target: a.dest,
          printed: FOLIO.test(last) ? last : '',
          page: target,
          folio: target >= 0 ? (folios[target] ?? '') : '',
        });
      }
      if (!tocPages && toc.length > 0 && !annotations.some((a) => a.subtype === 'Link')) break;
    }
    const meta = await doc.getMetadata();
    return {
      pages: doc.numPages,
      outline,
      toc,
      info: (meta.info ?? {}) as Record<string, unknown>,
      text,
      folios,
      read,
      pageLabels: await doc.getPageLabels(),
      pageMode: await doc.getPageMode(),
    };
  } finally {
    await doc.destroy();
  }
}

export interface Expected {
  /** TOC targets in order (every chapter, section, front and back matter entry). */
  tocTargets: string[];
  /** Chapters that must be in the outline, in order, with the id their heading carries. */
  chapters: Array<{ title: string; target: string }>;
  /** What the layout made: the PDF must have its pages, and the folios read must be its folios. */
  layout?: { pages: number; folios: string[] };
}

/** Problems with the PDF, one sentence each; empty when it is right. */
export function verifyPdf(facts: PdfFacts, expected: Expected): string[] {
  const problems: string[] = [];
  const { layout } = expected;
  if (layout && layout.pages !== facts.pages)
    problems.push(
      `the PDF has ${facts.pages} pages but the layout made ${layout.pages}: the browser broke a laid-out page again when printing (look for an element wider or taller than the page)`,
    );
  if (layout)
    for (const i of facts.read) {
      const want = layout.folios[i];
      if (want && facts.folios[i] !== want)
        problems.push(
          `PDF page ${i + 1} prints the page number "${facts.folios[i]}", but the layout numbered it "${want}"`,
        );
    }
  const byTarget = new Map(facts.toc.map((t) => [t.target, t]));
  for (const target of expected.tocTargets) {
    const line = byTarget.get(target);
    if (!line) {
      problems.push(`the table of contents has no line linking to #${target}`);
      continue;
    }
    if (line.page < 0) problems.push(`the TOC link to #${target} points at no page`);
    else if (!line.printed || line.printed === '0')
      problems.push(`the TOC line for #${target} shows no page number ("${line.printed}")`);
    else if (line.printed !== line.folio)
      problems.push(
        `the TOC says #${target} is on page ${line.printed}, but it landed on the page numbered "${line.folio}" (PDF page ${line.page + 1})`,
      );
  }
  // A viewer's page number must be the printed one.
  if (facts.pageLabels)
    facts.folios.forEach((folio, i) => {
      const label = facts.pageLabels![i];
      if (folio && FOLIO.test(folio) && label !== folio)
        problems.push(
          `PDF page ${i + 1} is labelled "${label}" for viewers but printed "${folio}"`,
        );
    });
  let from = 0;
  for (const { title, target } of expected.chapters) {
    const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
    const index = facts.outline.findIndex(
      (o, i) => i >= from && norm(o.title).includes(norm(title)),
    );
    if (index < 0) {
      problems.push(`the PDF outline (bookmarks) has no entry for the chapter "${title}"`);
      continue;
    }
    from = index + 1;
    const page = facts.outline[index]!.page;
    const tocPage = byTarget.get(target)?.page;
    if (page < 0) problems.push(`the bookmark "${title}" points at no page`);
    else if (tocPage !== undefined && tocPage !== page)
      problems.push(
        `the bookmark "${title}" points at PDF page ${page + 1}, but the chapter starts on PDF page ${tocPage + 1}`,
      );
  }
  return problems;
}
