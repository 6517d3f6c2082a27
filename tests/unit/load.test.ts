import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../src/core/load.js';
import { makeProject } from '../helpers/fixture.js';

describe('load stage', () => {
  it('reads chapters in NN- order and front matter from front/', () => {
    const root = makeProject('valid');
    const sources = loadSources({ cwd: root });
    expect(sources.chapters.map((c) => c.file.path)).toEqual([
      'manuscript/01-introduction.md',
      'manuscript/02-governance.md',
    ]);
    expect(sources.front.map((c) => c.file.path)).toEqual(['manuscript/front/01-foreword.md']);
    rmSync(root, { recursive: true });
  });

  it('sorts chapter numbers numerically, not as text', () => {
    const root = makeProject('valid', {
      'manuscript/10-late.md': '# Late\n',
      'manuscript/9-early.md': '# Early\n',
    });
    const names = loadSources({ cwd: root }).chapters.map((c) => c.file.path.split('/').pop());
    expect(names).toEqual(['01-introduction.md', '02-governance.md', '9-early.md', '10-late.md']);
    rmSync(root, { recursive: true });
  });

  it('takes the chapter and front matter directories from manuscript.yaml', () => {
    const root = makeProject('valid', {
      'manuscript/manuscript.yaml': (t) => `${t}chapters: chapters\nfront: preliminaries\n`,
      'manuscript/chapters/01-introduction.md': '---\nid: introduction\n---\n# Introduction\n',
      'manuscript/preliminaries/01-preface.md': '# Preface\n',
    });
    const sources = loadSources({ cwd: root });
    expect(sources.chapters.map((c) => c.file.path)).toEqual([
      'manuscript/chapters/01-introduction.md',
    ]);
    expect(sources.front.map((c) => c.file.path)).toEqual([
      'manuscript/preliminaries/01-preface.md',
    ]);
    rmSync(root, { recursive: true });
  });
});
