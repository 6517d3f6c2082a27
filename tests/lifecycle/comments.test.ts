// flagship comments: every review comment with file:line, reviewer and status; the --by and --open filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../src/core/load.js';
import { parseProject } from '../../src/core/parse.js';
import {
  collectComments,
  filterComments,
  type ReviewComment,
} from '../../src/lifecycle/comments.js';
import { copyFixture, edit, flagship, remove } from './helpers.js';

let dir: string;
let all: ReviewComment[];
beforeAll(() => {
  dir = copyFixture();
  // A comment in code is not a comment; one in front matter is.
  edit(
    dir,
    'manuscript/03-conclusions.md',
    'TBD: final',
    'Write `:comment[not one]{by="X"}` as code. TBD: final',
  );
  edit(
    dir,
    'manuscript/front/01-abbreviations.md',
    '# Abbreviations and acronyms',
    '# Abbreviations and acronyms\n\nList.:comment[Add ICT]{by="Editor"}',
  );
  all = collectComments(parseProject(loadSources({ cwd: dir })));
});
afterAll(() => remove(dir));

describe('collectComments', () => {
  it('finds every comment with its place, chapter, reviewer, status and text', () => {
    expect(all).toEqual([
      {
        file: 'manuscript/front/01-abbreviations.md',
        line: 3,
        column: 6,
        chapter: 'abbreviations',
        by: 'Editor',
        open: true,
        text: 'Add ICT',
      },
      {
        file: 'manuscript/01-introduction.md',
        line: 16,
        column: 35,
        chapter: 'introduction',
        by: 'UNECE/FPM',
        open: true,
        text: 'Cite the 2019 profile too',
      },
      {
        file: 'manuscript/02-governance.md',
        line: 7,
        column: 17,
        chapter: 'governance',
        by: 'Expert group',
        open: true,
        text: 'Define governance here',
      },
      {
        file: 'manuscript/02-governance.md',
        line: 17,
        column: 1,
        chapter: 'governance',
        by: 'UNECE/FPM',
        open: false,
        text: 'Add an example from Tallinn',
      },
    ]);
  });

  it('--open keeps the open ones', () => {
    expect(filterComments(all, { open: true }).map((c) => c.text)).toEqual([
      'Add ICT',
      'Cite the 2019 profile too',
      'Define governance here',
    ]);
  });

  it('--by matches part of the name, case-insensitively, and combines with --open', () => {
    expect(filterComments(all, { by: 'fpm' }).map((c) => c.line)).toEqual([16, 17]);
    expect(filterComments(all, { by: 'FPM', open: true }).map((c) => c.line)).toEqual([16]);
    expect(filterComments(all, { by: 'expert GROUP' }).map((c) => c.chapter)).toEqual([
      'governance',
    ]);
    expect(filterComments(all, { by: 'nobody' })).toEqual([]);
  });
});

describe('flagship comments', () => {
  it('prints file:line:column, status, reviewer and text, then a count', () => {
    const run = flagship(dir, 'comments', '--by', 'fpm');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'manuscript/01-introduction.md:16:35  open      UNECE/FPM: Cite the 2019 profile too',
        'manuscript/02-governance.md:17:1  resolved  UNECE/FPM: Add an example from Tallinn',
        '2 comments (1 open) of 4',
        '',
      ].join('\n'),
    );
  });

  it('--open --format json prints the open comments as JSON', () => {
    const run = flagship(dir, 'comments', '--open', '--format', 'json');
    const parsed = JSON.parse(run.stdout) as ReviewComment[];
    expect(parsed.map((c) => c.by)).toEqual(['Editor', 'UNECE/FPM', 'Expert group']);
    expect(parsed.every((c) => c.open)).toBe(true);
  });
});
