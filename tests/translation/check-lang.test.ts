/**
 * `check --lang`: the translation mirrors the source. A translation made by
 * import is clean; then each rule is shown to catch its problem: a missing or
 * extra file, a box or attribute changed, a citation or footnote dropped, a
 * heading or figure lost, a wrong chapter title, an untranslated paragraph.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { loadSources } from '../../src/core/load.js';
import { parseProject } from '../../src/core/parse.js';
import { check } from '../../src/core/pipeline.js';
import { buildLock } from '../../src/translation/lock.js';
import { exportXliff } from '../../src/translation/xliff-export.js';
import { importXliff } from '../../src/translation/xliff-import.js';
import { copyFixture, fillTargets } from '../helpers/translation.js';

const TITLES: Record<string, string> = {
  Introduction: 'Introduction',
  'Governance of SSCs': 'Gouvernance des villes intelligentes et durables',
};

/** A complete "translation": chapter titles from the mandate, every other text marked as French. */
function translateAll(root: string) {
  const project = parseProject(loadSources({ cwd: root }));
  const dir = path.join(root, 'xliff');
  mkdirSync(dir, { recursive: true });
  const files = exportXliff(project, buildLock(project, 'final'), 'fr').map((d) => {
    const file = path.join(dir, d.name);
    writeFileSync(
      file,
      fillTargets(d.xml, (_id, source) =>
        TITLES[source] !== undefined
          ? { target: TITLES[source], state: 'reviewed' }
          : { target: source.replace(/^([^<]*)/, (t) => (t ? `(fr) ${t}` : '(fr) ')) },
      ),
    );
    return file;
  });
  const result = importXliff(project, files);
  expect(result.issues).toEqual([]);
}

let base: string;
const roots: string[] = [];
beforeAll(() => {
  base = copyFixture();
  roots.push(base);
  translateAll(base);
});
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A copy of the translated project with edits to the French files, checked with --lang fr. */
async function checkFr(edits: Record<string, ((t: string) => string) | null> = {}) {
  const root = copyFixture();
  roots.push(root);
  cpSync(path.join(base, 'manuscript/fr'), path.join(root, 'manuscript/fr'), { recursive: true });
  for (const [rel, fn] of Object.entries(edits)) {
    const abs = path.join(root, 'manuscript', rel);
    if (fn === null) rmSync(abs);
    else writeFileSync(abs, fn(existsSync(abs) ? readFileSync(abs, 'utf8') : ''));
  }
  const result = await check({ cwd: root, lang: 'fr' });
  return result.diagnostics
    .filter((d) => d.rule.startsWith('translation-'))
    .map((d) => `${d.rule} ${d.file}:${d.line} ${d.message}`);
}

