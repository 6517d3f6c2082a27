/**
 * XLIFF 2.0 export and import: the structure validates (flagship's structural
 * validator of the core specification, and xmllint for well-formedness), the
 * round trip is lossless on the shipped manuscript, and import reports
 * untranslated units, broken inline codes and ids that do not exist.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../src/core/load.js';
import { parseProject } from '../../src/core/parse.js';
import { buildLock } from '../../src/translation/lock.js';
import { exportXliff } from '../../src/translation/xliff-export.js';
import { importXliff } from '../../src/translation/xliff-import.js';
import { readXliff } from '../../src/translation/xliff-read.js';
import { copyFixture, copyShipped, fillTargets } from '../helpers/translation.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function load(root: string) {
  return parseProject(loadSources({ cwd: root }));
}

/** Export every XLIFF document of a project copy into root/xliff; returns their paths. */
function exportTo(root: string, lang: string, single = false): string[] {
  const project = load(root);
  const docs = exportXliff(project, buildLock(project, 'final'), lang, { single });
  mkdirSync(path.join(root, 'xliff'), { recursive: true });
  return docs.map((d) => {
    const file = path.join(root, 'xliff', d.name);
    writeFileSync(file, d.xml);
    return file;
  });
}

function rewrite(file: string, fn: (xml: string) => string) {
  writeFileSync(file, fn(readFileSync(file, 'utf8')));
}

