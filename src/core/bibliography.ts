/**
 * The bibliography: BibTeX/BibLaTeX -> CSL-JSON items with the line of every
 * entry. citation-js does the parsing; this module splits the file into entries
 * first (citation-js reports no positions and rejects a whole file for one bad
 * entry), so a broken entry is a `bib-parse-error` at its line and the others
 * still load. It also mends what citation-js is known to get wrong on real
 * BibTeX: `and others`, `{\aa}`, `\,`, `{\euro}`, `\LaTeX`, `{\'\i}`, `\url{}`.
 */
import { location } from 'vfile-location';
import { createRequire } from 'node:module';
import type { VFile } from 'vfile';
import { cached } from './cache.js';
import { recordMessages, replayMessages, type RecordedMessage } from './recorded-messages.js';
import { report } from './report.js';
import type { Source } from './source.js';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  [key: string]: unknown;
}

export interface CslItem {
  id: string;
  type?: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts'?: (number | string)[][]; literal?: string };
  URL?: string;
  /** Set when the author list ended in `and others` (rendered as "et al."). */
  _etal?: boolean;
  [key: string]: unknown;
}

export interface BibEntry {
  key: string;
  type: string;
  line: number;
  column: number;
  /** The entry's BibTeX text. */
  raw: string;
  /** Undefined when the entry did not parse. */
  item?: CslItem;
}

export interface Bibliography {
  path: string;
  file: VFile;
  sha256: string;
  readable: boolean;
  /** Every entry in file order, duplicates included. */
  entries: BibEntry[];
  /** First entry of each key. */
  byKey: Map<string, BibEntry>;
}

interface Chunk {
  type: string;
  key: string;
  raw: string;
  start: number;
  line: number;
  column: number;
  closed: boolean;
}

