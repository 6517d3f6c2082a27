import { describe, expect, it } from 'vitest';
import { checkProject, ofRule } from '../helpers/fixture.js';

describe('toc-order', () => {
  it('accepts chapters in mandated order', async () => {
    expect(ofRule(await checkProject('valid'), 'toc-order')).toEqual([]);
  });

  it('reports the chapter that is out of order, with the file name to use', async () => {
    const result = await checkProject('valid', {
      'manuscript/01-introduction.md': null,
      'manuscript/03-introduction.md': (await import('node:fs')).readFileSync(
        new URL('../fixtures/valid/manuscript/01-introduction.md', import.meta.url),
        'utf8',
      ),
    });
    const found = ofRule(result, 'toc-order');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.file).toMatch(/0[23]-/);
    expect(found[0]!.suggestion).toMatch(/^0[12]-/);
  });
});
