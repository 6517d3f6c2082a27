/**
 * manuscript.yaml: its typed shape, the defaults of the contract, and the
 * validation of each key. Validation reports `config-invalid` at the key's line.
 */
import {
  isMap,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node as YamlNode,
} from 'yaml';
import type { VFile } from 'vfile';
import { report } from './report.js';
import { STAGES, type Stage } from './types.js';

export const KNOWN_ELEMENTS = ['good-practice', 'unece-support', 'recommendations'] as const;

export interface TocEntry {
  id: string;
  title: string;
  /** Overrides the publication-wide required_elements for this chapter (opt-out where the mandate says so). */
  required_elements?: string[];
  /** Titles of the chapter in other languages (per-language mandate), e.g. { fr: "...", ru: "..." }. */
  titles?: Record<string, string>;
  /** 1-based line of the entry in manuscript.yaml. */
  line?: number;
}

export interface DraftSpec {
  due?: string;
  /** Extra requirements of a stage, free-form for now (shown by `status`). */
  requires?: string[];
}

export interface Config {
  title: string;
  subtitle?: string;
  series?: string;
  symbol?: string;
  publisher?: string;
  year?: number | string;
  language: string;
  version: string;
  draft: Stage;
  bibliography: string;
  csl: string;
  toc: TocEntry[];
  required_elements: string[];
  /** Directories relative to manuscript.yaml (defaults: `.`, `front`, `figures`, `../templates`). */
  chapters?: string;
  front?: string;
  figures?: string;
  templates?: string;
  drafts: Partial<Record<Stage, DraftSpec>>;
  /** Other keys are kept for extensions (languages, authors, isbn, ...). */
  [key: string]: unknown;
}

export const DEFAULT_CONFIG: Config = {
  title: 'Untitled publication',
  language: 'en',
  version: '0.0.0',
  draft: 'first',
  bibliography: '../references.bib',
  csl: '../templates/unece-note.csl',
  toc: [],
  required_elements: [...KNOWN_ELEMENTS],
  drafts: {},
};

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9][a-z0-9-]*$/;

function lineOf(
  node: YamlNode | null | undefined,
  lines: LineCounter,
): { line: number; column: number } | undefined {
  const start = node?.range?.[0];
  if (start === undefined) return undefined;
  const pos = lines.linePos(start);
  return { line: pos.line, column: pos.col };
}

/**
 * Check a parsed manuscript.yaml document against the contract and return the
 * configuration with defaults filled in. Every problem is a `config-invalid` message.
 */
export function validateConfig(doc: Document, lines: LineCounter, file: VFile): Config {
  const config: Config = structuredClone(DEFAULT_CONFIG);
  const root = doc.contents;
  const bad = (node: YamlNode | null | undefined, reason: string, suggestion?: string) =>
    report(file, 'config-invalid', reason, lineOf(node, lines) ?? { line: 1, column: 1 }, {
      suggestion,
    });

  if (!isMap(root)) {
    bad(
      root,
      'manuscript.yaml must be a mapping of keys (title, version, draft, toc, ...); write `title: ...` on the first line.',
    );
    return config;
  }
  const nodeOf = (key: string) => root.items.find((p) => isScalar(p.key) && p.key.value === key);

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    const plain =
      value && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : undefined;
    switch (key) {
      case 'title':
      case 'subtitle':
      case 'series':
      case 'symbol':
      case 'publisher':
      case 'language':
        if (typeof plain !== 'string' || plain.trim() === '')
          bad(value ?? (pair.key as YamlNode), `\`${key}\` must be a non-empty text.`);
        else config[key] = plain;
        break;
      case 'year':
        if (typeof plain !== 'number' && typeof plain !== 'string')
          bad(value, '`year` must be a year such as 2020.');
        else config.year = plain;
        break;
      case 'version':
        if (typeof plain !== 'string' || !SEMVER.test(plain))
          bad(
            value,
            `\`version\` must be a semantic version such as 0.3.0 (in quotes if YAML reads it as a number); got ${JSON.stringify(plain)}.`,
          );
        else config.version = plain;
        break;
      case 'draft':
        if (typeof plain !== 'string' || !(STAGES as readonly string[]).includes(plain))
          bad(
            value,
            `\`draft\` must be one of ${STAGES.join(', ')}; got ${JSON.stringify(plain)}.`,
          );
        else config.draft = plain as Stage;
        break;
      case 'bibliography':
      case 'csl':
      case 'chapters':
      case 'front':
      case 'figures':
      case 'templates':
        if (typeof plain !== 'string' || plain.trim() === '')
          bad(value, `\`${key}\` must be a path relative to manuscript.yaml.`);
        else config[key] = plain;
        break;
      case 'required_elements':
        if (!Array.isArray(plain) || plain.some((e) => typeof e !== 'string'))
          bad(
            value,
            '`required_elements` must be a list such as [good-practice, unece-support, recommendations].',
          );
        else config.required_elements = plain as string[];
        break;
      case 'toc':
        config.toc = validateToc(value, lines, bad);
        break;
      case 'drafts':
        config.drafts = validateDrafts(value, bad);
        break;
      default:
        config[key] = plain;
    }
  }
  if (!nodeOf('toc'))
    bad(
      root,
      'manuscript.yaml has no `toc`: list the mandated chapters as `toc: [{id: introduction, title: Introduction}, ...]`.',
    );
  if (!nodeOf('title'))
    bad(root, 'manuscript.yaml has no `title`: add `title: <the publication title>`.');
  return config;
}

