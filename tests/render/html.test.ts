// The render stage (HTML, no browser): handlers, numbering, footnotes, comments per draft, sanitizing.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../src/core/load.js';
import { parseProject } from '../../src/core/parse.js';
import { UsageError } from '../../src/core/errors.js';
import { PACKAGED_TEMPLATES } from '../../src/render/document.js';
import { loadI18n } from '../../src/render/i18n.js';
import { renderStage, type RenderResult } from '../../src/render/stages.js';

const fixture = path.resolve('tests/fixtures/render');

/** The rendered HTML with its soft hyphens (hyphenate.ts) removed, so assertions read plain words. */
function render(dir: string, stage: 'first' | 'final'): RenderResult {
  const raw = renderRaw(dir, stage);
  const plain = (html: string) => html.replace(/\u00ad/g, '');
  return { ...raw, print: plain(raw.print), screen: plain(raw.screen) };
}

function renderRaw(dir: string, stage: 'first' | 'final'): RenderResult {
  const project = parseProject(loadSources({ manuscript: path.join(dir, 'manuscript') }));
  project.config.csl = path.resolve('templates/unece-note.csl');
  return renderStage({
    project,
    stage,
    lang: 'en',
    values: { title: project.config.title },
    stamp: 'STAMP-LINE',
  });
}

