/**
 * The edition in another language (what `build --lang` renders, without a
 * browser): translated chapters in the source's order, the edition's title and
 * chapter titles from manuscript.yaml, images falling back to the source's
 * figures, a PDF slug with the language, and citations in Russian through the
 * project's ru-RU CSL locale (citation-js has none and would fall back to English).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Image } from 'mdast';
import { visit } from 'unist-util-visit';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { loadSources } from '../../src/core/load.js';
import { parseProject } from '../../src/core/parse.js';
import { PACKAGED_TEMPLATES } from '../../src/render/document.js';
import { cslLocaleName, registerCslLocale } from '../../src/translation/csl-locale.js';
import { buildLock } from '../../src/translation/lock.js';
import { localiseProject } from '../../src/translation/localise.js';
import { exportXliff } from '../../src/translation/xliff-export.js';
import { importXliff } from '../../src/translation/xliff-import.js';
import { copyFixture, fillTargets, REPO } from '../helpers/translation.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function translated(): string {
  const root = copyFixture();
  roots.push(root);
  const yaml = path.join(root, 'manuscript/manuscript.yaml');
  writeFileSync(
    yaml,
    readFileSync(yaml, 'utf8').replace(
      'languages: [fr, ru]',
      'languages: [fr, ru]\ntranslations:\n  ru: { title: "Умные устойчивые города для людей всех возрастов", version: "9.9.9" }',
    ),
  );
  const project = parseProject(loadSources({ cwd: root }));
  mkdirSync(path.join(root, 'xliff'));
  const files = exportXliff(project, buildLock(project, 'final'), 'ru').map((d) => {
    const file = path.join(root, 'xliff', d.name);
    writeFileSync(
      file,
      fillTargets(d.xml, (_id, source) =>
        source === 'Introduction' ? { target: 'Введение', state: 'reviewed' } : undefined,
      ),
    );
    return file;
  });
  importXliff(project, files);
  return root;
}

describe('localiseProject', () => {
  const root = translated();
  const source = parseProject(loadSources({ cwd: root }));
  const edition = localiseProject(source, 'ru');

  it('takes the translated files in the source order, with the source roles and ids', () => {
    expect(edition.chapters.map((d) => path.relative(root, d.path))).toEqual([
      'manuscript/ru/01-introduction.md',
      'manuscript/ru/02-governance.md',
    ]);
    expect(edition.chapters.map((d) => [d.kind, d.id])).toEqual([
      ['chapter', 'introduction'],
      ['chapter', 'governance'],
    ]);
    expect(edition.front.map((d) => [d.kind, d.id])).toEqual([['front', 'foreword']]);
    expect(edition.chapters[0]!.title).toBe('Введение');
  });

  it('uses the edition title, the mandated chapter titles and a slug with the language', () => {
    expect(edition.config.title).toBe('Умные устойчивые города для людей всех возрастов');
    expect(edition.config.version).toBe('1.0.0'); // only title, subtitle, series, publisher, place
    expect(edition.config.language).toBe('ru');
    expect(edition.config.toc.map((e) => e.title)).toEqual([
      'Введение',
      'Управление умными устойчивыми городами',
    ]);
    expect(edition.config.slug).toBe('smart-sustainable-cities-for-all-ages-ru');
    expect(source.config.title).toBe('Smart sustainable cities for all ages');
  });

  it('points images without a localised copy at the source figures', () => {
    const urls: string[] = [];
    visit(edition.chapters[0]!.tree, 'image', (n: Image) => void urls.push(n.url));
    expect(urls).toEqual(['../figures/share.svg']);
    const original: string[] = [];
    visit(source.chapters[0]!.tree, 'image', (n: Image) => void original.push(n.url));
    expect(original).toEqual(['figures/share.svg']);
  });

  it('is the project itself for the source language, and refuses a language with no translation', () => {
    expect(localiseProject(source, 'en')).toBe(source);
    expect(() => localiseProject(source, 'fr')).toThrow(UsageError);
  });
});

describe('Russian CSL locale', () => {
  it('formats citations in Russian once registered', () => {
    expect(cslLocaleName('ru')).toBe('ru-RU');
    expect(registerCslLocale(PACKAGED_TEMPLATES, 'ru')).toMatch(/locales-ru-RU\.xml$/);
    const csl = plugins.config.get('@csl');
    csl.templates.add(
      'flagship-test-note',
      readFileSync(path.join(REPO, 'templates/unece-note.csl'), 'utf8'),
    );
    const items = [
      {
        id: 'a',
        type: 'book',
        title: 'Smart cities',
        author: [
          { family: 'Doe', given: 'J.' },
          { family: 'Roe', given: 'K.' },
        ],
        publisher: 'UN',
        'publisher-place': 'Geneva',
        issued: { 'date-parts': [[2015]] },
      },
    ];
    const notes = (locale: string) => {
      const engine = csl.engine(items, 'flagship-test-note', locale, 'text');
      return engine
        .rebuildProcessorState(
          [1, 2].map((n) => ({
            citationID: `c${n}`,
            citationItems: [{ id: 'a', locator: String(n + 3), label: 'page' }],
            properties: { noteIndex: n },
          })),
          'text',
          [],
        )
        .map((out: unknown[]) => out[2]);
    };
    expect(notes('ru-RU')).toEqual([
      'J. Doe и K. Roe, Smart cities (Geneva, UN, 2015), с. 4.',
      'Там же, с. 5.',
    ]);
    expect(notes('en-GB')).toEqual([
      'J. Doe and K. Roe, Smart cities (Geneva, UN, 2015), p. 4.',
      'Ibid., p. 5.',
    ]);
  });
});
