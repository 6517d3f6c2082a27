// The :kpi[...] handler: the KPI's name with its code.
import { describe, expect, it } from 'vitest';
import { kpi } from '../../src/render/handlers/kpi.js';
import { parseChapters, renderWith } from './render-fixture.js';

describe(':kpi[...] rendering', () => {
  const project = parseChapters({
    '01-a.md':
      '---\nid: a\n---\n# A\n\nAccess :kpi[EC: ICT: ICT: 1C] grows (:kpi[EN: EN: AQ: 1C]). Bad :kpi[EC: ICT: ICT: 9C].\n',
  });
  const html = renderWith(project, 0, 'kpi', kpi);

  it('renders the name and the code, with the U4SSC structure as tooltip', () => {
    expect(html).toContain(
      'Access <span class="kpi" data-kpi="EC: ICT: ICT: 1C" title="U4SSC KPI EC: ICT: ICT: 1C: Household Internet Access (Economy – ICT – ICT Infrastructure; core)"><span class="kpi-name">Household Internet Access</span> (<span class="kpi-code">EC:\u00a0ICT:\u00a0ICT:\u00a01C</span>)</span> grows',
    );
  });

  it('uses a comma instead of nested parentheses inside parentheses', () => {
    expect(html).toContain('(<span class="kpi" data-kpi="EN: EN: AQ: 1C"');
    expect(html).toContain(
      '<span class="kpi-name">Air Pollution</span>, <span class="kpi-code">EN:\u00a0EN:\u00a0AQ:\u00a01C</span></span>).',
    );
  });

  it('keeps an unknown code as written', () => {
    expect(html).toContain('Bad <span class="kpi kpi-unknown">EC: ICT: ICT: 9C</span>.');
  });
});
