// The change report between two parsed versions, without git: what each kind of edit is reported as.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../src/core/load.js';
import { parseProject } from '../../src/core/parse.js';
import type { Project } from '../../src/core/types.js';
import { compareProjects, info, type ChangeReport } from '../../src/lifecycle/compare.js';
import { mergeTrees } from '../../src/lifecycle/merge.js';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { remove } from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(remove));

const YAML = `title: T
version: 0.1.0
draft: first
bibliography: ../refs.bib
toc:
  - id: one
    title: One
  - id: two
    title: Two
`;

/** A manuscript from chapter texts (file name -> Markdown), parsed. */
function project(chapters: Record<string, string>): Project {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flagship-compare-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'manuscript'));
  writeFileSync(path.join(dir, 'manuscript/manuscript.yaml'), YAML);
  writeFileSync(path.join(dir, 'refs.bib'), '');
  for (const [name, text] of Object.entries(chapters))
    writeFileSync(path.join(dir, 'manuscript', name), text);
  return parseProject(loadSources({ cwd: dir }));
}

function compare(a: Record<string, string>, b: Record<string, string>): ChangeReport {
  const before = project(a);
  const after = project(b);
  return compareProjects(before, after, info('a', 'git', before), info('b', 'working', after));
}

const chapter = (id: string, body: string) =>
  `---\nid: ${id}\n---\n# ${id === 'one' ? 'One' : 'Two'}\n\n${body}\n`;

const ONE = chapter(
  'one',
  [
    'First paragraph about cities and their residents.',
    '',
    '## Context {#sec:context}',
    '',
    'Context paragraph with a citation [@a] and more words here.',
    '',
    '## Method',
    '',
    'Method paragraph explaining the approach taken in detail.',
    '',
    ':::good-practice{#box:vienna country=AUT city="Vienna" title="Vienna"}',
    'Vienna engages residents.',
    ':::',
    '',
    ':::unece-support{title="Profiles"}',
    'Profiles of cities.',
    ':::',
    '',
    ':::recommendations',
    '1. Plan for all ages.',
    '2. Measure progress.',
    ':::',
  ].join('\n'),
);

