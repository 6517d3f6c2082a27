// box-country: a good-practice box names a UNECE member State by its ISO alpha-3 code.
import { describe, expect, it } from 'vitest';
import { memberStates } from '../../src/core/reference.js';
import rule from '../../src/rules/box-country.js';
import { chapter, findings, places, runRules } from './domain-fixture.js';

const box = (attrs: string) => `:::good-practice{${attrs} city="X" title="Y"}\nText.\n:::\n`;

describe('box-country', () => {
  it('accepts the alpha-3 code of a member State (2020 and current names alike)', async () => {
    const result = await runRules(
      {
        chapters: {
          '01-introduction.md': chapter(
            'introduction',
            [box('country=ESP'), box('country=TUR'), box('country="KAZ"'), box('country=USA')].join(
              '\n',
            ),
          ),
        },
      },
      [rule],
    );
    expect(findings(result, 'box-country')).toEqual([]);
  });

  it('suggests the code for a name, a former name, a current name or an alpha-2 code', async () => {
    const result = await runRules(
      {
        chapters: {
          '01-introduction.md': chapter(
            'introduction',
            [
              box('country=Spain'), // line 6
              box('country="Czech Republic"'), // line 10
              box('country=Türkiye'), // line 14
              box('country=DE'), // line 18
              box('country="United Kingdom"'), // line 22
              box('country=esp'), // line 26
              box('country="Spian"'), // line 30
            ].join('\n'),
          ),
        },
      },
      [rule],
    );
    const found = findings(result, 'box-country');
    expect(places(result, 'box-country')).toEqual([
      'manuscript/01-introduction.md:6:18',
      'manuscript/01-introduction.md:10:18',
      'manuscript/01-introduction.md:14:18',
      'manuscript/01-introduction.md:18:18',
      'manuscript/01-introduction.md:22:18',
      'manuscript/01-introduction.md:26:18',
      'manuscript/01-introduction.md:30:18',
    ]);
    expect(found.map((d) => d.suggestion)).toEqual([
      'ESP',
      'CZE',
      'TUR',
      'DEU',
      'GBR',
      'ESP',
      'ESP',
    ]);
    expect(found[0]!.message).toContain('write `country=ESP`');
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports a country outside the UNECE region without guessing a code', async () => {
    const result = await runRules(
      {
        chapters: {
          '01-introduction.md': chapter(
            'introduction',
            `${box('country=CHN')}\n${box('country=Japan')}\n:::unece-support{country=GE title="Profile"}\nX\n:::`,
          ),
        },
      },
      [rule],
    );
    const found = findings(result, 'box-country');
    expect(places(result, 'box-country')).toEqual([
      'manuscript/01-introduction.md:6:18',
      'manuscript/01-introduction.md:10:18',
      'manuscript/01-introduction.md:14:18',
    ]);
    expect(found[0]!.message).toContain('`country=CHN` is not a UNECE member State');
    expect(found.map((d) => d.suggestion)).toEqual([undefined, undefined, 'GEO']);
  });
});

describe('box-country over the whole list', () => {
  it('accepts every member State code and suggests it for every name and alpha-2 code', async () => {
    const states = memberStates();
    const ok = states.map((s) => box(`country=${s.iso3}`)).join('\n');
    const named = states
      .flatMap((s) => [
        box(`country="${s.name}"`),
        box(`country="${s.currentName}"`),
        box(`country=${s.iso2}`),
      ])
      .join('\n');
    const result = await runRules(
      {
        chapters: {
          '01-introduction.md': chapter('introduction', ok),
          '02-governance.md': chapter('governance', named),
        },
      },
      [rule],
    );
    const found = findings(result, 'box-country');
    expect(found.every((d) => d.file === 'manuscript/02-governance.md')).toBe(true);
    expect(found.map((d) => d.suggestion)).toEqual(states.flatMap((s) => [s.iso3, s.iso3, s.iso3]));
  });
});
