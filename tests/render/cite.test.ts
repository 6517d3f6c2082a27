// The cite stage: note style first/short/ibid notes, author-date, et al., UN symbols, unresolved keys.
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
    expect(out.html[4]).toMatch(/No\. 1 \(2012\)\.$/);
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
