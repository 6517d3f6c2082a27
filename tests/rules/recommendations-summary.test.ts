// recommendations-summary: the final chapter summarises every chapter's recommendations.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/recommendations-summary.js';
import { chapter, findings, places, runRules } from './domain-fixture.js';

const recs = (...items: string[]) =>
  `:::recommendations\n${items.map((t, i) => `${i + 1}. ${t}`).join('\n')}\n:::`;

const ONE = chapter(
  'introduction',
  recs(
    'Adopt an integrated smart city strategy that covers all ages.',
    'Publish municipal data as open data with clear licences.',
  ),
);
const TWO = chapter(
  'governance',
  recs('Involve residents of all ages in the design of digital public services.'),
);

describe('recommendations-summary', () => {
  it('accepts ::recommendations-summary in the final chapter', async () => {
    const final = chapter('conclusions', 'Summary:\n\n::recommendations-summary');
    const result = await runRules(
      {
        chapters: {
          '01-introduction.md': ONE,
          '02-governance.md': TWO,
          '03-conclusions.md': final,
        },
      },
      [rule],
    );
    expect(findings(result, 'recommendations-summary')).toEqual([]);
  });

  it('accepts a complete hand-written summary', async () => {
    const final = chapter(
      'conclusions',
      [
        '## Summary of recommendations',
        '',
        '- Adopt an integrated smart city strategy covering all ages.',
        '- Publish municipal data as open data, with clear licences.',
        '- Involve residents of all ages in designing digital public services.',
      ].join('\n'),
    );
    const result = await runRules(
      {
        chapters: {
          '01-introduction.md': ONE,
          '02-governance.md': TWO,
          '03-conclusions.md': final,
        },
      },
      [rule],
    );
    expect(findings(result, 'recommendations-summary')).toEqual([]);
  });

  it('reports a forgotten recommendation and an item no chapter makes', async () => {
    const final = chapter(
      'conclusions',
      [
        '## Summary of recommendations', // 6
        '', // 7
        '- Adopt an integrated smart city strategy covering all ages.', // 8
        '- Involve residents of all ages in designing digital public services.', // 9
        '- Build more bicycle lanes in every capital city.', // 10
      ].join('\n'),
    );
    const result = await runRules(
      {
        chapters: {
          '01-introduction.md': ONE,
          '02-governance.md': TWO,
          '03-conclusions.md': final,
        },
      },
      [rule],
    );
    const found = findings(result, 'recommendations-summary');
    expect(places(result, 'recommendations-summary')).toEqual([
      'manuscript/03-conclusions.md:6:1',
      'manuscript/03-conclusions.md:10:1',
    ]);
    expect(found[0]!.message).toContain('leaves out recommendation 1.2 (chapter 1)');
    expect(found[0]!.suggestion).toBe('::recommendations-summary');
    expect(found[1]!.message).toContain(
      '"Build more bicycle lanes in every capital city." is not a recommendation of any chapter',
    );
    expect(found[0]!.severity).toBe('error');
  });

  it('reports a final chapter with no summary, and the directive outside it', async () => {
    const two = `${TWO}\n::recommendations-summary\n`;
    const final = chapter(
      'conclusions',
      recs('A new recommendation of the final chapter on financing.'),
    );
    const result = await runRules(
      {
        chapters: {
          '01-introduction.md': ONE,
          '02-governance.md': two,
          '03-conclusions.md': final,
        },
      },
      [rule],
      'first',
    );
    const found = findings(result, 'recommendations-summary');
    expect(places(result, 'recommendations-summary')).toEqual([
      'manuscript/02-governance.md:10:1',
      'manuscript/03-conclusions.md:4:1',
    ]);
    expect(found[0]!.message).toContain('belongs in the final chapter');
    expect(found[1]!.message).toContain('does not summarise');
    expect(found.map((d) => d.severity)).toEqual(['warning', 'warning']);
  });
});