describe('check --lang', () => {
  it('finds nothing in a complete translation made by import', async () => {
    expect(await checkFr()).toEqual([]);
  });

  it('the translation rules do not run without --lang', async () => {
    const result = await check({ cwd: base });
    expect(result.diagnostics.filter((d) => d.rule.startsWith('translation-'))).toEqual([]);
  });

  it('reports a missing translated chapter and a file the source does not have', async () => {
    const found = await checkFr({
      'fr/02-governance.md': null,
      'fr/03-extra.md': () => '# Extra\n',
    });
    expect(found).toEqual([
      expect.stringMatching(
        /^translation-missing-chapter manuscript\/02-governance\.md:1 this file has no fr translation: manuscript\/fr\/02-governance\.md does not exist/,
      ),
      expect.stringMatching(
        /^translation-missing-chapter manuscript\/fr\/03-extra\.md:1 the source has no 03-extra\.md/,
      ),
    ]);
  });

  it('reports a box removed, an attribute changed, a citation and a footnote dropped', async () => {
    const found = await checkFr({
      'fr/01-introduction.md': (t) =>
        t
          .replace('country=ESP', 'country=FRA')
          .replace(' [@unece2015; @itu2016, p. 4]', ' [@itu2016, p. 4]')
          .replace(/\[\^1\]:[^\n]*\n/, ''),
      'fr/02-governance.md': (t) => t.replace(/:::unece-support[\s\S]*?\n:::\n/, ''),
    });
    expect(found).toEqual([
      'translation-structure manuscript/fr/01-introduction.md:1 the footnote marker [^1] appears 1 time(s) in the source but 0 in the translation; keep every one (it is a code, not text).',
      'translation-structure manuscript/fr/01-introduction.md:1 the footnote [^1]: appears 1 time(s) in the source but 0 in the translation; keep every one (it is a code, not text).',
      'translation-structure manuscript/fr/01-introduction.md:19 box, figure or table 1 is :::good-practice{city="Barcelona" country="FRA" id="box:barcelona"} here but :::good-practice{city="Barcelona" country="ESP" id="box:barcelona"} in the source (line 19); keep the boxes, figures and tables of the source, in the same order and with the same attributes.',
      'translation-structure manuscript/fr/01-introduction.md:43 the citation @unece2015 appears 3 time(s) in the source but 1 in the translation; keep every one (it is a code, not text).',
      'translation-structure manuscript/fr/02-governance.md:13 box, figure or table 2 is :::recommendations{} here but :::unece-support{} in the source (line 12); keep the boxes, figures and tables of the source, in the same order and with the same attributes.',
    ]);
  });

  it('reports a heading and a figure lost', async () => {
    const found = await checkFr({
      'fr/01-introduction.md': (t) =>
        t.replace(/## [^\n]*\n\n/, '').replace(/!\[[^\]]*\]\(figures\/share\.svg\)/, ''),
    });
    expect(found).toEqual([
      expect.stringMatching(
        /:1 the image figures\/share\.svg of the source \(line 41\) is missing/,
      ),
      expect.stringMatching(
        /:4 the level-2 heading \{#sec:why\} of the source \(line 9\) is missing/,
      ),
    ]);
  });

  it('reports a table row lost', async () => {
    const found = await checkFr({
      'fr/01-introduction.md': (t) => t.replace(/\| \(fr\) Society[^\n]*\n/, ''),
    });
    expect(found).toEqual([
      expect.stringMatching(
        /translation-structure manuscript\/fr\/01-introduction\.md:30 table 1 is table of 2 rows x 2 columns here but table of 3 rows x 2 columns in the source \(line 30\)/,
      ),
    ]);
  });

  it('reports a wrong chapter title against the per-language mandate', async () => {
    const found = await checkFr({
      'fr/02-governance.md': (t) =>
        t.replace('# Gouvernance des villes intelligentes et durables', '# Gouvernance des villes'),
    });
    expect(found).toEqual([
      'translation-title-mismatch manuscript/fr/02-governance.md:4 the title "Gouvernance des villes" is not the mandated fr title "Gouvernance des villes intelligentes et durables"; use the mandated title.',
    ]);
  });

  it('reports an untranslated paragraph but not a short name left as it is', async () => {
    const found = await checkFr({
      'fr/02-governance.md': (t) =>
        t
          .replace(
            /\(fr\) Vienna engages[^\n]*/,
            'Vienna engages residents in decisions about the city budget.',
          )
          .replace('(fr) Participatory budgeting', 'Participatory budgeting'),
    });
    expect(found).toEqual([
      'translation-untranslated manuscript/fr/02-governance.md:9 this paragraph is not translated into fr: "Vienna engages residents in decisions about the city budget." (segment ' +
        found[0]!.match(/segment (s[0-9a-f]+)/)![1] +
        ').',
    ]);
  });

  it('reports a translation whose source changed after it was imported, and exports it for revision', async () => {
    const root = copyFixture();
    roots.push(root);
    cpSync(path.join(base, 'manuscript/fr'), path.join(root, 'manuscript/fr'), { recursive: true });
    const abs = path.join(root, 'manuscript/02-governance.md');
    writeFileSync(
      abs,
      readFileSync(abs, 'utf8').replace('Vienna engages residents', 'Vienna involves residents'),
    );
    const result = await check({ cwd: root, lang: 'fr' });
    expect(
      result.diagnostics
        .filter((d) => d.rule.startsWith('translation-'))
        .map((d) => `${d.rule} ${d.file}:${d.line}`),
    ).toEqual(['translation-outdated manuscript/fr/02-governance.md:9']);
    expect(result.diagnostics.find((d) => d.rule === 'translation-outdated')!.message).toMatch(
      /now reads "Vienna involves residents in decisions about the city budget\."/,
    );

    const project = parseProject(loadSources({ cwd: root }));
    const [, , governance] = exportXliff(project, buildLock(project, 'final'), 'fr');
    const unit =
      /<unit id="[^"]+"[^>]*>(?:(?!<\/unit>)[\s\S])*Vienna involves(?:(?!<\/unit>)[\s\S])*<\/unit>/.exec(
        governance!.xml,
      )![0];
    expect(unit).toContain('state="initial"');
    expect(unit).not.toContain('<target>');
    expect(unit).toContain(
      '<note category="previous-translation">The source changed since this translation: (fr) Vienna engages residents',
    );
    // Unchanged segments keep their translation as the target.
    expect(governance!.xml).toContain('<target>(fr) Good governance');
  });

  it('reports a toc entry without a title for the language', async () => {
    const root = copyFixture();
    roots.push(root);
    const yaml = path.join(root, 'manuscript/manuscript.yaml');
    writeFileSync(
      yaml,
      readFileSync(yaml, 'utf8').replace(
        'titles: { fr: Introduction, ru: Введение }',
        'titles: { ru: Введение }',
      ),
    );
    const result = await check({ cwd: root, lang: 'fr' });
    expect(result.diagnostics.filter((d) => d.rule === 'translation-title-mismatch')).toEqual([
      expect.objectContaining({ file: 'manuscript/manuscript.yaml', line: 12 }),
    ]);
  });

  it('refuses a language that manuscript.yaml does not list', async () => {
    await expect(check({ cwd: base, lang: 'de' })).rejects.toThrow(UsageError);
    await expect(check({ cwd: base, lang: 'xx_1' })).rejects.toThrow(/not a language code/);
    // The source's own language is a plain check.
    const english = await check({ cwd: base, lang: 'en' });
    expect(english.project.translation).toBeUndefined();
  });
});
