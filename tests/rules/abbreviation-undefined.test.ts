// abbreviation-undefined: abbreviations are listed or defined at first use.
import { describe, expect, it } from 'vitest';
import { abbreviationKey, expansionBefore, isAbbreviation } from '../../src/rules/abbreviations.js';
import rule from '../../src/rules/abbreviation-undefined.js';
import { chapter, findings, places, runRules } from './domain-fixture.js';

const LIST = `# Abbreviations\n\n| Abbreviation | Meaning |\n|---|---|\n| ICT | information and communication technology |\n| UN DESA | United Nations Department of Economic and Social Affairs |\n| UN-Habitat | United Nations Human Settlements Programme |\n`;

describe('abbreviations', () => {
  it('tells abbreviations from other words in capitals', () => {
    for (const word of ['SSC', 'SSCs', 'U4SSC', 'R&D', 'ITU-T', 'PhD', 'IoT'])
      expect(isAbbreviation(word), word).toBe(true);
    for (const word of ['II', 'XIV', 'MW', 'CO2', 'TODO', 'Wi-Fi', 'McKinsey', 'Europe', 'A'])
      expect(isAbbreviation(word), word).toBe(false);
    expect(abbreviationKey('SSCs')).toBe('SSC');
    expect(abbreviationKey('SSC(s)')).toBe('SSC');
    expect(abbreviationKey('ICT')).toBe('ICT');
  });

  it('finds the expansion before a definition from the initials', () => {
    expect(expansionBefore('Progress is measured with key performance indicators', 'KPIs')).toBe(
      'key performance indicators',
    );
    expect(expansionBefore('the United Nations Economic Commission for Europe', 'UNECE')).toBe(
      'United Nations Economic Commission for Europe',
    );
    expect(expansionBefore('joined United for Smart Sustainable Cities', 'U4SSC')).toBe(
      'United for Smart Sustainable Cities',
    );
    expect(expansionBefore('a city-level thing', 'CLT')).toBe('city-level thing');
    expect(expansionBefore('figures from the report', 'UNECE')).toBeUndefined();
  });
});

describe('abbreviation-undefined', () => {
  it('accepts listed abbreviations, definitions at first use and non-abbreviations', async () => {
    const body = [
      'Smart sustainable cities (SSCs) use ICTs. Each SSC is different.', // 6
      'The United Nations Economic Commission for Europe (UNECE) and UN DESA agree; UN-Habitat too.', // 7
      'U4SSC (United for Smart Sustainable Cities) is a platform. See Annex II and 5 MW of CO2 and NO₂.', // 8
      'Code `XYZ` and the link <https://ABC.example.org> and [@KEY2020] are not text.', // 9
      'THIS HEADING IS SET IN CAPITALS. The KPI code EC: ICT: ICT: 1C is a code. 1. B AC KG R OUND', // 10
    ].join('\n');
    const result = await runRules(
      {
        chapters: { '01-introduction.md': chapter('introduction', `## The SSC idea\n\n${body}`) },
        front: { '04-abbreviations.md': `${LIST}| KPI | key performance indicator |\n` },
      },
      [rule],
    );
    expect(findings(result, 'abbreviation-undefined')).toEqual([]);
  });

  it('reports the first undefined use once, and a definition that comes too late', async () => {
    const one = chapter(
      'introduction',
      'The KPIs of U4SSC matter. More KPIs.\n\nNGOs take part.\n\nThe UNECE ITU ICT trio.',
    ); // 6, 8, 10
    const two = chapter(
      'governance',
      'United for Smart Sustainable Cities (U4SSC) again. Key performance indicators (KPIs).',
    );
    const result = await runRules(
      {
        chapters: { '01-introduction.md': one, '02-governance.md': two },
        front: { '04-abbreviations.md': LIST },
      },
      [rule],
    );
    const found = findings(result, 'abbreviation-undefined');
    expect(places(result, 'abbreviation-undefined')).toEqual([
      'manuscript/01-introduction.md:6:5',
      'manuscript/01-introduction.md:6:13',
      'manuscript/01-introduction.md:8:1',
      'manuscript/01-introduction.md:10:5',
      'manuscript/01-introduction.md:10:11',
    ]);
    expect(found[0]!.message).toContain(
      '"KPIs" is used here before it is defined (02-governance.md:6)',
    );
    expect(found.map((d) => d.suggestion)).toEqual([
      'Key performance indicators (KPIs)',
      'United for Smart Sustainable Cities (U4SSC)',
      undefined,
      undefined,
      undefined,
    ]);
    expect(found[2]!.message).toContain('"NGOs" is not defined');
    expect(found[2]!.message).toContain('| NGO | ... |');
    expect(found[0]!.severity).toBe('error');
  });
});
