// The cite stage: note style first/short/ibid notes, author-date, et al., UN symbols, unresolved keys.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../src/core/load.js';
import { parseProject } from '../../src/core/parse.js';
import type { Project } from '../../src/core/types.js';
import { formatCitations, mendEtAl, parseLocator, registerStyle } from '../../src/render/cite.js';
import { PACKAGED_TEMPLATES } from '../../src/render/document.js';

const fixture = path.resolve('tests/fixtures/render/manuscript');

function project(csl?: string): Project {
  const p = parseProject(loadSources({ manuscript: fixture }));
  if (csl) p.config.csl = csl;
  return p;
}

const item = (key: string, suffix = '') => ({ key, prefix: '', suffix, suppressAuthor: false });

describe('formatCitations with the UNECE note style', () => {
  const p = project();
  const style = registerStyle(p, PACKAGED_TEMPLATES);
  const out = formatCitations(
    p,
    style,
    [
      { items: [item('unece2015', 'p. 4')], mode: 'parenthetical', noteIndex: 1 },
      { items: [item('itu2016')], mode: 'parenthetical', noteIndex: 2 },
      { items: [item('unece2015', 'p. 7')], mode: 'parenthetical', noteIndex: 3 },
      { items: [item('unece2015', 'p. 9')], mode: 'parenthetical', noteIndex: 4 },
      { items: [item('batty2012')], mode: 'parenthetical', noteIndex: 5 },
      { items: [item('un2015agenda'), item('nosuchkey')], mode: 'parenthetical', noteIndex: 6 },
    ],
    { lang: 'en' },
  );

  it('is a note style', () => expect(out.isNote).toBe(true));
  it('gives a full note the first time, with place, publisher, year, symbol and page', () => {
    expect(out.html[0]).toBe(
      'United Nations Economic Commission for Europe, <i>The UNECE–ITU Smart Sustainable Cities Indicators</i> (Geneva, United Nations, 2015), ECE/HBP/180, p. 4.',
    );
  });
  it('gives a short note later and Ibid. right after the same work', () => {
    expect(out.html[2]).toBe(
      'United Nations Economic Commission for Europe, <i>The UNECE–ITU Smart Sustainable Cities Indicators</i>, p. 7.',
    );
    expect(out.html[3]).toBe('Ibid., p. 9.');
  });
  it('writes "et al." for `and others`, never "others"', () => {
    expect(out.html[4]).toMatch(/Axhausen,? et al\./);
    expect(out.html[4]).toMatch(/No\. 1 \(2012\), pp\. 481–518\.$/);
    expect(out.html[4]).not.toMatch(/others|Etalsentinel/i);
  });
  it('puts back the UN document symbol citation-js drops on @misc', () => {
    expect(out.html[5]).toContain('A/RES/70/1');
  });
  it('reports unresolved keys instead of sending them to the processor', () => {
    expect([...out.unresolved]).toEqual(['nosuchkey']);
  });
  it('sorts the bibliography by author', () => {
    expect(out.bibliography.map((b) => b.replace(/<[^>]+>/g, '').slice(0, 12))).toEqual([
      'Batty, Micha',
      'Internationa',
      'United Natio',
      'United Natio',
    ]);
  });
});

describe('formatCitations with an author-date style (apa)', () => {
  const p = project('apa');
  const style = registerStyle(p, PACKAGED_TEMPLATES);
  const out = formatCitations(
    p,
    style,
    [
      { items: [item('unece2015', 'p. 4')], mode: 'parenthetical', noteIndex: 0 },
      { items: [item('batty2012')], mode: 'narrative', noteIndex: 0 },
    ],
    { lang: 'en' },
  );
  it('formats in the text with the locator', () => {
    expect(out.isNote).toBe(false);
    expect(out.html[0]).toBe('(United Nations Economic Commission for Europe, 2015, p. 4)');
  });
  it('gives narrative citations an author part and a year part, with et al.', () => {
    expect(out.narrative.get(1)).toBe('Batty et al.');
    expect(out.html[1]).toBe('(2012)');
  });
  it('writes et al. in the APA reference list too', () => {
    expect(out.bibliography.join('\n')).toContain('Batty, M., Axhausen, K. W., et al. (2012)');
  });
});

