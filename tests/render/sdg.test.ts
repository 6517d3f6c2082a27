// The :sdg[...] handler: label by context, target text as tooltip and note.
import { describe, expect, it } from 'vitest';
import { sdg } from '../../src/render/handlers/sdg.js';
import { parseChapters, renderWith } from './render-fixture.js';

const TARGET_11_7 =
  'Target 11.7: By 2030, provide universal access to safe, inclusive and accessible, green and public spaces, in particular for women and children, older persons and persons with disabilities';

describe(':sdg[...] rendering', () => {
  const project = parseChapters({
    '01-a.md': [
      '---\nid: a\n---\n# A\n',
      ':sdg[11.7] matters.',
      '',
      'The goal is :sdg[11]; see targets :sdg[11.2] and :sdg[11.7]; Target :sdg[8.6] too.',
      '',
      'Table cell: :sdg[11.3], :sdg[11.a]. Unknown :sdg[11.8].',
    ].join('\n'),
  });
  const html = renderWith(project, 0, 'sdg', sdg);

  it('renders a target with its label and its text as tooltip and footnote-ready note', () => {
    expect(html).toContain(
      `<span class="sdg" data-sdg="11.7" title="${TARGET_11_7}" data-note="${TARGET_11_7}">SDG target 11.7</span> matters.`,
    );
  });

  it('renders a goal as "SDG 11" with the goal title', () => {
    expect(html).toContain(
      'The goal is <span class="sdg" data-sdg="11" title="Goal 11: Make cities and human settlements inclusive, safe, resilient and sustainable"',
    );
    expect(html).toMatch(/>SDG 11<\/span>;/);
  });

  it('renders only the number where the words already say "target", and in lists', () => {
    expect(html).toMatch(
      /targets <span [^>]*data-sdg="11.2"[^>]*>11.2<\/span> and <span [^>]*>11.7<\/span>/,
    );
    expect(html).toMatch(/Target <span [^>]*data-sdg="8.6"[^>]*>8.6<\/span> too/);
    expect(html).toMatch(/>SDG target 11.3<\/span>, <span [^>]*data-sdg="11.a"[^>]*>11.a<\/span>/);
  });

  it('keeps an unknown id as written', () => {
    expect(html).toContain('Unknown <span class="sdg sdg-unknown">11.8</span>.');
  });

  it('uses the edition words when the build gives them', () => {
    const fr = renderWith(project, 0, 'sdg', sdg, {
      i18n: {
        t: (key: string, vars?: Record<string, string>) =>
          key === 'sdg-target' ? `cible ${vars!.id} des ODD` : key,
      },
    } as never);
    expect(fr).toContain('>cible 11.7 des ODD</span> matters.');
  });
});