/** Split BibTeX text into top-level `@type{...}` chunks with their positions. */
export function splitBibtex(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const head = /@([A-Za-z]+)\s*([{(])/g;
  let match: RegExpExecArray | null;
  const where = location(text);
  const place = (offset: number) => {
    const point = where.toPoint(offset);
    return { line: point?.line ?? 1, column: point?.column ?? 1 };
  };
  while ((match = head.exec(text))) {
    const start = match.index;
    const open = match[2]!;
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    let end = -1;
    for (let i = start + match[0].length - 1; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === open || (open === '(' && c === '{')) depth++;
      else if (c === close || (open === '(' && c === '}')) {
        depth--;
        if (depth === 0) {
          end = i + 1;
          break;
        }
      }
    }
    let closed = end !== -1;
    if (!closed) {
      // Recover: the broken entry runs to the next line that starts a new entry.
      const next = /\n\s*@[A-Za-z]+\s*[{(]/g;
      next.lastIndex = start + 1;
      const found = next.exec(text);
      end = found ? found.index + 1 : text.length;
    } else {
      // An entry that swallowed the next one (a missing brace) is cut at the next `@type{` line.
      const body = text.slice(start, end);
      const inner = /\n\s*@[A-Za-z]+\s*[{(]\s*[^\s,{}]*\s*,/.exec(body);
      if (inner && match[1]!.toLowerCase() !== 'comment') {
        end = start + inner.index + 1;
        closed = false;
      }
    }
    const raw = text.slice(start, end);
    const key = /^@[A-Za-z]+\s*[{(]\s*([^\s,{}()]*)/.exec(raw)?.[1] ?? '';
    chunks.push({ type: match[1]!.toLowerCase(), key, raw, start, ...place(start), closed });
    head.lastIndex = end;
  }
  return chunks;
}

const TEX_FIXES: Array<[RegExp, string]> = [
  [/\{\\aa\}|\\aa\b\s?/g, 'å'],
  [/\{\\AA\}|\\AA\b\s?/g, 'Å'],
  [/\{\\'\\i\}|\\'\{\\i\}|\{\\'\{\\i\}\}/g, 'í'],
  [/\{\\euro\}|\\euro\b\s?/g, '€'],
  [/\\LaTeX\b\s?(\{\})?/g, 'LaTeX'],
  [/\\TeX\b\s?(\{\})?/g, 'TeX'],
  [/\\,/g, '\u202f'],
];

/** Rewrite what citation-js does not decode; `\url{x}` in howpublished becomes a url field. */
export function mendBibtex(raw: string): string {
  let out = raw;
  for (const [pattern, replacement] of TEX_FIXES) out = out.replace(pattern, replacement);
  if (!/\burl\s*=/i.test(out)) {
    const url = /howpublished\s*=\s*[{"]\s*\\url\{([^}]+)\}/i.exec(out);
    if (url) out = out.replace(/(@[A-Za-z]+\s*[{(][^,]*,)/, `$1 url = {${url[1]}},`);
  }
  return out;
}

type CitationCore = typeof import('@citation-js/core');
let citationCore: CitationCore | undefined;

/**
 * citation-js, loaded on first use (about 100 ms of module loading that a
 * cached bibliography never needs). It is CommonJS, so `require` loads it synchronously.
 */
function citationJs(): CitationCore {
  if (!citationCore) {
    const require = createRequire(import.meta.url);
    citationCore = require('@citation-js/core') as CitationCore;
    require('@citation-js/plugin-bibtex');
  }
  return citationCore;
}

function parseItems(text: string): CslItem[] {
  return citationJs().plugins.input.chain(text, {
    target: '@csl/list+object',
    generateGraph: false,
  }) as CslItem[];
}

function mendItem(item: CslItem): CslItem {
  for (const role of ['author', 'editor'] as const) {
    const names = item[role];
    if (!Array.isArray(names)) continue;
    // A braced corporate author ({{United Nations ...}}) arrives as a family name with
    // no given name; CSL wants a literal, so it is never initialised or inverted.
    for (const n of names) {
      if (n.family && !n.given && !n.literal && /\s/.test(n.family)) {
        n.literal = n.family;
        delete n.family;
      }
    }
    const kept = names.filter(
      (n) => !/^others$/i.test(String(n.family ?? n.literal ?? '').trim()) || n.given,
    );
    if (kept.length < names.length) {
      item[role] = kept;
      if (role === 'author') item._etal = true;
    }
  }
  return item;
}

/** What parsing the bibliography yields, as the cache stores it: entries and recorded messages. */
export interface ParsedBibliography {
  entries: BibEntry[];
  messages: RecordedMessage[];
}

/**
 * Parse the bibliography and record the messages the parse reported on the
 * source's vfile (`parseBibliography` plus what the cache and the parse worker keep).
 */
export function parseBibliographyRecorded(source: Source): {
  bibliography: Bibliography;
  parsed: ParsedBibliography;
} {
  const before = source.file.messages.length;
  const bibliography = parseBibliography(source);
  return {
    bibliography,
    parsed: {
      entries: bibliography.entries,
      messages: recordMessages(source.file.messages.slice(before)),
    },
  };
}

/**
 * Parse the bibliography once per content: the entries and the messages of a
 * parse are cached by the SHA-256 of the file's bytes (`cache.ts`); a hit gives
 * fresh entries and re-creates the messages on this source's vfile.
 */
export function parseBibliographyCached(source: Source, cwd: string = process.cwd()): Bibliography {
  if (!source.readable) return parseBibliography(source);
  let fresh: Bibliography | undefined;
  const parsed = cached<ParsedBibliography>('bibtex', source.sha256, cwd, () => {
    const result = parseBibliographyRecorded(source);
    fresh = result.bibliography;
    return result.parsed;
  });
  return fresh ?? bibliographyFrom(source, parsed);
}

/**
 * The bibliography of a parse made elsewhere (the cache, a parse worker): its
 * recorded messages are re-created on this source's vfile.
 */
export function bibliographyFrom(source: Source, parsed: ParsedBibliography): Bibliography {
  replayMessages(source.file, parsed.messages);
  const bib: Bibliography = {
    path: source.path,
    file: source.file,
    sha256: source.sha256,
    readable: true,
    entries: parsed.entries,
    byKey: new Map(),
  };
  for (const entry of parsed.entries)
    if (entry.key && !bib.byKey.has(entry.key)) bib.byKey.set(entry.key, entry);
  return bib;
}

export function parseBibliography(source: Source): Bibliography {
  const bib: Bibliography = {
    path: source.path,
    file: source.file,
    sha256: source.sha256,
    readable: source.readable,
    entries: [],
    byKey: new Map(),
  };
  if (!source.readable) return bib;
  const chunks = splitBibtex(source.text);
  const macros = chunks
    .filter((c) => c.type === 'string' || c.type === 'preamble')
    .map((c) => c.raw)
    .join('\n');
  const entries = chunks.filter(
    (c) => c.type !== 'string' && c.type !== 'preamble' && c.type !== 'comment',
  );

  let items: Map<string, CslItem> | undefined;
  if (entries.every((c) => c.closed)) {
    try {
      items = new Map(parseItems(mendBibtex(source.text)).map((item) => [item.id, item]));
    } catch {
      items = undefined; // Fall back to entry-by-entry parsing below to locate the error.
    }
  }
  for (const chunk of entries) {
    const entry: BibEntry = {
      key: chunk.key,
      type: chunk.type,
      line: chunk.line,
      column: chunk.column,
      raw: chunk.raw,
    };
    if (!chunk.key) {
      report(
        bib.file,
        'bib-parse-error',
        `this @${chunk.type} entry has no citation key; write it as @${chunk.type}{key, ...}.`,
        chunk,
      );
    } else if (!chunk.closed) {
      report(
        bib.file,
        'bib-parse-error',
        `the entry \`${chunk.key}\` is not closed: a brace is missing; close it with \`}\` before the next entry.`,
        chunk,
      );
    } else {
      let item = items?.get(chunk.key);
      if (!item) {
        try {
          const parsed = parseItems(mendBibtex(`${macros}\n${chunk.raw}`));
          item = parsed.find((i) => i.id === chunk.key);
          // Found by fuzzing: a key with braces or a TeX command (`u{\euro}nece2015`) parsed
          // under another id and the entry was dropped without a word.
          if (!item)
            report(
              bib.file,
              'bib-parse-error',
              parsed[0]
                ? `the key of this entry is not a plain BibTeX key (it reads as \`${chunk.key}\` here and \`${parsed[0].id}\` to BibTeX); write it with letters, digits and - _ : . only, without braces or TeX commands.`
                : `the entry \`${chunk.key}\` yields no reference; fix its BibTeX syntax.`,
              chunk,
            );
        } catch (error) {
          const detail = String((error as Error).message ?? error).split('\n')[0]!;
          const rel = /line (\d+) col (\d+)/.exec(detail);
          // The entry was parsed as `${macros}\n${raw}`: its first line is this line of the input.
          const rawStart = macros.split('\n').length + 1;
          const relLine = rel ? Number(rel[1]) - rawStart : -1;
          const place =
            rel && relLine >= 0
              ? {
                  line: chunk.line + relLine,
                  column: Number(rel[2]) + (relLine === 0 ? chunk.column - 1 : 0),
                }
              : { line: chunk.line, column: chunk.column };
          if (place.line < chunk.line)
            Object.assign(place, { line: chunk.line, column: chunk.column });
          report(
            bib.file,
            'bib-parse-error',
            `the entry \`${chunk.key}\` does not parse (${detail.replace(/ at line \d+ col \d+:?/, '')}); fix its BibTeX syntax.`,
            place,
          );
        }
      }
      if (item) entry.item = mendItem({ ...item });
    }
    bib.entries.push(entry);
    if (entry.key && !bib.byKey.has(entry.key)) bib.byKey.set(entry.key, entry);
  }
  return bib;
}