describe('XLIFF export', () => {
  const root = copyFixture();
  roots.push(root);
  const files = exportTo(root, 'fr');

  it('writes one XLIFF 2.0 document per chapter and front matter file', () => {
    expect(files.map((f) => path.basename(f))).toEqual([
      'front-01-foreword.fr.xlf',
      '01-introduction.fr.xlf',
      '02-governance.fr.xlf',
    ]);
    const xml = readFileSync(files[1]!, 'utf8');
    expect(xml).toContain(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">',
    );
    expect(xml).toContain('<file id="f-introduction" original="01-introduction.md">');
  });

  it('validates: well-formed (xmllint) and conforming to the XLIFF 2.0 core structure', () => {
    const lint = spawnSync('xmllint', ['--noout', ...files], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    for (const f of files) expect(readXliff(readFileSync(f, 'utf8')).problems).toEqual([]);
  });

  it('uses the lock ids as unit ids and protects codes so they cannot be deleted or copied', () => {
    const project = load(root);
    const lock = buildLock(project, 'final');
    const ids = lock.files.find((f) => f.path === '01-introduction.md')!.segments!.map((s) => s.id);
    const read = readXliff(readFileSync(files[1]!, 'utf8'));
    expect(read.files[0]!.units.map((u) => u.id)).toEqual(ids);
    const xml = readFileSync(files[1]!, 'utf8');
    expect(xml).toMatch(
      /<ph id="1" dataRef="d1" type="other" subType="flagship:cite" disp="\[@unece2015; @itu2016, p\. 4\]"[^>]* canCopy="no" canDelete="no"\/>/,
    );
    expect(xml).toContain('<data id="d1">[@unece2015; @itu2016, p. 4]</data>');
    expect(xml).toMatch(/subType="flagship:xref" disp="@box:barcelona"/);
    expect(xml).toMatch(/subType="flagship:directive" disp=":sdg\[11\.7\]"/);
    expect(xml).toMatch(/subType="flagship:footnote" disp="\[\^1\]"/);
    expect(xml).toMatch(
      /<pc id="\d+"[^>]*type="link" dispStart="\[" dispEnd="\]\(https:\/\/u4ssc\.itu\.int &quot;U4SSC&quot;\)"[^>]*>U4SSC initiative<\/pc>/,
    );
    expect(xml).toMatch(/subType="xlf:i" dispStart="\*" dispEnd="\*"[^>]*>innovative<\/pc>/);
  });

  it('gives context notes: chapter, box, kind and place in the source', () => {
    const xml = readFileSync(files[1]!, 'utf8');
    expect(xml).toContain(
      '<note category="context">Chapter 1 "Introduction"; good-practice box "Open data platform" (Barcelona, ESP); box-title</note>',
    );
    expect(xml).toMatch(/<note category="location">01-introduction\.md:\d+<\/note>/);
  });

  it('writes one document for the publication with --single', () => {
    const single = exportTo(copyFixture(), 'ru', true);
    roots.push(path.dirname(path.dirname(single[0]!)));
    expect(single.map((f) => path.basename(f))).toEqual(['manuscript.ru.xlf']);
    const read = readXliff(readFileSync(single[0]!, 'utf8'));
    expect(read.problems).toEqual([]);
    expect(read.files.map((f) => f.original)).toEqual([
      'front/01-foreword.md',
      '01-introduction.md',
      '02-governance.md',
    ]);
  });
});

describe('XLIFF import', () => {
  it('round-trips the shipped manuscript without loss (targets = sources give the source files back)', () => {
    const root = copyShipped();
    roots.push(root);
    const files = exportTo(root, 'ru');
    for (const f of files)
      rewrite(f, (xml) => fillTargets(xml, (_id, source) => ({ target: source, state: 'final' })));
    const project = load(root);
    const result = importXliff(project, files);
    expect(result.issues).toEqual([]);
    expect(result.written.length).toBe(project.chapters.length + project.front.length);
    for (const doc of [...project.chapters, ...project.front]) {
      const rel = path.relative(project.dir, doc.path);
      expect(readFileSync(path.join(project.dir, 'ru', rel), 'utf8'), rel).toBe(doc.text);
    }
  });

  it('writes translated text with the source codes and structure, and keeps earlier translations', () => {
    const root = copyFixture();
    roots.push(root);
    const [, intro] = exportTo(root, 'fr');
    rewrite(intro!, (xml) =>
      fillTargets(xml, (_id, source) =>
        source.startsWith('Barcelona publishes')
          ? { target: 'Barcelone publie des données ouvertes sur un portail public.' }
          : source === 'Open data platform'
            ? { target: 'Plateforme de "données ouvertes"' }
            : source.startsWith('They use')
              ? {
                  target: source
                    .replace('They use ', 'Elles utilisent ')
                    .replace(' to improve ', ' pour améliorer ')
                    .replace('>public services<', '>les services publics<'),
                }
              : undefined,
      ),
    );
    const first = importXliff(load(root), [intro!]);
    expect(first.imported).toBe(3);
    expect(first.issues.filter((i) => i.kind === 'untranslated').length).toBeGreaterThan(10);
    const fr = readFileSync(path.join(root, 'manuscript/fr/01-introduction.md'), 'utf8');
    expect(fr).toContain('Barcelone publie des données ouvertes sur un portail public.');
    expect(fr).toContain('title="Plateforme de &quot;données ouvertes&quot;"');
    expect(fr).toContain('- Elles utilisent `open data` pour améliorer **les services publics**.');
    expect(fr).toContain(':::good-practice{#box:barcelona country=ESP city="Barcelona"');

    // A second import that translates another unit keeps the first translations.
    const [, again] = exportTo(root, 'fr');
    const reexported = readFileSync(again!, 'utf8');
    expect(reexported).toContain(
      '<target>Barcelone publie des données ouvertes sur un portail public.</target>',
    );
    rewrite(again!, (xml) =>
      fillTargets(xml, (_id, source) =>
        source === 'Why cities matter' ? { target: 'Pourquoi les villes comptent' } : undefined,
      ),
    );
    importXliff(load(root), [again!]);
    const fr2 = readFileSync(path.join(root, 'manuscript/fr/01-introduction.md'), 'utf8');
    expect(fr2).toContain('## Pourquoi les villes comptent {#sec:why}');
    expect(fr2).toContain('Barcelone publie des données ouvertes');
  });

  it('reports broken inline codes and does not import those units', () => {
    const root = copyFixture();
    roots.push(root);
    const [, intro] = exportTo(root, 'fr');
    rewrite(intro!, (xml) =>
      fillTargets(xml, (_id, source) => {
        if (source.startsWith('More than half'))
          return { target: source.replace(/<ph id="2"[^>]*\/>/, '') }; // deleted @tbl:kpis
        if (source.startsWith('The initiative'))
          return { target: source.replace(/(<ph id="1"[^>]*\/>)/, '$1 $1') }; // copied citation
        if (source.startsWith('Smart cities'))
          return { target: `${source}<ph id="99" dataRef="d1"/>` }; // a code the source lacks
        return undefined;
      }),
    );
    const result = importXliff(load(root), [intro!]);
    const broken = result.issues.filter((i) => i.kind === 'broken-code');
    expect(broken.map((i) => i.message)).toEqual([
      expect.stringMatching(/the target has a code \(id 99\)/),
      expect.stringMatching(/"@tbl:kpis" \(id 2\) is missing/),
      expect.stringMatching(/"\[-@unece2015\]" \(id 1\) appears 2 times/),
    ]);
    expect(
      broken.every((i) => i.severity === 'error' && /01-introduction\.md:\d+/.test(i.source!)),
    ).toBe(true);
  });

  it('reports ids that do not exist in the source', () => {
    const root = copyFixture();
    roots.push(root);
    const [, intro] = exportTo(root, 'fr');
    rewrite(intro!, (xml) =>
      fillTargets(
        xml.replace(/<unit id="s[0-9a-f]+"/, '<unit id="s000000000000"'),
        (_id, source) => ({ target: source }),
      ),
    );
    const result = importXliff(load(root), [intro!]);
    expect(result.issues.filter((i) => i.kind === 'unknown-id')).toEqual([
      expect.objectContaining({ unit: 's000000000000', severity: 'error' }),
    ]);
  });

  it('refuses a document that is not valid XLIFF 2.0 and names the problem', () => {
    const root = copyFixture();
    roots.push(root);
    const [, intro] = exportTo(root, 'fr');
    rewrite(intro!, (xml) =>
      xml
        .replace('version="2.0"', 'version="1.2"')
        .replace('<source>Introduction</source>', '<target>x</target>'),
    );
    const result = importXliff(load(root), [intro!]);
    expect(result.written).toEqual([]);
    expect(result.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/version must be "2\.0"/),
        expect.stringMatching(/must hold exactly one <source>/),
      ]),
    );
  });
});

