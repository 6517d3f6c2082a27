// box-attributes: good-practice boxes have country, city and title; unece-support boxes a title.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/box-attributes.js';
import { chapter, findings, places, runRules } from './domain-fixture.js';

describe('box-attributes', () => {
  it('accepts complete boxes', async () => {
    const result = await runRules(
      {
        chapters: {
          '01-introduction.md': chapter(
            'introduction',
            ':::good-practice{#box:a country=ESP city="Barcelona" title="Open data"}\nX\n:::\n\n:::unece-support{title="U4SSC"}\nY\n:::\n\n:::recommendations\n1. Z\n:::',
          ),
        },
      },
      [rule],
    );
    expect(findings(result, 'box-attributes')).toEqual([]);
  });

  it('reports each box missing attributes, with what to add', async () => {
    const result = await runRules(
      {
        chapters: {
          '01-introduction.md': chapter(
            'introduction',
            ':::good-practice{country=ESP}\nX\n:::\n\n:::good-practice{country=ESP city="" title="T"}\nX\n:::\n\n:::unece-support\nY\n:::',
          ),
        },
      },
      [rule],
      'first',
    );
    const found = findings(result, 'box-attributes');
    expect(places(result, 'box-attributes')).toEqual([
      'manuscript/01-introduction.md:6:1',
      'manuscript/01-introduction.md:10:1',
      'manuscript/01-introduction.md:14:1',
    ]);
    expect(found.map((d) => d.suggestion)).toEqual([
      'city="Barcelona" title="Open data platform"',
      'city="Barcelona"',
      'title="Open data platform"',
    ]);
    expect(found[0]!.message).toContain('has no `city`, `title`');
    expect(found[0]!.severity).toBe('warning');
  });
});
