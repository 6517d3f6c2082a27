// The ::recommendations-summary handler: every chapter's recommendations, numbered by chapter.
import { describe, expect, it } from 'vitest';
import { recommendationsSummary } from '../../src/render/handlers/recommendations-summary.js';
import { parseChapters, renderWith } from './render-fixture.js';

describe('::recommendations-summary rendering', () => {
  const project = parseChapters({
    '01-intro.md':
      '---\nid: intro\n---\n# Introduction\n\n:::recommendations\n1. Adopt a *strategy*.\n2. Publish open data.:comment[check]{by="X"}\n:::\n',
    '02-gov.md': '---\nid: gov\n---\n# Governance\n\nNo box here.\n',
    '03-plan.md':
      '---\nid: plan\n---\n# Planning\n\n:::recommendations\n- Plan for all ages.\n:::\n\n:::recommendations\nA recommendation written as a paragraph.\n:::\n',
    '04-end.md':
      '---\nid: end\n---\n# Conclusions\n\n::recommendations-summary\n\n:::recommendations\n1. Cross-cutting advice.\n:::\n',
  });
  const html = renderWith(project, 3, 'recommendations-summary', recommendationsSummary);

  it('renders a table with a heading row per chapter and items numbered by chapter', () => {
    expect(html).toContain(
      '<table class="recommendations-summary"><caption>Policy recommendations of the chapters</caption><thead><tr><th scope="col">No.</th><th scope="col">Recommendation</th></tr></thead>',
    );
    expect(html).toContain(
      '<tr class="recommendations-summary-chapter"><th colspan="2" scope="colgroup">Chapter 1. Introduction</th></tr>',
    );
    expect(html).toContain(
      '<tr data-number="1.1"><td class="recommendation-number">1.1</td><td class="recommendation-text">Adopt a <em>strategy</em>.</td></tr>',
    );
    expect(html).toContain(
      '<td class="recommendation-number">1.2</td><td class="recommendation-text">Publish open data.</td>',
    );
    expect(html).toContain('Chapter 3. Planning');
    expect(html).toContain(
      '<td class="recommendation-number">3.1</td><td class="recommendation-text">Plan for all ages.</td>',
    );
    expect(html).toContain(
      '<td class="recommendation-number">3.2</td><td class="recommendation-text">A recommendation written as a paragraph.</td>',
    );
  });

  it('leaves out chapters without recommendations, the final chapter’s own, and review comments', () => {
    expect(html).not.toContain('Governance');
    const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
    expect(table).toContain('Adopt a');
    expect(table).not.toContain('Cross-cutting advice');
    expect(html).not.toContain('check');
  });
});
