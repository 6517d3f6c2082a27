import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

describe('frontmatter-invalid', () => {
  it('accepts valid front matter', async () => {
    expect(ofRule(await checkProject('valid'), 'frontmatter-invalid')).toEqual([]);
  });

  it('reports invalid YAML at the line inside the file', async () => {
    const result = await checkProject('valid', {
      'manuscript/01-introduction.md': (t) =>
        t.replace('authors: [Jane Doe]', 'authors: [Jane Doe'),
    });
    const [d] = ofRule(result, 'frontmatter-invalid');
    expect(d!.file).toBe('manuscript/01-introduction.md');
    expect(d!.line).toBeGreaterThanOrEqual(2);
    expect(d!.line).toBeLessThanOrEqual(4);
    expect(d!.severity).toBe('error');
  });

  it('reports a chapter without front matter and suggests the id from its title', async () => {
    const result = await checkProject('valid', {
      'manuscript/02-governance.md': (t) => t.replace(/^---\nid: governance\n---\n/, ''),
    });
    const [d] = ofRule(result, 'frontmatter-invalid');
    expect(where(d!)).toBe('manuscript/02-governance.md:1:1');
    expect(d!.suggestion).toBe('governance');
  });

  it('reports authors that are not a list', async () => {
    const result = await checkProject('valid', {
      'manuscript/01-introduction.md': (t) => t.replace('authors: [Jane Doe]', 'authors: 42'),
    });
    expect(ofRule(result, 'frontmatter-invalid')[0]!.message).toContain('`authors`');
  });
});
