import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

const yaml = (edit: (t: string) => string) => ({ 'manuscript/manuscript.yaml': edit });

describe('config-invalid', () => {
  it('accepts the fixture configuration', async () => {
    expect(ofRule(await checkProject('valid'), 'config-invalid')).toEqual([]);
  });

  it('reports YAML syntax errors at their line', async () => {
    const result = await checkProject(
      'valid',
      yaml((t) => t.replace('version: 0.3.0', 'version: [0.3.0')),
    );
    const [d] = ofRule(result, 'config-invalid');
    expect(d!.line).toBeGreaterThanOrEqual(8);
    expect(result.ok).toBe(false);
  });

  it.each([
    ['version: 0.3.0', 'version: three', 8, 'semantic version'],
    ['draft: first', 'draft: fourth', 9, 'first, second, final'],
    ['first: { due: 2020-01-31 }', 'first: { due: 31/01/2020 }', 19, 'YYYY-MM-DD'],
    ['  - id: governance', '  - id: Governance!', 15, 'lowercase'],
  ])('reports %s -> %s at line %i', async (from, to, line, text) => {
    const result = await checkProject(
      'valid',
      yaml((t) => t.replace(from, to)),
    );
    const [d] = ofRule(result, 'config-invalid');
    expect(d!.line).toBe(line);
    expect(d!.message).toContain(text);
    expect(d!.severity).toBe('error');
  });

  it('reports a missing manuscript.yaml', async () => {
    const result = await checkProject('valid', { 'manuscript/manuscript.yaml': null });
    expect(where(ofRule(result, 'config-invalid')[0]!)).toBe('manuscript/manuscript.yaml:1:1');
  });

  it('reports a bibliography path that does not exist at its key', async () => {
    const result = await checkProject(
      'valid',
      yaml((t) => t.replace('../references.bib', '../nope.bib')),
    );
    expect(where(ofRule(result, 'bib-missing')[0]!)).toBe('manuscript/manuscript.yaml:10:1');
  });
});
