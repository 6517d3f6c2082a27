// End to end on a temporary git repository holding the lifecycle fixture: release a first draft,
// edit chapters (add a box, change a recommendation, move a section, remove a citation), release a
// second draft, then check what `flagship diff` reports and what the redline PDF shows.
// Chromium renders three PDFs in all: one per release and one redline.
import { pdfText, unhyphenate } from '../helpers/text.js';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeReport } from '../../src/lifecycle/compare.js';
import type { Manifest } from '../../src/lifecycle/manifest.js';
import { sha256 } from '../../src/core/source.js';
import { commitAll, edit, fixtureRepo, flagship, git, read, remove, type Run } from './helpers.js';

let dir: string;
let first: Run;
let refusedSecond: Run;
let second: Run;
let report: ChangeReport;
let redlineText: string;
let redlineHtml: string;

const layoutText = (file: string) => pdfText(file, ['-layout']);
const chapter = (id: string) => {
  const found = report.chapters.find((c) => c.id === id);
  if (!found) throw new Error(`no chapter ${id} in the report`);
  return found;
};

beforeAll(() => {
  dir = fixtureRepo();
  first = flagship(dir, 'release', 'first');

  // The second draft, before its edits: governance still lacks its UNECE support box.
  edit(dir, 'manuscript/manuscript.yaml', 'version: 0.1.0', 'version: 0.2.0');
  edit(dir, 'manuscript/manuscript.yaml', 'draft: first', 'draft: second');
  commitAll(dir, 'start the second draft');
  refusedSecond = flagship(dir, 'release', 'second');

  // Edits: add a box, change a recommendation, move a section, remove a citation, reword a paragraph.
  edit(
    dir,
    'manuscript/02-governance.md',
    ':::recommendations',
    ':::unece-support{title="Country profiles on smart cities"}\nUNECE reviews city governance in country profiles.\n:::\n\n:::recommendations',
  );
  edit(
    dir,
    'manuscript/02-governance.md',
    'Publish data openly and protect privacy.',
    'Publish data openly while protecting the privacy of residents.',
  );
  const gov = read(dir, 'manuscript/02-governance.md');
  const participation = gov.slice(
    gov.indexOf('## Participation'),
    gov.indexOf('## Data and trust'),
  );
  const data = gov.slice(gov.indexOf('## Data and trust'), gov.indexOf(':::figure'));
  writeFileSync(
    path.join(dir, 'manuscript/02-governance.md'),
    gov.replace(participation + data, data + participation),
  );
  edit(dir, 'manuscript/01-introduction.md', 'independent [@smith2018].', 'independent.');
  edit(
    dir,
    'manuscript/01-introduction.md',
    'This publication looks at',
    'This publication examines',
  );
  commitAll(dir, 'second draft: expert group edits');
  second = flagship(dir, 'release', 'second');

  const json = flagship(dir, 'diff', 'first-v0.1.0', 'second-v0.2.0', '--format', 'json');
  if (json.code !== 0) throw new Error(`diff failed: ${json.stderr}`);
  report = JSON.parse(json.stdout) as ChangeReport;
  const pdf = flagship(
    dir,
    'diff',
    'first-v0.1.0',
    'second-v0.2.0',
    '--pdf',
    'dist/redline.pdf',
    '--html',
    'dist/redline.html',
  );
  if (pdf.code !== 0) throw new Error(`redline failed: ${pdf.stderr}`);
  redlineText = layoutText(path.join(dir, 'dist/redline.pdf'));
  redlineHtml = unhyphenate(read(dir, 'dist/redline.html'));
}, 300_000); // three PDFs and a dozen CLI runs: generous on a shared 2-core machine
afterAll(() => remove(dir));

