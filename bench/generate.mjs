/**
 * Benchmark input: a large synthetic manuscript that follows the manuscript
 * contract (six mandated chapters, ~60,000 words, ~150 headings, ~40 boxes,
 * ~30 tables, ~300 footnotes, a 500-entry bibliography cited ~800 times, with
 * LaTeX accents and corporate authors). Deterministic: the same seed writes the
 * same bytes, so figures from different runs and machines compare.
 *
 *   node bench/generate.mjs [--out DIR] [--seed N]     (default DIR: bench/out/synthetic)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT = path.join(HERE, 'out', 'synthetic');

/** mulberry32: a tiny seeded PRNG (Math.random cannot be seeded). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TOC = [
  ['introduction', 'Introduction'],
  ['ssc-in-unece-region', 'Cities – and Smart sustainable cities (SSCs) – in the UNECE region'],
  ['innovation-economy', 'SSCs as drivers of innovation and sustainable economic development'],
  ['urban-planning', 'SSCs and urban planning'],
  ['governance', 'Governance of SSCs'],
  ['conclusions', 'Towards SSCs for the SDGs – conclusions and recommendations'],
];

const COUNTRIES = [
  ['AUT', 'Vienna'],
  ['BEL', 'Ghent'],
  ['CHE', 'Geneva'],
  ['CZE', 'Brno'],
  ['DEU', 'Hamburg'],
  ['DNK', 'Aarhus'],
  ['ESP', 'Barcelona'],
  ['EST', 'Tallinn'],
  ['FIN', 'Helsinki'],
  ['FRA', 'Lyon'],
  ['GEO', 'Tbilisi'],
  ['ITA', 'Bologna'],
  ['KAZ', 'Nur-Sultan'],
  ['NLD', 'Utrecht'],
  ['NOR', 'Oslo'],
  ['POL', 'Gdańsk'],
  ['PRT', 'Porto'],
  ['RUS', 'Kazan'],
  ['SRB', 'Novi Sad'],
  ['SWE', 'Umeå'],
  ['TUR', 'Izmir'],
  ['UKR', 'Kharkiv'],
];

const SDG_TARGETS = ['11.1', '11.2', '11.3', '11.6', '11.7', '11.a', '11.b', '3.6', '7.2', '9.1'];
const KPIS = ['EC: ICT: ICT: 1C', 'EC: ICT: ICT: 2C', 'EC: ICT: WS: 1C', 'EC: P: IN: 1C'];

const ADJ = [
  'sustainable',
  'inclusive',
  'resilient',
  'digital',
  'urban',
  'local',
  'regional',
  'older',
  'affordable',
  'integrated',
  'participatory',
  'accessible',
  'low-carbon',
  'public',
  'municipal',
  'shared',
  'efficient',
  'open',
  'green',
  'national',
  'metropolitan',
  'age-friendly',
  'smart',
];
const NOUN = [
  'cities',
  'residents',
  'municipalities',
  'services',
  'infrastructure',
  'housing',
  'mobility',
  'governments',
  'data platforms',
  'networks',
  'neighbourhoods',
  'strategies',
  'indicators',
  'investments',
  'communities',
  'policies',
  'utilities',
  'transport systems',
  'energy systems',
  'public spaces',
  'institutions',
  'partnerships',
  'households',
  'citizens of all ages',
];
const VERB = [
  'improve',
  'support',
  'measure',
  'transform',
  'connect',
  'finance',
  'monitor',
  'plan',
  'strengthen',
  'reduce',
  'expand',
  'govern',
  'share',
  'evaluate',
  'coordinate',
  'design',
];
const LINK = [
  'In many member States,',
  'At the same time,',
  'As a result,',
  'In practice,',
  'Moreover,',
  'By contrast,',
  'Across the region,',
  'For older persons in particular,',
  'Since 2015,',
  'In the long term,',
];

const GIVEN = [
  'José',
  'Anna',
  'François',
  'Jürgen',
  'Åsa',
  'Zoë',
  'Søren',
  'Łukasz',
  'Ramón',
  'Inés',
  'Mikhail',
  'Elena',
  'Tomáš',
  'Ayşe',
  'Björn',
  'Noémie',
  'Giovanni',
  'Maria',
  'Pieter',
  'Ivana',
];
/** Family names written with LaTeX accent commands, as real BibTeX files write them. */
const FAMILY_TEX = [
  ['M{\\"u}ller', 'muller'],
  ["Garc{\\'\\i}a", 'garcia'],
  ['{\\AA}str{\\"o}m', 'astrom'],
  ["Nov{\\'a}k", 'novak'],
  ["Dvo{\\v{r}}{\\'a}k", 'dvorak'],
  ['Fran{\\c{c}}ois', 'francois'],
  ['Pe{\\~n}a', 'pena'],
  ['L{\\o}kke', 'lokke'],
  ['Stra{\\ss}e', 'strasse'],
  ['Y{\\i}lmaz', 'yilmaz'],
  ['Kowalski', 'kowalski'],
  ['Smith', 'smith'],
  ['Rossi', 'rossi'],
  ['de Vries', 'devries'],
  ['van der Berg', 'vandenberg'],
  ['Ivanova', 'ivanova'],
  ["{\\v{S}}imunovi{\\'c}", 'simunovic'],
  ["Jovanovi{\\'c}", 'jovanovic'],
  ["O'Brien", 'obrien'],
  ['Lef{\\`e}vre', 'lefevre'],
];
const CORPORATE = [
  ['United Nations Economic Commission for Europe', 'unece'],
  ['International Telecommunication Union', 'itu'],
  ['United Nations Human Settlements Programme (UN-Habitat)', 'unhabitat'],
  ['Organisation for Economic Co-operation and Development', 'oecd'],
  ['World Health Organization', 'who'],
  ['European Commission', 'ec'],
  ['United Nations Department of Economic and Social Affairs', 'undesa'],
  ['World Bank', 'worldbank'],
];
const JOURNALS = [
  'Urban Studies',
  'Cities',
  'Sustainable Cities and Society',
  'Journal of Urban Technology',
  'Environment and Urbanization',
  'Regional Studies',
  'Ageing {\\&} Society',
  'Energy Policy',
];
const TITLE_WORDS = [
  'Smart',
  'Sustainable',
  'Cities',
  'Ageing',
  'Governance',
  'Data',
  'Mobility',
  'Housing',
  'Resilience',
  'Indicators',
  'Innovation',
  'Planning',
  'Participation',
  'Energy',
  'Digital',
  'Transformation',
  'Inclusion',
  'Europe',
  'Central Asia',
  'Municipal',
  'Finance',
  'Platforms',
];

