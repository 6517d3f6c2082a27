// crossref-duplicate: a label is written once in the publication.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/crossref-duplicate.js';
import { chapter, findings, places, runRules } from './domain-fixture.js';

describe('crossref-duplicate', () => {
  it('accepts distinct labels', async () => {
    const result = await runRules(
      {
        chapters: {
          '01-introduction.md': chapter('introduction', '## A {#sec:a}\n\n## B {#sec:b}'),
        },
      },
      [rule],
    );
    expect(findings(result, 'crossref-duplicate')).toEqual([]);
  });

  it('reports every later use of a label, naming the first', async () => {
    const result = await runRules(
      {
        chapters: {
          '01-introduction.md': chapter('introduction', '## A {#sec:a}\n\n## B {#sec:a}'),
          '02-governance.md': chapter('governance', ':::unece-support{#sec:a title="T"}\nX\n:::'),
        },
      },
      [rule],
    );
    const found = findings(result, 'crossref-duplicate');
    expect(places(result, 'crossref-duplicate')).toEqual([
      'manuscript/01-introduction.md:8:1',
      'manuscript/02-governance.md:6:1',
    ]);
    expect(found[0]!.message).toContain('already used by Section 1.1 (01-introduction.md:6)');
    expect(found[0]!.suggestion).toBe('sec:a-2');
    expect(found[0]!.severity).toBe('error');
  });
});