describe('compareProjects', () => {
  it('reports nothing for identical versions', () => {
    const report = compare({ '01-one.md': ONE }, { '01-one.md': ONE });
    expect(report.chapters.map((c) => c.status)).toEqual(['unchanged']);
    expect(report.totals.chaptersChanged).toBe(0);
  });

  it('paragraphs added and removed, not changed, when they share too few words', () => {
    const edited = ONE.replace(
      'Method paragraph explaining the approach taken in detail.',
      'A wholly different statement.',
    );
    const c = compare({ '01-one.md': ONE }, { '01-one.md': edited }).chapters[0]!;
    expect(c.paragraphs.changed).toEqual([]);
    expect(c.paragraphs.added.map((p) => p.text)).toEqual(['A wholly different statement.']);
    expect(c.paragraphs.removed.map((p) => p.text)).toEqual([
      'Method paragraph explaining the approach taken in detail.',
    ]);
  });

  it('sections added, removed and renamed (same id, new text)', () => {
    const edited = ONE.replace('## Context {#sec:context}', '## Background {#sec:context}').replace(
      '## Method\n\nMethod paragraph explaining the approach taken in detail.\n',
      '## Outlook\n\nOutlook text.\n',
    );
    const c = compare({ '01-one.md': ONE }, { '01-one.md': edited }).chapters[0]!;
    expect(c.sections.renamed.map((s) => [s.from, s.title])).toEqual([['Context', 'Background']]);
    expect(c.sections.added.map((s) => s.title)).toEqual(['Outlook']);
    expect(c.sections.removed.map((s) => s.title)).toEqual(['Method']);
    expect(c.sections.moved).toEqual([]);
  });

  it('boxes removed and changed: attributes and text', () => {
    const edited = ONE.replace(
      ':::unece-support{title="Profiles"}\nProfiles of cities.\n:::\n',
      '',
    ).replace(
      'city="Vienna" title="Vienna"}\nVienna engages residents.',
      'city="Wien" title="Vienna"}\nVienna engages all residents.',
    );
    const c = compare({ '01-one.md': ONE }, { '01-one.md': edited }).chapters[0]!;
    expect(c.boxes.removed).toEqual([
      { name: 'unece-support', title: 'Profiles', line: expect.any(Number) },
    ]);
    expect(c.boxes.changed).toHaveLength(1);
    const [box] = c.boxes.changed;
    expect(box).toMatchObject({
      name: 'good-practice',
      label: 'box:vienna',
      attributes: [{ name: 'city', from: 'Vienna', to: 'Wien' }],
    });
    expect(box!.redline!.filter((p) => p.added).map((p) => p.value)).toEqual(['all ']);
  });

  it('recommendations added and removed', () => {
    const edited = ONE.replace(
      '2. Measure progress.',
      '2. Share good practices across the region.',
    );
    const c = compare({ '01-one.md': ONE }, { '01-one.md': edited }).chapters[0]!;
    expect(c.recommendations.added.map((r) => r.text)).toEqual([
      'Share good practices across the region.',
    ]);
    expect(c.recommendations.removed.map((r) => r.text)).toEqual(['Measure progress.']);
    expect(c.recommendations.changed).toEqual([]);
  });

  it('citations added and removed per chapter', () => {
    const edited = ONE.replace('[@a]', '[@b; @c]');
    const c = compare({ '01-one.md': ONE }, { '01-one.md': edited }).chapters[0]!;
    expect(c.citations).toEqual({ added: ['b', 'c'], removed: ['a'] });
  });

  it('chapters added and removed, and a section that moved between chapters', () => {
    const withoutContext = ONE.replace(
      '## Context {#sec:context}\n\nContext paragraph with a citation [@a] and more words here.\n',
      '',
    );
    const two = chapter(
      'two',
      '## Context {#sec:context}\n\nContext paragraph with a citation [@a] and more words here.',
    );
    const forward = compare(
      { '01-one.md': ONE },
      { '01-one.md': withoutContext, '02-two.md': two },
    );
    expect(forward.chapters.map((c) => [c.id, c.status])).toEqual([
      ['one', 'changed'],
      ['two', 'added'],
    ]);
    const added = forward.chapters[1]!;
    expect(added.sections.moved).toMatchObject([{ title: 'Context', fromChapter: 'one' }]);
    expect(forward.chapters[0]!.sections.removed).toEqual([]);
    const back = compare({ '01-one.md': ONE, '02-two.md': two }, { '01-one.md': ONE });
    expect(back.chapters.map((c) => [c.id, c.status])).toEqual([
      ['one', 'unchanged'],
      ['two', 'removed'],
    ]);
    expect(back.chapters[1]!.words.before).toBeGreaterThan(0);
  });
});

describe('mergeTrees (the redline document)', () => {
  const html = (a: string, b: string) => {
    const before = project({ '01-one.md': a }).chapters[0]!.tree;
    const after = project({ '01-one.md': b }).chapters[0]!.tree;
    return toHtml(
      toHast(mergeTrees(before, after), {
        handlers: {
          cite: (_s: unknown, n: { raw: string }) => ({ type: 'text', value: n.raw }),
        } as never,
      }),
    );
  };

  it('marks words inside a changed paragraph and keeps its emphasis', () => {
    const out = html(
      chapter('one', 'Cities are *very* old places.'),
      chapter('one', 'Cities are *very* ancient places.'),
    );
    expect(out).toContain(
      '<p>Cities are <em>very</em> <del class="fs-del">old</del><ins class="fs-ins">ancient</ins> places.</p>',
    );
  });

  it('puts a removed paragraph back where it was, and wraps an added one', () => {
    const out = html(
      chapter(
        'one',
        'Alpha paragraph stays.\n\nBeta paragraph goes away now.\n\nGamma paragraph stays too.',
      ),
      chapter(
        'one',
        'Alpha paragraph stays.\n\nGamma paragraph stays too.\n\nDelta is wholly new here.',
      ),
    );
    expect(out.indexOf('Alpha')).toBeLessThan(out.indexOf('<div class="fs-deleted"><p>Beta'));
    expect(out.indexOf('Beta')).toBeLessThan(out.indexOf('Gamma'));
    expect(out).toContain('<div class="fs-inserted"><p>Delta is wholly new here.</p></div>');
  });

  it('marks a changed list item inside the list', () => {
    const out = html(
      chapter('one', '1. Plan for all ages.\n2. Measure progress.'),
      chapter('one', '1. Plan for all ages.\n2. Measure progress yearly.'),
    );
    expect(out).toMatch(/<li>Measure progress<ins class="fs-ins"> yearly<\/ins>\.<\/li>/);
  });
});
