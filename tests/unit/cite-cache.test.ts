/**
 * The cache of formatted citations sees every edit that changes a citation or
 * the bibliography, and is reused when an edit leaves them alone.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheStats } from '../../src/core/cache.js';
import { check } from '../../src/core/pipeline.js';
import { PACKAGED_TEMPLATES } from '../../src/render/document.js';
import { citeStage } from '../../src/render/stages.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/valid');
const CHAPTER = 'manuscript/01-introduction.md';

let root: string;
const edit = (rel: string, change: (text: string) => string) => {
  const file = path.join(root, rel);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
};
const cite = async () => {
  const { project } = await check({ cwd: root, manuscript: 'manuscript' });
  return citeStage(project, { lang: 'en', templates: PACKAGED_TEMPLATES }).citations;
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'flagship-cite-cache-'));
  cpSync(FIXTURE, root, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('formatted citations cache', () => {
  it('sees a changed locator and a changed bibliography entry, and the reverts', async () => {
    const first = await cite();
    expect(first.html.join('\n')).not.toContain('77');
    edit(CHAPTER, (t) => t.replace('@itu2016, p. 4]', '@itu2016, p. 77]'));
    const located = await cite();
    expect(located.html.join('\n')).toContain('77');
    edit(CHAPTER, (t) => t.replace('@itu2016, p. 77]', '@itu2016, p. 4]'));
    expect((await cite()).html).toEqual(first.html);
    edit('references.bib', (t) =>
      t.replace('title = {Smart Sustainable Cities}', 'title = {Cities Renamed}'),
    );
    const renamed = await cite();
    expect(renamed.bibliography.join('\n')).toContain('Cities Renamed');
    expect(renamed.bibliography.join('\n')).not.toContain('Smart Sustainable Cities');
  });

  it('gives the same result for an edit that leaves the citations alone', async () => {
    const first = await cite();
    edit(CHAPTER, (t) => t.replace('Barcelona publishes open data.', 'Barcelona publishes data.'));
    const before = cacheStats('citations');
    const again = await cite();
    expect(cacheStats('citations').hits).toBe(before.hits + 1); // reused, not formatted again
    expect(cacheStats('citations').unserialisable).toBe(0);
    const { bibliographyOf: _a, ...data } = again;
    const { bibliographyOf: _b, ...firstData } = first;
    expect(data).toEqual(firstData);
    expect(again.html).not.toBe(first.html); // a fresh copy, not the cached object
    // The per-chapter list still works on a cached result (it formats on demand).
    expect(again.bibliographyOf(['unece2015'])).toEqual(first.bibliographyOf(['unece2015']));
    expect(again.bibliographyOf(['unece2015']).join('')).toContain('Smart Sustainable Cities');
  });
});