type Bad = (node: YamlNode | null | undefined, reason: string, suggestion?: string) => void;

function validateToc(value: YamlNode | null, lines: LineCounter, bad: Bad): TocEntry[] {
  if (!isSeq(value)) {
    bad(value, '`toc` must be a list of chapters, each with an `id` and a `title`.');
    return [];
  }
  const toc: TocEntry[] = [];
  const seen = new Set<string>();
  for (const item of value.items) {
    const node = item as YamlNode;
    if (!isMap(node)) {
      bad(
        node,
        'each `toc` entry must be a mapping with `id` and `title`, e.g. `- id: introduction`.',
      );
      continue;
    }
    const entry = node.toJSON() as Record<string, unknown>;
    const id = entry.id;
    const title = entry.title;
    if (typeof id !== 'string' || !ID.test(id)) {
      bad(
        node,
        `a \`toc\` entry needs an \`id\` of lowercase letters, digits and hyphens; got ${JSON.stringify(id)}.`,
      );
      continue;
    }
    if (typeof title !== 'string' || title.trim() === '') {
      bad(node, `the \`toc\` entry \`${id}\` needs a \`title\`.`);
      continue;
    }
    if (seen.has(id)) {
      bad(node, `the \`toc\` id \`${id}\` is listed twice; each chapter appears once.`);
      continue;
    }
    seen.add(id);
    const out: TocEntry = { id, title, line: lineOf(node, lines)?.line };
    if (entry.required_elements !== undefined) {
      if (
        !Array.isArray(entry.required_elements) ||
        entry.required_elements.some((e) => typeof e !== 'string')
      )
        bad(node, `\`required_elements\` of \`${id}\` must be a list of element names.`);
      else out.required_elements = entry.required_elements as string[];
    }
    if (entry.titles !== undefined) {
      if (typeof entry.titles !== 'object' || entry.titles === null || Array.isArray(entry.titles))
        bad(
          node,
          `\`titles\` of \`${id}\` must map a language code to a title, e.g. \`titles: {fr: Introduction}\`.`,
        );
      else out.titles = entry.titles as Record<string, string>;
    }
    toc.push(out);
  }
  return toc;
}

function validateDrafts(value: YamlNode | null, bad: Bad): Partial<Record<Stage, DraftSpec>> {
  if (!isMap(value)) {
    bad(value, '`drafts` must map first, second and final to `{ due: YYYY-MM-DD }`.');
    return {};
  }
  const drafts: Partial<Record<Stage, DraftSpec>> = {};
  for (const pair of value.items) {
    const stage = isScalar(pair.key) ? String(pair.key.value) : '';
    const node = pair.value as YamlNode | null;
    if (!(STAGES as readonly string[]).includes(stage)) {
      bad(
        pair.key as YamlNode,
        `unknown draft stage \`${stage}\`; the stages are ${STAGES.join(', ')}.`,
      );
      continue;
    }
    const spec = (
      node && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : null
    ) as Record<string, unknown> | null;
    if (spec === null || typeof spec !== 'object') {
      bad(
        node ?? (pair.key as YamlNode),
        `\`drafts.${stage}\` must be a mapping such as \`{ due: 2020-01-31 }\`.`,
      );
      continue;
    }
    const due = spec.due instanceof Date ? spec.due.toISOString().slice(0, 10) : spec.due;
    if (
      due !== undefined &&
      (typeof due !== 'string' || !ISO_DATE.test(due) || Number.isNaN(Date.parse(due)))
    ) {
      bad(
        node,
        `\`drafts.${stage}.due\` must be a date written YYYY-MM-DD; got ${JSON.stringify(spec.due)}.`,
      );
      continue;
    }
    drafts[stage as Stage] = { ...(spec as DraftSpec), due: due as string | undefined };
  }
  return drafts;
}