describe('flagship release', () => {
  it('records the first draft: PDF, build.json, manifest with the hash of every source, git tag', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Released first-v0.1.0');
    const rel = path.join(dir, 'releases/first-v0.1.0');
    const manifestJson = readFileSync(path.join(rel, 'manifest.json'), 'utf8');
    expect(readFileSync(path.join(rel, 'manifest.json.sha256'), 'utf8')).toBe(
      `${sha256(manifestJson)}  manifest.json\n`,
    );
    const manifest = JSON.parse(manifestJson) as Manifest;
    expect(manifest).toMatchObject({
      name: 'first-v0.1.0',
      draft: 'first',
      version: '0.1.0',
      tag: 'first-v0.1.0',
    });
    expect(git(dir, 'rev-parse', 'first-v0.1.0^{commit}')).toBe(manifest.commit);
    const paths = manifest.sources.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'manuscript/manuscript.yaml',
        'manuscript/01-introduction.md',
        'manuscript/front/01-abbreviations.md',
        'manuscript/figures/participation.svg',
        'references.bib',
        'templates/unece-note.csl',
      ]),
    );
    for (const file of manifest.sources)
      expect(file.sha256, file.path).toBe(
        sha256(execFileSync('git', ['show', `${manifest.commit}:${file.path}`], { cwd: dir })),
      );
    const pdf = readFileSync(path.join(rel, 'first-v0.1.0.pdf'));
    expect(manifest.outputs.find((o) => o.path === 'first-v0.1.0.pdf')?.sha256).toBe(sha256(pdf));
    const build = JSON.parse(readFileSync(path.join(rel, 'build.json'), 'utf8')) as {
      draft: string;
      pdf: { file: string };
    };
    expect(build.draft).toBe('first');
    expect(build.pdf.file).toBe('releases/first-v0.1.0/first-v0.1.0.pdf');
    const text = layoutText(path.join(rel, 'first-v0.1.0.pdf'));
    expect(text).toContain('Governance of SSCs');
    // A first draft shows the open review comments (numbered, listed at the chapter's end), not resolved ones.
    expect(text).toMatch(/C1\.1\s+UNECE\/FPM: Cite the 2019 profile too/);
    expect(text).not.toContain('Add an example from Tallinn');
  });

  it('refuses a draft with errors for that stage (exit 1) and records nothing', () => {
    expect(refusedSecond.code).toBe(1);
    expect(refusedSecond.stdout).toContain('element-missing');
    expect(refusedSecond.stderr).toContain('release refused');
    expect(existsSync(path.join(dir, 'releases/second-v0.1.0'))).toBe(false);
  });

  it('records the second draft once its errors are fixed', () => {
    expect(second.code).toBe(0);
    expect(git(dir, 'tag', '--list')).toBe('first-v0.1.0\nsecond-v0.2.0');
  });

  it('refuses a version already released, a draft manuscript.yaml is not in, and a dirty tree, saying what to do', () => {
    const again = flagship(dir, 'release', 'second');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /version 0\.2\.0 is already released \(as second-v0\.2\.0\); raise `version:`/,
    );
    const other = flagship(dir, 'release', 'final');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(
      'manuscript.yaml says `draft: second`; to release the final draft set `draft: final`',
    );
    edit(dir, 'manuscript/03-conclusions.md', 'Adopt an', 'Adopt a national');
    const dirty = flagship(dir, 'release', 'second');
    expect(dirty.code).toBe(2);
    expect(dirty.stderr).toContain(
      'uncommitted changes (manuscript/03-conclusions.md); commit them',
    );
    execFileSync('git', ['checkout', '--', 'manuscript/03-conclusions.md'], { cwd: dir });
  });
});

