/**
 * Reference data the domain rules and renderers check against: UNECE member
 * States, SDG goals and targets, U4SSC KPIs. The CSV files live in the repository
 * under `data/reference/` (see its README for sources) and are read once, relative
 * to this module, so the same code works from `src/`, from `build/` and from a clone.
 *
 * `npm run build` also converts them with csv-parse into `build/reference/*.json`
 * (scripts/reference-tables.mjs), each stamped with its CSV's SHA-256: loading and
 * running csv-parse cost about 40 ms of every check, reading the JSON about 1 ms.
 * A table whose JSON is missing (running from `src/`) or stale (the CSV changed
 * since the build) is parsed from the CSV with csv-parse, so the answer is the same.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const DATA_DIR = new URL('../../data/reference/', import.meta.url);
/** Where the build writes the converted tables (from `build/core/`: `build/reference/`). */
const COMPILED_DIR = new URL('../reference/', import.meta.url);

export interface CompiledTable {
  /** SHA-256 of the CSV text the records were read from. */
  sha256: string;
  records: Record<string, string>[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** CSV with a header row -> one record per row keyed by the header (csv-parse). */
export function parseCsv(text: string): Record<string, string>[] {
  const require = createRequire(import.meta.url);
  const { parse } = require('csv-parse/sync') as typeof import('csv-parse/sync');
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
}

/** A table as `npm run build` stores it: the records with the CSV's hash. */
export function compileTable(text: string): CompiledTable {
  return { sha256: sha256(text), records: parseCsv(text) };
}

/** The records of one table: the build's JSON when it matches the CSV, else the CSV parsed. */
export function readTable(
  name: string,
  dirs: { data: URL; compiled: URL } = { data: DATA_DIR, compiled: COMPILED_DIR },
): Record<string, string>[] {
  const text = readFileSync(new URL(name, dirs.data), 'utf8');
  try {
    const json = readFileSync(new URL(name.replace(/\.csv$/, '.json'), dirs.compiled), 'utf8');
    const compiled = JSON.parse(json) as CompiledTable;
    if (compiled.sha256 === sha256(text)) return compiled.records;
  } catch {
    // no build output (running from src/) or an unreadable one: parse the CSV
  }
  return parseCsv(text);
}

function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

// ---------------------------------------------------------------- member States

export interface MemberState {
  /** Name as used in 2020. */
  name: string;
  iso3: string;
  iso2: string;
  /** Today's UN name (e.g. Türkiye). */
  currentName: string;
}

export const memberStates = once((): MemberState[] =>
  readTable('unece-member-states.csv').map((row) => ({
    name: row.name!,
    iso3: row.iso3!,
    iso2: row.iso2!,
    currentName: row.un_name_current || row.name!,
  })),
);

/**
 * Names and codes that are not the alpha-3 code but identify a member State:
 * informal names and the parts of the United Kingdom, with the code to write.
 */
const EXTRA_ALIASES: Record<string, string> = {
  russia: 'RUS',
  moldova: 'MDA',
  macedonia: 'MKD',
  'kyrgyz republic': 'KGZ',
  'slovak republic': 'SVK',
  'great britain': 'GBR',
  britain: 'GBR',
  england: 'GBR',
  scotland: 'GBR',
  wales: 'GBR',
  'northern ireland': 'GBR',
  uk: 'GBR',
  el: 'GRC', // the EU's code for Greece
  holland: 'NLD',
  'the netherlands': 'NLD',
  usa: 'USA',
  'united states': 'USA',
};

/** Lower case, no diacritics, single spaces: the key names are compared by. */
export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

const aliasIndex = once(() => {
  const index = new Map<string, MemberState>();
  const byIso3 = new Map(memberStates().map((s) => [s.iso3, s]));
  const states = readTable('unece-member-states.csv');
  for (const state of memberStates()) {
    for (const alias of [state.name, state.currentName, state.iso2, state.iso3])
      index.set(foldName(alias), state);
  }
  // Former and short names quoted in the `note` column ("Czech Republic", "United Kingdom").
  for (const row of states) {
    const state = byIso3.get(row.iso3!)!;
    for (const match of (row.note ?? '').matchAll(/"([^"]+)"/g))
      index.set(foldName(match[1]!), state);
  }
  for (const [alias, iso3] of Object.entries(EXTRA_ALIASES)) {
    const state = byIso3.get(iso3);
    if (state && !index.has(alias)) index.set(alias, state);
  }
  return index;
});

export function memberByIso3(code: string): MemberState | undefined {
  return memberStates().find((s) => s.iso3 === code);
}

/** The member State a name, alpha-2 code, former name or wrongly cased code stands for. */
export function memberFromAlias(value: string): MemberState | undefined {
  return aliasIndex().get(foldName(value));
}

// ---------------------------------------------------------------- SDGs

export interface SdgGoal {
  goal: number;
  shortTitle: string;
  title: string;
}

export interface SdgTarget {
  goal: number;
  /** `11.7`, `11.a` */
  id: string;
  text: string;
}

export const sdgGoals = once((): SdgGoal[] =>
  readTable('sdg-goals.csv').map((row) => ({
    goal: Number(row.goal),
    shortTitle: row.short_title!,
    title: row.title!,
  })),
);

export const sdgTargets = once((): SdgTarget[] =>
  readTable('sdg-targets.csv').map((row) => ({
    goal: Number(row.goal),
    id: row.target_id!,
    text: row.text!,
  })),
);

export function sdgGoal(goal: number): SdgGoal | undefined {
  return sdgGoals().find((g) => g.goal === goal);
}

export function sdgTarget(id: string): SdgTarget | undefined {
  return sdgTargets().find((t) => t.id === id);
}

/** The targets of a goal written as ranges, e.g. "11.1–11.7 and 11.a–11.c". */
export function targetRange(goal: number): string {
  const ids = sdgTargets()
    .filter((t) => t.goal === goal)
    .map((t) => t.id);
  const numeric = ids.filter((id) => /\.\d+$/.test(id));
  const lettered = ids.filter((id) => /\.[a-z]$/.test(id));
  const span = (list: string[]) =>
    list.length === 0 ? '' : list.length === 1 ? list[0]! : `${list[0]}–${list.at(-1)}`;
  return [span(numeric), span(lettered)].filter(Boolean).join(' and ');
}

export type SdgCheck =
  | { ok: true; kind: 'goal' | 'target'; id: string }
  | { ok: false; reason: string; suggestion?: string };

/** Check one goal or target id as written (`11`, `11.7`, `11.a`, `11.A`). */
export function checkSdgId(written: string): SdgCheck {
  const match = /^(\d{1,3})(?:\.(\d{1,2}|[A-Za-z]))?$/.exec(written.trim());
  if (!match)
    return {
      ok: false,
      reason: `\`${written}\` is not an SDG goal or target; write a goal as \`11\` and a target as \`11.7\` or \`11.a\`.`,
    };
  const goal = Number(match[1]);
  if (!sdgGoal(goal))
    return {
      ok: false,
      reason: `SDG ${goal} does not exist; the Sustainable Development Goals are numbered 1 to 17.`,
    };
  if (match[2] === undefined) return { ok: true, kind: 'goal', id: String(goal) };
  const part = match[2];
  const id = `${goal}.${/^\d+$/.test(part) ? String(Number(part)) : part.toLowerCase()}`;
  if (sdgTarget(id)) {
    if (id === `${match[1]}.${part}`) return { ok: true, kind: 'target', id };
    return {
      ok: false,
      reason: `write the SDG target as \`${id}\`.`,
      suggestion: id,
    };
  }
  return {
    ok: false,
    reason: `SDG target ${goal}.${part} does not exist; Goal ${goal} has targets ${targetRange(goal)}.`,
  };
}

// ---------------------------------------------------------------- U4SSC KPIs

export interface Kpi {
  /** `EC: ICT: ICT: 1C` */
  code: string;
  name: string;
  dimension: string;
  subdimension: string;
  category: string;
  type: 'core' | 'advanced';
}

export const kpis = once((): Kpi[] =>
  readTable('u4ssc-kpis.csv').map((row) => ({
    code: row.code!,
    name: row.name!,
    dimension: row.dimension!,
    subdimension: row.subdimension!,
    category: row.category!,
    type: row.type === 'advanced' ? 'advanced' : 'core',
  })),
);

/** A KPI code in canonical spacing and case: `ec:ict:ict:1c` -> `EC: ICT: ICT: 1C`. */
export function normalizeKpiCode(value: string): string {
  return value
    .trim()
    .split(/\s*:\s*/)
    .map((part) => part.toUpperCase())
    .join(': ');
}

export function kpiByCode(code: string): Kpi | undefined {
  return kpis().find((k) => k.code === code);
}
