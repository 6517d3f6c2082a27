// figure-source: every :::figure has a Source: line.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/figure-source.js';
import { chapter, findings, places, runRules } from './domain-fixture.js';

describe('figure-source', () => {
  it('accepts Source: and Sources: lines', async () => {
    const body = [
      ':::figure{#fig:a}\nA\n\n![Chart](a.svg)\n\nSource: @x.\n:::',
      ':::figure\nB\n\n![Chart](b.svg)\n\nNote: estimates.\n\nSources: UNECE; ITU.\n:::',
    ].join('\n\n');
    const result = await runRules(
      { chapters: { '01-introduction.md': chapter('introduction', body) } },
      [rule],
    );
    expect(findings(result, 'figure-source')).toEqual([]);
  });

  it('reports a figure without a source at its opening line', async () => {
    const body =
      'Text.\n\n:::figure{#fig:a}\nA\n\n![Chart](a.svg)\n\nNote: the source is missing.\n:::';
    const result = await runRules(
      { chapters: { '01-introduction.md': chapter('introduction', body) } },
      [rule],
      'final',
    );
    const found = findings(result, 'figure-source');
    expect(places(result, 'figure-source')).toEqual(['manuscript/01-introduction.md:8:1']);
    expect(found[0]!.message).toContain('the figure `fig:a` has no source line');
    expect(found[0]!.severity).toBe('error');
  });
});