describe('flagship diff first-v0.1.0 second-v0.2.0', () => {
  it('reports the added box', () => {
    expect(chapter('governance').boxes.added).toEqual([
      {
        name: 'unece-support',
        title: 'Country profiles on smart cities',
        line: expect.any(Number),
      },
    ]);
  });

  it('reports the changed recommendation with a word-level redline', () => {
    const [rec, ...rest] = chapter('governance').recommendations.changed;
    expect(rest).toEqual([]);
    expect(rec!.number).toBe(2);
    expect(rec!.redline.filter((p) => p.removed).map((p) => p.value.trim())).toEqual([
      'and',
      'protect',
    ]);
    expect(rec!.redline.filter((p) => p.added).map((p) => p.value.trim())).toEqual([
      'while',
      'protecting',
      'the',
      'of residents',
    ]);
  });

  it('reports the moved section, and its paragraphs as unchanged', () => {
    const gov = chapter('governance');
    expect(gov.sections.moved.map((s) => s.title)).toEqual(['Participation']);
    expect(gov.sections.added).toEqual([]);
    expect(gov.sections.removed).toEqual([]);
    expect(gov.paragraphs).toEqual({ changed: [], added: [], removed: [] });
  });

  it('reports the removed citation and the reworded paragraphs of the introduction', () => {
    const intro = chapter('introduction');
    expect(intro.citations).toEqual({ added: [], removed: ['smith2018'] });
    expect(intro.paragraphs.changed).toHaveLength(2);
    const words = intro.paragraphs.changed[1]!.redline;
    expect(words.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(['looks', 'at']);
    expect(words.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['examines']);
    expect(intro.words.after - intro.words.before).toBe(-2); // "looks at" -> "examines", the citation key
    expect(chapter('conclusions').status).toBe('unchanged');
    expect(report.from).toMatchObject({ label: 'first-v0.1.0', kind: 'release', version: '0.1.0' });
    expect(report.to).toMatchObject({
      label: 'second-v0.2.0',
      kind: 'release',
      version: '0.2.0',
      draft: 'second',
    });
  });

  it('prints the same report in the terminal', () => {
    const run = flagship(dir, 'diff', 'first-v0.1.0', 'second-v0.2.0');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('section moved: "Participation"');
    expect(run.stdout).toContain('box added: unece-support "Country profiles on smart cities"');
    expect(run.stdout).toContain(
      'recommendation changed: 2. Publish data openly [-and-]{+while+} [-protect-]{+protecting+}',
    );
    expect(run.stdout).toContain('citations removed: smith2018');
    expect(run.stdout).toMatch(/This publication \[-looks-\]\{\+examines\+\}/);
  });

  it('the HTML redline marks insertions and deletions in the rendered publication', () => {
    expect(redlineHtml).toMatch(
      /<del class="fs-del">and<\/del>\s*<ins class="fs-ins">while<\/ins>/,
    );
    expect(redlineHtml).toMatch(/<div class="fs-inserted">\s*<aside class="box box-unece-support"/);
    expect(redlineHtml).toContain('Section moved (was at line');
  });

  it('the PDF redline shows the summary, the new box, both words of a change and the moved section', () => {
    expect(redlineText).toContain('Summary of changes');
    expect(redlineText).toContain('box added: unece-support "Country profiles on smart cities"');
    expect(redlineText).toContain('Country profiles on smart cities');
    expect(redlineText).toMatch(/Publish data openly and\s*while protect\s*protecting the privacy/);
    expect(redlineText).toMatch(/This publication looks\s*examines at/);
    expect(redlineText).toContain('Section moved');
    expect(redlineText).toMatch(/Redline: first-v0\.1\.0 → second-v0\.2\.0/);
  });
});

describe('flagship diff: versions', () => {
  it('defaults to the last release against the working tree', () => {
    const run = flagship(dir, 'diff');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Changes from release second-v0.2.0');
    expect(run.stdout).toContain('No change in the chapters.');
  });

  it('reads git refs and the working tree', () => {
    edit(dir, 'manuscript/03-conclusions.md', 'Adopt an', 'Adopt a national');
    const run = flagship(dir, 'diff', 'HEAD~1', 'working');
    execFileSync('git', ['checkout', '--', 'manuscript/03-conclusions.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Changes from HEAD~1 at');
    expect(run.stdout).toContain(
      'recommendation changed: 1. Adopt [-an-]{+a+} {+national +}age-friendly',
    );
    expect(run.stdout).toContain('section moved: "Participation"');
  });

  it('refuses an unknown version and a release whose manifest was changed', () => {
    const unknown = flagship(dir, 'diff', 'no-such-ref');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"no-such-ref" is neither a release nor a git ref');
    const file = path.join(dir, 'releases/first-v0.1.0/manifest.json');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('"draft": "first"', '"draft": "second"'));
    const tampered = flagship(dir, 'diff', 'first-v0.1.0');
    writeFileSync(file, original);
    expect(tampered.code).toBe(2);
    expect(tampered.stderr).toContain('does not match its SHA-256');
  });
});
