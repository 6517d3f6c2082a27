/**
 * Regression tests for crashes and slow paths the fuzzing and large-input
 * tests found in the check path; each names the input that broke it.
 */
import { describe, expect, it } from 'vitest';
import { scanCitations } from '../../src/core/syntax/citations.js';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

describe('front matter that parses but cannot be resolved', () => {
  it('reports an alias to an unset anchor instead of throwing', async () => {
    // Found by fuzz-project: yaml's toJSON threw "Unresolved alias" out of the parse stage.
    const result = await checkProject('valid', { 'manuscript/03-extra.md': '---\n*anchor\n---\n' });
    const [d] = ofRule(result, 'frontmatter-invalid');
    expect(where(d!)).toBe('manuscript/03-extra.md:2:1');
    expect(d!.message).toContain('Unresolved alias');
  });

  it('reports an alias bomb (exponential expansion) instead of expanding it', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
    ])
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    const result = await checkProject('valid', {
      'manuscript/03-extra.md': `---\n${bomb.join('\n')}\n---\n# Extra\n`,
    });
    const [d] = ofRule(result, 'frontmatter-invalid');
    expect(d!.message).toMatch(/alias/i);
  });
});

describe('bib-parse-error location', () => {
  it('points at the line of an entry when no @string macro precedes it', async () => {
    // Found by fuzz-project: the error was placed one line below the entry (line 2 of a 1-line file).
    const result = await checkProject('valid', { 'references.bib': '@book{itu2016,*}' });
    const [d] = ofRule(result, 'bib-parse-error');
    expect(where(d!)).toBe('references.bib:1:15');
  });

  it('points at the line inside the entry, with or without macros', async () => {
    const entry = '@book{bad2020,\n  title = ,\n}\n';
    const plain = await checkProject('valid', { 'references.bib': `\n\n${entry}` });
    expect(ofRule(plain, 'bib-parse-error')[0]!.line).toBe(4);
    const macros = await checkProject('valid', {
      'references.bib': `@string{un = "United Nations"}\n\n${entry}`,
    });
    expect(ofRule(macros, 'bib-parse-error')[0]!.line).toBe(4);
  });
});

describe('citation scanning stays linear', () => {
  it('scans a 100,000-character unclosed `[@a @a ...` line', () => {
    // Was quadratic (regex backtracking): about 9 s for this line; now a few milliseconds.
    const line = `[${'@a '.repeat(33_333)}`;
    const found = scanCitations(line);
    expect(found).toHaveLength(33_333);
    expect(found.every((f) => f.node.type === 'cite')).toBe(true);
  });

  it('keeps bracketed and narrative citations apart on a line with thousands of both', () => {
    // Was quadratic: every narrative match was compared with every bracketed span.
    const found = scanCitations('[@a] @b '.repeat(10_000));
    expect(found).toHaveLength(20_000);
    const kinds = found.map((f) => (f.node.type === 'cite' ? f.node.mode : f.node.type));
    expect(kinds.filter((k) => k === 'parenthetical')).toHaveLength(10_000);
    expect(kinds.filter((k) => k === 'narrative')).toHaveLength(10_000);
    expect(found.map((f) => f.start).slice(0, 4)).toEqual([0, 5, 8, 13]);
  });
});

describe('a BibTeX key that is not a plain key', () => {
  it('is a bib-parse-error at the entry, not a silently dropped entry', async () => {
    // Found by npm run fuzz (seed 650069712): `u{\euro}nece2015` split as `u` and dropped.
    const result = await checkProject('valid', {
      'references.bib': (t) => t.replace('@book{unece2015,', '@book{u{\\euro}nece2015,'),
    });
    const [d] = ofRule(result, 'bib-parse-error');
    expect(where(d!)).toBe('references.bib:1:1');
    expect(d!.message).toContain('not a plain BibTeX key');
  });
});

describe('a recommendations summary inside a recommendation', () => {
  it('renders once instead of containing itself without end (stack overflow)', async () => {
    // Found by npm run fuzz (render property, seed 715650971).
    const { renderStage } = await import('../../src/render/stages.js');
    const result = await checkProject('valid', {
      'manuscript/01-introduction.md': (t) =>
        t.replace('1. Do this.', '1. Do this.\n\n   ::recommendations-summary\n'),
    });
    const rendered = renderStage({
      project: result.project,
      stage: result.stage,
      lang: 'en',
      values: {},
      stamp: '',
    });
    // Each summary table is whole and holds no summary table of its own.
    const starts = [...rendered.print.matchAll(/<table class="recommendations-summary"/g)];
    expect(starts.length).toBeGreaterThan(0);
    for (const start of starts) {
      const table = rendered.print.slice(
        start.index + 1,
        rendered.print.indexOf('</table>', start.index),
      );
      expect(table).not.toContain('<table class="recommendations-summary"');
    }
    expect(rendered.print).toContain('Do this.');
  });
});