describe('XLIFF structural validator', () => {
  const ok = `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
 <file id="f1"><unit id="u1"><originalData><data id="d1">[@a]</data></originalData>
  <segment id="s1" state="translated"><source>A <ph id="1" dataRef="d1"/></source><target>B <ph id="1" dataRef="d1"/></target></segment>
 </unit></file></xliff>`;

  it('accepts a minimal valid document', () => {
    expect(readXliff(ok).problems).toEqual([]);
  });

  it('survives character references and code points out of range without throwing', () => {
    const odd = ok
      .replace('<source>A ', '<source>A &#x110000; &#99999999999; &#65; ')
      .replace('<data id="d1">[@a]</data>', '<data id="d1">[@a]<cp hex="zz"/></data>');
    const read = readXliff(odd);
    expect(read.files[0]!.units[0]!.segments[0]!.source[0]).toEqual({
      t: 'text',
      v: 'A \uFFFD \uFFFD A ',
    });
  });

  it.each([
    ['a wrong namespace', ok.replace('document:2.0', 'document:1.2'), /namespace/],
    ['a missing srcLang', ok.replace(' srcLang="en"', ''), /srcLang/],
    ['a target without trgLang', ok.replace(' trgLang="fr"', ''), /trgLang is required/],
    ['a unit without id', ok.replace('<unit id="u1">', '<unit>'), /`id` is missing/],
    [
      'a dangling dataRef',
      ok.replace('dataRef="d1"/></source>', 'dataRef="d9"/></source>'),
      /names no <data>/,
    ],
    ['a bad state', ok.replace('state="translated"', 'state="done"'), /state="done"/],
    ['a state without target', ok.replace(/<target>.*<\/target>/, ''), /needs a <target>/],
    [
      'an unknown xlf subType',
      ok.replace(
        '<ph id="1" dataRef="d1"/></source>',
        '<ph id="1" dataRef="d1" type="fmt" subType="xlf:zz"/></source>',
      ),
      /not a value XLIFF defines/,
    ],
    ['duplicate inline ids', ok.replace('A <ph', '<ph id="1"/>A <ph'), /not unique/],
    [
      'originalData after segment',
      ok
        .replace(/<originalData>.*<\/originalData>\n/, '')
        .replace('</segment>', '</segment><originalData><data id="d1">x</data></originalData>'),
      /out of order|names no <data>/,
    ],
    ['not well-formed XML', ok.replace('</unit>', ''), /not well-formed/],
    [
      'a <cp> that is not a code point',
      ok.replace('A <ph', '<cp hex="110000"/>A <ph'),
      /hex must be/,
    ],
  ])('rejects %s', (_what, xml, problem) => {
    expect(readXliff(xml).problems.join('\n')).toMatch(problem);
  });
});