/**
 * Write the synthetic manuscript under `out` (replacing what is there).
 * Returns the paths and counts of what was written.
 */
export function generate({ out = DEFAULT_OUT, seed = 20200131 } = {}) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

  // ---- bibliography -------------------------------------------------------
  const entries = [];
  const keys = new Set();
  const title = (n) =>
    Array.from({ length: n }, () => pick(TITLE_WORDS))
      .join(' ')
      .replace(/^./, (c) => c.toUpperCase());
  for (let i = 0; entries.length < 500; i++) {
    const year = int(1998, 2020);
    const corporate = rand() < 0.3;
    let authors;
    let stem;
    if (corporate) {
      const [name, slug] = pick(CORPORATE);
      authors = `{${name}}`;
      stem = slug;
    } else {
      const n = int(1, 4);
      const people = Array.from({ length: n }, () => {
        const [family, slug] = pick(FAMILY_TEX);
        return { family, slug, given: pick(GIVEN) };
      });
      authors = people.map((p) => `${p.family}, ${p.given}`).join(' and ');
      if (rand() < 0.08) authors += ' and others';
      stem = people[0].slug;
    }
    let key = `${stem}${year}`;
    for (let s = 0; keys.has(key); s++) key = `${stem}${year}${String.fromCharCode(97 + s)}`;
    keys.add(key);
    const kind = corporate
      ? pick(['techreport', 'report', 'misc', 'book'])
      : pick(['article', 'article', 'book', 'incollection', 'inproceedings']);
    const fields = [
      `  author = {${authors}}`,
      `  title = {${title(int(4, 9))}${rand() < 0.1 ? ' with \\LaTeX' : ''}}`,
      `  year = {${year}}`,
    ];
    if (kind === 'article') {
      fields.push(
        `  journal = {${pick(JOURNALS)}}`,
        `  volume = {${int(1, 60)}}`,
        `  number = {${int(1, 12)}}`,
        `  pages = {${int(1, 200)}--${int(201, 400)}}`,
      );
      if (rand() < 0.6) fields.push(`  doi = {10.${int(1000, 9999)}/synthetic.${year}.${i}}`);
    } else if (kind === 'book') {
      fields.push(
        `  publisher = {${corporate ? 'United Nations' : pick(['Routledge', 'Springer', 'Edward Elgar'])}}`,
        `  address = {${pick(['Geneva', 'New York', 'London', 'Cham'])}}`,
      );
    } else if (kind === 'incollection' || kind === 'inproceedings') {
      fields.push(
        `  booktitle = {${title(5)}}`,
        `  pages = {${int(1, 50)}--${int(51, 90)}}`,
        `  publisher = {Springer}`,
      );
    } else {
      fields.push(
        `  institution = {${authors.replace(/^\{|\}$/g, '')}}`,
        `  number = {ECE/HBP/${year}/${int(1, 9)}}`,
      );
      if (rand() < 0.5) fields.push(`  url = {https://example.org/${key}}`);
      if (kind === 'misc' && rand() < 0.4)
        fields.push(`  howpublished = {\\url{https://example.org/${key}/page}}`);
      if (rand() < 0.2) fields.push(`  note = {Costs in {\\euro}\\,2\\,000 per city}`);
    }
    entries.push({ key, text: `@${kind}{${key},\n${fields.join(',\n')}\n}\n` });
  }
  const bib = [
    '% Synthetic bibliography for flagship benchmarks (generated by bench/generate.mjs).',
    '@string{unece = {United Nations Economic Commission for Europe}}',
    '',
    ...entries.map((e) => e.text),
  ].join('\n');

  // Keys in cite order: every entry once (shuffled), then more until ~800 citations.
  const order = entries.map((e) => e.key);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let nextKey = 0;
  const key = () => (nextKey < order.length ? order[nextKey++] : pick(order));
  let citations = 0;
  const cite = () => {
    const r = rand();
    if (r < 0.45) {
      citations += 1;
      return `[@${key()}]`;
    }
    if (r < 0.65) {
      citations += 2;
      return `[@${key()}; @${key()}, p. ${int(2, 120)}]`;
    }
    if (r < 0.8) {
      citations += 1;
      return `@${key()}`;
    }
    if (r < 0.9) {
      citations += 1;
      return `[see @${key()}, chapter ${int(1, 9)}]`;
    }
    citations += 1;
    return `[-@${key()}]`;
  };

  // ---- prose --------------------------------------------------------------
  const sentence = () => {
    const parts = [
      rand() < 0.3 ? pick(LINK) : '',
      pick(ADJ),
      pick(NOUN),
      rand() < 0.5 ? 'can' : 'need to',
      pick(VERB),
      pick(ADJ),
      pick(NOUN),
      rand() < 0.5 ? `and ${pick(VERB)} ${pick(NOUN)}` : `for ${pick(ADJ)} ${pick(NOUN)}`,
      rand() < 0.4 ? `in ${pick(COUNTRIES)[1]}` : '',
    ].filter(Boolean);
    let s = parts.join(' ');
    s = s.charAt(0).toUpperCase() + s.slice(1);
    return s;
  };
  const paragraph = (ch, state) => {
    const n = int(4, 7);
    const out = [];
    for (let i = 0; i < n; i++) {
      let s = sentence();
      if (rand() < 0.13) s += ` ${cite()}`;
      if (rand() < 0.05) s += ` (:sdg[${pick(SDG_TARGETS)}])`;
      if (rand() < 0.02) s += `, measured by :kpi[${pick(KPIS)}]`;
      if (state.footnotes < state.footnoteTarget && rand() < 0.12) {
        state.footnotes += 1;
        const id = `c${ch}n${state.footnotes}`;
        s += `.[^${id}]`;
        state.notes.push(
          `[^${id}]: ${sentence()} ${rand() < 0.5 ? cite() : ''}.`.replace(' .', '.'),
        );
        out.push(s);
        continue;
      }
      out.push(`${s}.`);
    }
    return out.join(' ');
  };

  rmSync(out, { recursive: true, force: true });
  const dir = path.join(out, 'manuscript');
  mkdirSync(path.join(dir, 'front'), { recursive: true });

  const counts = { headings: 0, boxes: 0, tables: 0, footnotes: 0 };
  const chapterFiles = [];
  let chapterWords = 0;
  const boxPlan = [7, 7, 6, 7, 6, 7]; // 40 boxes
  TOC.forEach(([id, heading], index) => {
    const ch = index + 1;
    const state = { footnotes: 0, footnoteTarget: 50, notes: [] };
    const lines = [
      '---',
      `id: ${id}`,
      `authors: [${pick(GIVEN)} ${pick(['Smith', 'Rossi', 'Kowalski', 'Ivanova'])}]`,
      '---',
      `# ${heading}`,
      '',
    ];
    counts.headings += 1;
    const sections = 16;
    const boxes = boxPlan[index];
    const goodPractice = boxes - 2; // plus one unece-support and one recommendations
    for (let s = 1; s <= sections; s++) {
      lines.push(`## ${title(int(3, 6))} {#sec:c${ch}s${s}}`, '');
      counts.headings += 1;
      for (let p = 0; p < 5; p++) lines.push(paragraph(ch, state), '');
      if (s % 2 === 0) {
        lines.push(`### ${title(int(3, 5))}`, '');
        counts.headings += 1;
        for (let p = 0; p < 4; p++) lines.push(paragraph(ch, state), '');
      }
      if (s <= goodPractice) {
        const [country, city] = pick(COUNTRIES);
        lines.push(
          `:::good-practice{#box:c${ch}gp${s} country=${country} city="${city}" title="${title(3)} in ${city}"}`,
          paragraph(ch, state),
          '',
          paragraph(ch, state),
          ':::',
          '',
        );
        counts.boxes += 1;
      }
      if (s === 9) {
        lines.push(`:::unece-support{title="${title(4)}"}`, paragraph(ch, state), ':::', '');
        counts.boxes += 1;
      }
      if (s % 3 === 0 && s <= 15) {
        const t = s / 3;
        lines.push(
          `:::table{#tbl:c${ch}t${t}}`,
          `${title(5)}, selected cities, ${int(2010, 2019)}`,
          '',
          '| City | Country | Residents (thousands) | Share aged 65+ (%) |',
          '|------|---------|----------------------:|-------------------:|',
          ...Array.from({ length: 6 }, () => {
            const [country, city] = pick(COUNTRIES);
            return `| ${city} | ${country} | ${int(80, 3000)} | ${(rand() * 20 + 10).toFixed(1)} |`;
          }),
          '',
          `Source: ${cite()}.`,
          ':::',
          '',
        );
        counts.tables += 1;
      }
      if (s % 4 === 0) {
        lines.push(
          `As @box:c${ch}gp1 and @tbl:c${ch}t1 show, and as discussed in @sec:c${ch}s${s - 1}, ${sentence().toLowerCase()}.`,
          '',
        );
      }
      if (ch === 2 && s === 5)
        lines.push(
          `TODO: update the figures for 2019. :comment[Please add data for 2019]{by="UNECE/FPM"}`,
          '',
        );
    }
    lines.push(
      ':::recommendations',
      ...Array.from({ length: 6 }, (_, i) => `${i + 1}. ${sentence()}.`),
      ':::',
      '',
    );
    counts.boxes += 1;
    if (ch === 6) lines.push('::recommendations-summary', '');
    lines.push(...state.notes, '');
    counts.footnotes += state.footnotes;
    const file = path.join(dir, `${String(ch).padStart(2, '0')}-${id}.md`);
    const text = lines.join('\n');
    chapterWords += text.split(/\s+/).filter(Boolean).length;
    writeFileSync(file, text);
    chapterFiles.push(file);
  });

  writeFileSync(
    path.join(dir, 'front', '01-foreword.md'),
    `# Foreword\n\n${paragraph(0, { footnotes: 0, footnoteTarget: 0, notes: [] })}\n`,
  );
  writeFileSync(
    path.join(dir, 'front', '02-abbreviations.md'),
    [
      '# Abbreviations',
      '',
      '| Abbreviation | Meaning |',
      '|---|---|',
      '| ICT | information and communication technology |',
      '| KPI | key performance indicator |',
      '| SDG | Sustainable Development Goal |',
      '| SSC | smart sustainable city |',
      '| U4SSC | United for Smart Sustainable Cities |',
      '| UNECE | United Nations Economic Commission for Europe |',
      '',
    ].join('\n'),
  );
  const repoTemplates = path
    .relative(dir, path.join(HERE, '..', 'templates'))
    .split(path.sep)
    .join('/');
  writeFileSync(
    path.join(dir, 'manuscript.yaml'),
    [
      '# Synthetic manuscript for flagship benchmarks (generated by bench/generate.mjs).',
      'title: Smart sustainable cities for all ages',
      'subtitle: Synthetic benchmark edition',
      'series: "UNECE Nexus: Smart sustainable cities for all ages"',
      'symbol: ECE/HBP/2020/BENCH',
      'publisher: United Nations Economic Commission for Europe',
      'year: 2020',
      'language: en',
      'version: 0.3.0',
      'draft: first',
      'bibliography: ../references.bib',
      `csl: ${repoTemplates}/unece-note.csl`,
      'toc:',
      ...TOC.flatMap(([id, heading]) => [`  - id: ${id}`, `    title: ${heading}`]),
      'required_elements: [good-practice, unece-support, recommendations]',
      'drafts:',
      '  first: { due: 2020-01-31 }',
      '  second: { due: 2020-04-30 }',
      '  final: { due: 2020-06-30 }',
      '',
    ].join('\n'),
  );
  const bibliography = path.join(out, 'references.bib');
  writeFileSync(bibliography, bib);

  return {
    dir,
    bibliography,
    chapters: chapterFiles,
    counts: { words: chapterWords, ...counts, citations, entries: entries.length },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const result = generate({
    out: opt('--out') ? path.resolve(opt('--out')) : DEFAULT_OUT,
    seed: opt('--seed') ? Number(opt('--seed')) : undefined,
  });
  process.stdout.write(`${JSON.stringify({ dir: result.dir, ...result.counts })}\n`);
}