describe('renderStage on the fixture (first draft)', () => {
  let out: RenderResult;
  beforeAll(() => {
    out = render(fixture, 'first');
  });

  it('numbers boxes, figures, tables per chapter and links cross-references', () => {
    expect(out.print).toContain('<span class="box-label">Box 1.1</span>');
    expect(out.print).toContain('<span class="box-label">Box 2.3</span>');
    expect(out.print).toContain('<span class="caption-label">Figure 1.1</span>');
    expect(out.print).toMatch(
      /<table><caption class="caption"><span class="caption-label">Table 2.1<\/span>/,
    );
    expect(out.print).toContain('<a class="xref" href="#box:vienna">Box\u00a01.1</a>');
    expect(out.print).toContain('<a class="xref" href="#tbl:kpis">Table\u00a02.1</a>');
  });

  it('hyphenates running text with soft hyphens, never headings, codes, notes or URLs', () => {
    const raw = renderRaw(fixture, 'first').print;
    const body = raw.slice(raw.indexOf('<section class="chapter"'));
    expect(body).toMatch(/\w\u00ad\w/);
    for (const [, inner] of body.matchAll(/<(h[1-6]|code|a)\b[^>]*>(.*?)<\/\1>/gs))
      expect(inner, inner).not.toContain('\u00ad');
    for (const [, inner] of body.matchAll(/<span class="footnote"[^>]*>(.*?)<\/span><sup/gs))
      expect(inner).not.toContain('\u00ad');
  });

  it('gives the text of an SDG target in a footnote the first time a chapter cites it', () => {
    const ch2 = out.print.slice(out.print.indexOf('id="chapter-innovation"'));
    const notes = [
      ...ch2.matchAll(/<span class="footnote" id="c2-fn-(\d+)"[^>]*>(.*?)<\/span><sup/gs),
    ];
    const target = notes.filter(([, , body]) => body!.includes('Target 11.2: By 2030'));
    expect(target).toHaveLength(1);
    // numbered in sequence with the chapter's other notes (1: Markdown note, 2: citation)
    expect(target[0]![1]).toBe('3');
    expect(ch2).toContain('<span class="sdg" data-sdg="11.2"');
    // goals get no note
    expect(notes.some(([, , body]) => body!.includes('Goal 11:'))).toBe(false);
  });

  it('writes cross-references as the UN Editorial Manual does', () => {
    const text = (html: string) => html.replace(/<[^>]+>/g, '');
    const gov = text(out.print.slice(out.print.indexOf('Multi-level governance')));
    // a section mid-sentence is lower-case; Box keeps its capital; brackets become parentheses
    expect(gov).toContain('As shown in section\u00a01.1, cities matter.');
    expect(gov).toContain('(See Box\u00a01.1) for participation.');
    // several items of one kind: one plural word and "and"
    expect(gov).toContain(
      'set targets (boxes\u00a01.1 and 3.1) and measure progress (see Box\u00a03.1).',
    );
    expect(out.print).not.toMatch(/\[see|\[See/);
  });

  it('numbers recommendations by chapter and names the country of a good practice', () => {
    expect(out.print).toContain('<span class="recommendation-number">2.3</span>');
    expect(out.print).toContain('Tallinn, Estonia');
  });

  it('puts Markdown footnotes and note citations inline where they are referenced, numbered per chapter', () => {
    expect(out.print).toMatch(
      /<span class="footnote" id="c1-fn-3" data-note="3"><span class="fn-mark">3<\/span> <span class="fn-p">The scope follows the concept note/,
    );
    // chapter 2 starts again at 1
    expect(out.print).toMatch(
      /id="c2-fn-1" data-note="1"><span class="fn-mark">1<\/span> <span class="fn-p">An ecosystem here means/,
    );
    // the note call follows the punctuation: "life.¹"
    expect(out.print).toMatch(/quality of\s+life\.<span class="footnote" id="c1-fn-1"/);
    expect(out.print).toContain(
      '</span><sup class="fn-call"><a href="#c1-fn-1">1</a></sup> Narrative',
    );
  });

  it('cites in figure sources in full and inline, never as a footnote or Ibid.', () => {
    expect(out.print).toMatch(
      /<span class="source-label">Source: <\/span><span class="citation">United Nations Economic Commission for Europe, <i>The UNECE–ITU Smart Sustainable Cities Indicators<\/i> \(Geneva, United Nations, 2015\), ECE\/HBP\/180<\/span>\./,
    );
  });

  it('formats every citation and shows unresolved keys visibly', () => {
    expect(out.print).not.toContain('[@');
    expect(out.print).toContain(
      '<strong class="cite-unresolved" title="citation not found in the bibliography">nosuchkey2020?</strong>',
    );
    expect(out.bibliography).toHaveLength(4);
    expect(out.print).toContain('<h1 id="references">References</h1>');
  });

  it('inlines figures as data: URLs and lists the files it read', () => {
    expect(out.print).toContain('src="data:image/svg+xml;base64,');
    expect(out.assets.map((a) => path.basename(a))).toEqual(['urban.svg']);
  });

  it('shows review comments with a numbered marker and a list at the end of the chapter', () => {
    expect(out.print).toContain(
      '<a class="comment-marker" href="#comment-1-1" id="comment-1-1-ref">C1.1</a>',
    );
    expect(out.print).toMatch(/<li id="comment-1-1">.*Add the list of evaluated cities/);
  });

  it('builds the table of contents with a slot for each page number', () => {
    expect(out.print).toContain('data-toc-target="chapter-introduction"');
    expect(out.print).toContain('data-toc-target="sec:why"');
    expect(out.print).toContain('data-toc-target="references"');
    const [contents, lists] = out.print.split('class="toc toc-lists"');
    expect(contents!.match(/class="toc-page"/g)).toHaveLength(8);
    // the lists of boxes, figures and tables follow, each line with its number and a page slot
    for (const id of ['box:vienna', 'box:wien', 'fig:urban', 'tbl:kpis'])
      expect(lists).toContain(`data-toc-target="${id}"`);
    expect(lists).toMatch(
      /<span class="toc-label">1\.1<\/span><span class="toc-text">Participatory budgeting<\/span>/,
    );
  });

  it('carries the draft stamp into the page CSS and forbids scripts', () => {
    expect(out.print).toContain('--flagship-stamp: "STAMP-LINE"');
    expect(out.print).toContain("default-src 'none'");
    expect(out.screen).toContain('<div class="screen-stamp">STAMP-LINE</div>');
  });
});

describe('renderStage with bibliography_per_chapter', () => {
  it('ends each chapter with the references it cites', () => {
    const project = parseProject(loadSources({ manuscript: path.join(fixture, 'manuscript') }));
    project.config.csl = path.resolve('templates/unece-note.csl');
    project.config.bibliography_per_chapter = true;
    const out = renderStage({ project, stage: 'first', lang: 'en', values: {}, stamp: '' });
    const chapter2 = out.print.slice(
      out.print.indexOf('id="chapter-section-2"'),
      out.print.indexOf('id="chapter-section-3"'),
    );
    const entries = chapter2
      .slice(chapter2.indexOf('chapter-references'))
      .match(/class="csl-entry"/g);
    expect(entries).toHaveLength(1);
    expect(chapter2).toMatch(
      /chapter-references[\s\S]*International Telecommunication Union\. <i>Key performance/,
    );
    expect(out.bibliography).toHaveLength(4);
  });
});

describe('renderStage for the final draft', () => {
  it('drops review comments', () => {
    const out = render(fixture, 'final');
    expect(out.print).not.toContain('class="comment-marker"');
    expect(out.print).not.toContain('Add the list of evaluated cities');
  });
});

describe('sanitizing raw HTML from the manuscript', () => {
  let dir: string;
  let out: RenderResult;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'flagship-html-'));
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'manuscript', '03-governance.md'),
      `---\nid: governance\n---\n# Governance of SSCs\n\nText <script>alert(1)</script> and <img src="http://example.org/x.png" onerror="alert(2)"> and
<a href="javascript:alert(3)">link</a> <iframe src="https://example.org"></iframe> <style>body{display:none}</style>
<span style="color:red" onclick="x()">kept text</span> <sup>2</sup> <b id="1st">digit id</b>

![outside](../../../../../etc/hostname)
`,
    );
    out = render(dir, 'first');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('removes scripts, event handlers, iframes, styles and javascript: links', () => {
    const chapter = out.print.slice(out.print.indexOf('Governance of SSCs</h1>'));
    expect(chapter).not.toMatch(
      /<script|onerror|onclick|<iframe|javascript:|display:none|style="color/,
    );
    expect(chapter).toContain('kept text');
    expect(chapter).toContain('<sup>2</sup>');
    // Paged.js hangs on ids that start with a digit
    expect(chapter).toContain('<b id="id-1st">digit id</b>');
  });

  it('never lets the page load a remote or out-of-project image', () => {
    expect(out.print).not.toContain('http://example.org/x.png"');
    expect(out.warnings.join('\n')).toMatch(/remote image not loaded: http:\/\/example.org\/x.png/);
    expect(out.warnings.join('\n')).toMatch(/(outside the project|not found).*etc\/hostname/);
  });
});

describe('loadI18n', () => {
  it('reads the words of the layout and fills placeholders', () => {
    const i18n = loadI18n(PACKAGED_TEMPLATES, 'en');
    expect(i18n.t('contents')).toBe('Contents');
    expect(i18n.t('copyright', { year: 2026 })).toContain('© 2026 United Nations');
  });
  it('refuses a language it has no words for, saying what to add', () => {
    expect(() => loadI18n(PACKAGED_TEMPLATES, 'xx')).toThrow(UsageError);
    expect(() => loadI18n(PACKAGED_TEMPLATES, 'xx')).toThrow(/templates\/i18n\/xx.json/);
  });
});