describe('helpers', () => {
  it('parses locators', () => {
    expect(parseLocator('p. 4')).toEqual({ label: 'page', locator: '4', suffix: undefined });
    expect(parseLocator('pp. 3-5')).toMatchObject({ label: 'page', locator: '3-5' });
    expect(parseLocator('chapter 2')).toMatchObject({ label: 'chapter', locator: '2' });
    expect(parseLocator('12')).toEqual({ label: 'page', locator: '12' });
    expect(parseLocator('emphasis added')).toEqual({ suffix: ' emphasis added' });
  });
  it('mends the et al. sentinel in APA and note forms', () => {
    expect(mendEtAl('Smith, J., &amp; Etalsentinelxq, X. (2019)')).toBe('Smith, J., et al. (2019)');
    expect(mendEtAl('John Smith and X. Etalsentinelxq, <i>T</i>')).toBe(
      'John Smith et al., <i>T</i>',
    );
  });
});

describe('the UNECE note style follows the UN Editorial Manual', () => {
  // A project of its own, so the fixture manuscript keeps citing every entry it lists.
  const root = mkdtempSync(path.join(os.tmpdir(), 'flagship-cite-'));
  mkdirSync(path.join(root, 'manuscript'));
  writeFileSync(
    path.join(root, 'manuscript', 'manuscript.yaml'),
    `title: T\nversion: 0.1.0\ndraft: first\nbibliography: ../references.bib\ncsl: ${path.resolve('templates/unece-note.csl')}\ntoc:\n  - id: a\n    title: A\n`,
  );
  writeFileSync(path.join(root, 'manuscript', '01-a.md'), '# A\n\nText.\n');
  writeFileSync(
    path.join(root, 'references.bib'),
    `@article{three, author = {Albino, Vito and Berardi, Umberto and Dangelico, Rosa Maria},
  title = {Smart Cities: Definitions}, journal = {Journal of Urban Technology},
  volume = {18}, number = {2}, pages = {65--82}, year = {2011}}
@article{question, author = {Hollands, Robert G.}, title = {Will the real smart city please stand up?},
  journal = {City}, volume = {12}, number = {3}, pages = {303--320}, year = {2008}}
@misc{res, author = {{United Nations General Assembly}}, title = {New Urban Agenda}, year = {2016},
  number = {A/RES/71/256}, publisher = {United Nations}, address = {New York}}
@book{report, author = {{United Nations Economic Commission for Europe}}, title = {Innovation Review},
  publisher = {United Nations}, address = {Geneva}, year = {2017}}
`,
  );
  const p = parseProject(loadSources({ manuscript: path.join(root, 'manuscript') }));
  rmSync(root, { recursive: true, force: true });
  const style = registerStyle(p, PACKAGED_TEMPLATES);
  const keys = ['three', 'question', 'res', 'report', 'res', 'three'];
  const out = formatCitations(
    p,
    style,
    keys.map((key, i) => ({
      items: [item(key, i === 5 ? 'p. 70' : '')],
      mode: 'parenthetical' as const,
      noteIndex: i + 1,
    })),
    { lang: 'en' },
  );
  it('keeps volume, issue and pages of an article, punctuation outside the quotes, no serial comma', () => {
    expect(out.html[0]).toBe(
      'Vito Albino, Umberto Berardi and Rosa Maria Dangelico, “Smart Cities: Definitions”, <i>Journal of Urban Technology</i>, vol. 18, No. 2 (2011), pp. 65–82.',
    );
    expect(out.html[5]).toBe('Albino, Berardi and Dangelico, “Smart Cities: Definitions”, p. 70.');
  });
  it('puts no comma after a title that ends in a question mark', () => {
    expect(out.html[1]).toContain('stand up?” <i>City</i>, vol. 12, No. 3 (2008), pp. 303–320.');
  });
  it('cites a General Assembly resolution by its name and symbol', () => {
    expect(out.html[2]).toBe(
      'General Assembly resolution 71/256, ‘New Urban Agenda’, A/RES/71/256.',
    );
    expect(out.html[4]).toBe('General Assembly resolution 71/256.');
  });
  it('puts the place before the publisher', () => {
    expect(out.html[3]).toContain('<i>Innovation Review</i> (Geneva, United Nations, 2017).');
  });
  it('has no serial comma in the bibliography either', () => {
    expect(out.bibliography.join('\n')).toContain(
      'Albino, Vito, Umberto Berardi and Rosa Maria Dangelico. “Smart Cities: Definitions”,',
    );
  });
});
