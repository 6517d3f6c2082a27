// End to end: `flagship build` renders the fixture manuscript with the real Chromium, and the PDF
// is read back with poppler and mupdf (independent of flagship's own checks).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf, type PdfFacts } from '../../src/render/verify.js';

const bin = path.resolve('bin/flagship.js');
const fixture = path.resolve('tests/fixtures/render');

function flagship(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', ...env },
  });
}
const pageText = (pdf: string, page: number) =>
  execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
  });
const pdfinfo = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
/** The number printed alone at the foot of a page (its folio). */
const folio = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .at(-1)!
    .trim()
    .split(/\s+/)
    .filter((w) => /^(\d+|[ivxlcdm]+)$/.test(w))
    .at(-1) ?? '';

let dir: string;
let sha: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'flagship-build-'));
  cpSync(fixture, dir, { recursive: true });
  // the CSL path in the fixture is relative to the repository; point it at the shipped style
  const yaml = path.join(dir, 'manuscript', 'manuscript.yaml');
  const text = readFileSync(yaml, 'utf8').replace(
    /^csl: .*$/m,
    `csl: ${path.resolve('templates/unece-note.csl')}`,
  );
  execFileSync('sh', ['-c', `cat > "${yaml}"`], { input: text });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'fixture');
  sha = git('rev-parse', '--short', 'HEAD').trim();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('flagship build --draft first (one render shared by the assertions)', () => {
  let result: ReturnType<typeof flagship>;
  let pdf: string;
  let pages: string[];
  let facts: PdfFacts;
  let outline: string;
  beforeAll(async () => {
    result = flagship(['build', '--draft', 'first', '--html'], dir);
    pdf = path.join(dir, 'dist', 'smart-sustainable-cities-for-all-ages-first-draft-v0.3.0.pdf');
    const count = Number(/Pages:\s+(\d+)/.exec(pdfinfo(pdf))![1]);
    pages = Array.from({ length: count }, (_, i) => pageText(pdf, i + 1));
    facts = await readPdf(readFileSync(pdf));
    outline = execFileSync('mutool', ['show', pdf, 'outline'], { encoding: 'utf8' });
  });

  it('exits 0 and names the PDF by draft and version', () => {
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'dist/smart-sustainable-cities-for-all-ages-first-draft-v0.3.0.pdf',
    );
  });

  it('writes build.json with draft, version, commit, date, page count and the hash of every source', () => {
    const record = JSON.parse(readFileSync(path.join(dir, 'dist', 'build.json'), 'utf8'));
    expect(record).toMatchObject({
      draft: 'first',
      version: '0.3.0',
      commit: sha,
      pages: pages.length,
    });
    expect(record.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(record.tool.name).toBe('flagship');
    // every footnote is printed on the page of its call (the layout checks each one)
    expect(record.warnings.filter((w: string) => /^footnote /.test(w))).toEqual([]);
    const chapter = path.join('manuscript', '01-introduction.md');
    expect(record.sources[chapter]).toBe(
      createHash('sha256')
        .update(readFileSync(path.join(dir, chapter)))
        .digest('hex'),
    );
    expect(Object.keys(record.sources)).toEqual(
      expect.arrayContaining(['references.bib', path.join('manuscript', 'figures', 'urban.svg')]),
    );
  });

  it('sets the PDF metadata and tags the PDF', () => {
    const info = pdfinfo(pdf);
    expect(info).toMatch(/Title:\s+Smart sustainable cities for all ages: A build fixture/);
    expect(info).toMatch(/Author:\s+United Nations Economic Commission for Europe/);
    expect(info).toMatch(/Subject:\s+ECE Housing and Land Management Series/);
    // keywords are subject keywords; the build's provenance is in its own key
    expect(info).not.toMatch(/Keywords:.*(draft|commit|version)/);
    expect(facts.info.Custom).toMatchObject({ FlagshipBuild: expect.stringContaining(sha) });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(readFileSync(pdf).toString('latin1')).toMatch(/\/Lang \(en\)/);
  });

  it('prints a TOC whose numbers are the numbers printed on the pages the headings land on', () => {
    const targets = facts.toc.map((t) => t.target);
    // the lists of boxes, figures and tables after the contents, verified the same way
    expect(targets).toEqual(
      expect.arrayContaining(['box:vienna', 'box:wien', 'fig:urban', 'tbl:kpis']),
    );
    expect(targets.filter((t) => !/^(box|fig|tbl|figure|table)[:-]/.test(t))).toEqual([
      'front-foreword',
      'chapter-introduction',
      'sec:why',
      'sec-1.2',
      'chapter-innovation',
      'chapter-governance',
      'sec:multilevel',
      'references',
    ]);
    for (const line of facts.toc) {
      expect(line.printed).not.toMatch(/^0?$/);
      expect(folio(pages[line.page]!), line.target).toBe(line.printed);
    }
  });

  it('numbers the front matter in roman and the chapters in arabic from 1', () => {
    const introduction = facts.toc.find((t) => t.target === 'chapter-introduction')!;
    expect(introduction.printed).toBe('1');
    expect(facts.toc.find((t) => t.target === 'front-foreword')!.printed).toMatch(/^[ivx]+$/);
    // page labels: what a viewer shows is what is printed; opens with the bookmarks panel
    expect(facts.pageLabels?.[0]).toBe('i');
    expect(facts.pageLabels?.[introduction.page]).toBe('1');
    expect(facts.pageLabels?.[introduction.page - 1]).toMatch(/^[ivx]+$/);
    expect(facts.pageMode).toBe('UseOutlines');
  });

  it('lists boxes, figures and tables after the contents, with their numbers and titles', () => {
    const lists = pages.slice(0, 8).join('\n').replace(/\s+/g, ' ');
    expect(lists).toMatch(/List of boxes 1\.1 Participatory budgeting \.* ?\d+/);
    expect(lists).toContain('List of figures');
    expect(lists).toContain('List of tables');
  });

  it('prints the title page and the imprint to the United Nations standard', () => {
    expect(pages[0]!.replace(/\s+/g, ' ')).toContain('Geneva, 2026');
    const imprint = pages[1]!.replace(/\s+/g, ' ');
    for (const line of [
      '© 2026 United Nations',
      'All rights reserved worldwide',
      'Copyright Clearance Center at copyright.com',
      '405 East 42nd Street, S-09FW001, New York, NY 10017, United States of America',
      'do not necessarily reflect the views of the United Nations or its officials or Member States.',
      'The designations employed and the presentation of material on any map in this work',
      'United Nations publication',
      'ECE/HBP/999',
      'Sales No. to be assigned',
      'ISBN: to be assigned',
      'eISBN: to be assigned',
    ])
      expect(imprint).toContain(line);
    // the fixture lists no other languages
    expect(imprint).not.toContain('This publication is issued in');
  });

  it('has bookmarks for chapters and sections, and chapters open on right-hand (odd) pages', () => {
    for (const title of [
      'Contents',
      'Foreword',
      '1 Introduction',
      '1.1 Why cities matter',
      '2 SSCs as drivers of innovation',
      '3 Governance of SSCs',
      '3.1 Multi-level governance',
      'References',
    ])
      expect(outline).toContain(`"${title}"`);
    for (const title of [
      '1 Introduction',
      '2 SSCs as drivers of innovation',
      '3 Governance of SSCs',
    ]) {
      const page = Number(new RegExp(`"${title}"\\s+#page=(\\d+)`).exec(outline)![1]);
      expect(page % 2, title).toBe(1);
      expect(pages[page - 1]).toContain(`CHAPTER`);
    }
  });

  it('stamps every page of a first draft with the watermark and the draft line', () => {
    const line = new RegExp(
      `First draft · v0\\.3\\.0 · \\d{4}-\\d{2}-\\d{2} · ${sha} · not for citation`,
    );
    for (const [i, text] of pages.entries()) {
      // the watermark is set diagonally: read it in content order, without spaces
      const raw = execFileSync(
        'pdftotext',
        ['-raw', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'],
        { encoding: 'utf8' },
      );
      expect(raw.replace(/\s+/g, ''), `page ${i + 1}`).toContain('FIRSTDRAFT');
      expect(text.replace(/\s+/g, ' '), `page ${i + 1}`).toMatch(line);
    }
  });

  it('formats every citation and shows an unknown key visibly', () => {
    const all = pages.join('\n');
    expect(all).not.toContain('[@');
    expect(all).toContain('nosuchkey2020?');
    expect(all.replace(/\s+/g, ' ')).toContain(
      'The UNECE–ITU Smart Sustainable Cities Indicators (Geneva, United Nations, 2015), ECE/HBP/180, p. 4.',
    );
    expect(all).toContain('Ibid., p. 7.');
  });

  it('sets footnotes at the foot of the page that references them', () => {
    // a word hyphenated at a line end ("cita-" / "tions") is read back whole
    // (pdftotext keeps the soft hyphens flagship inserts, and prints U+2010 at a break)
    const flat = (p: string) =>
      p.replace(/\u00ad/g, '').replace(/(\p{L})[-\u2010]\s*\n\s*(\p{L})/gu, '$1$2');
    const on = (text: string) =>
      pages.findIndex((p) => flat(p).replace(/\s+/g, ' ').includes(text));
    expect(on('Narrative citations work too')).toBeGreaterThanOrEqual(0);
    expect(on('The scope follows the concept note')).toBe(on('Narrative citations work too'));
    expect(on('A footnote inside a box.')).toBe(
      on('Tallinn offers most municipal services online'),
    );
  });

  it('shows boxes, figures and tables numbered per chapter, and review comments in a draft', () => {
    const all = pages.join('\n');
    for (const label of ['BOX 1.1', 'BOX 2.3', 'Figure 1.1', 'Table 2.1', 'C1.1'])
      expect(all).toContain(label);
  });

  it('writes a self-contained HTML edition without scripts', () => {
    const html = readFileSync(pdf.replace(/\.pdf$/, '.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('data:image/svg+xml;base64,');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});

describe('flagship build --draft final', () => {
  it('writes no PDF when the checks find errors (exit 1)', () => {
    const out = path.join(dir, 'final.pdf');
    const result = flagship(['build', '--draft', 'final', '--out', out], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/citation-unresolved/);
    expect(result.stderr).toMatch(/no PDF written/);
    expect(existsSync(out)).toBe(false);
  });

  it('with --force renders it stamped INCOMPLETE on every page, without watermark or comments', () => {
    const out = path.join(dir, 'forced.pdf');
    const result = flagship(['build', '--draft', 'final', '--force', '--out', out], dir);
    expect(result.status).toBe(0);
    const count = Number(/Pages:\s+(\d+)/.exec(pdfinfo(out))![1]);
    for (let i = 1; i <= count; i++) {
      const text = pageText(out, i);
      expect(text, `page ${i}`).toContain('INCOMPLETE');
      const raw = execFileSync('pdftotext', ['-raw', '-f', String(i), '-l', String(i), out, '-'], {
        encoding: 'utf8',
      });
      expect(raw.replace(/\s+/g, '')).not.toMatch(/FIRSTDRAFT|SECONDDRAFT|notforcitation/);
      expect(text).not.toMatch(/C1\.1|Add the list of evaluated cities/);
    }
  });
});

describe('flagship build without a browser', () => {
  it('exits 2 with one line that says how to get one', () => {
    const result = flagship(['build', '--out', path.join(dir, 'x.pdf')], dir, {
      FLAGSHIP_BROWSER: '/no/such/chrome',
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(
      /FLAGSHIP_BROWSER is set to \/no\/such\/chrome/,
    );
  });
});
