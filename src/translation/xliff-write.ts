/**
 * XLIFF 2.0 (core) writer for flagship's segments. One `<unit>` per segment,
 * whose id is the segment's stable id from the lock; the Markdown codes
 * (citations, cross-references, directives, footnote markers, inline code,
 * link targets, emphasis markers) are inline codes, `<ph>` or `<pc>`, that
 * reference their exact Markdown in `<originalData>` and may not be deleted
 * or copied, so a translator can move them but not break them.
 *
 * Hand-written serialisation: the vocabulary is small and fixed, and the mixed
 * content of `<source>`/`<target>` is simpler to write directly than through a
 * generic object-to-XML builder.
 */
import type { CodeKind, Part } from './inline.js';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

export interface XliffUnit {
  id: string;
  notes: Array<{ category: string; text: string }>;
  source: Part[];
  /** Target parts (same code numbering as the source), or undefined when untranslated. */
  target?: Part[];
  state?: 'initial' | 'translated' | 'reviewed' | 'final';
}

export interface XliffFile {
  id: string;
  /** Source path relative to the manuscript directory. */
  original: string;
  notes: Array<{ category: string; text: string }>;
  units: XliffUnit[];
}

/** Characters XML 1.0 cannot hold; written as `<cp hex>` as XLIFF 2.0 requires. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(
      INVALID_XML,
      (c) => `<cp hex="${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`,
    );
}

export function escapeAttr(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
    .replace(INVALID_XML, '\uFFFD');
}

/** XLIFF `type` and `subType` of each code kind. */
export const CODE_TYPES: Record<CodeKind, { type: string; subType?: string }> = {
  cite: { type: 'other', subType: 'flagship:cite' },
  crossref: { type: 'other', subType: 'flagship:xref' },
  directive: { type: 'other', subType: 'flagship:directive' },
  footnote: { type: 'other', subType: 'flagship:footnote' },
  code: { type: 'other', subType: 'flagship:code' },
  html: { type: 'other', subType: 'flagship:html' },
  link: { type: 'link' },
  image: { type: 'image' },
  break: { type: 'fmt', subType: 'xlf:lb' },
  emphasis: { type: 'fmt', subType: 'xlf:i' },
  strong: { type: 'fmt', subType: 'xlf:b' },
  delete: { type: 'fmt', subType: 'flagship:s' },
  label: { type: 'other', subType: 'flagship:label' },
};

/**
 * Number the codes of a part list: each `ph` and each `open` gets the next id
 * ("1", "2", ...); a `close` gets its `open`'s id. Source and target share it.
 */
export function codeIds(parts: Part[]): Map<Part, string> {
  const ids = new Map<Part, string>();
  const byPair = new Map<number, string>();
  let n = 0;
  for (const part of parts) {
    if (part.t === 'ph') ids.set(part, String((n += 1)));
    else if (part.t === 'open') {
      const id = String((n += 1));
      ids.set(part, id);
      byPair.set(part.pair, id);
    } else if (part.t === 'close') ids.set(part, byPair.get(part.pair) ?? '0');
  }
  return ids;
}

/**
 * Give a target's codes the ids of the source codes they copy (same Markdown),
 * whatever their order; undefined when a target code has no source twin.
 */
export function matchCodes(source: Part[], target: Part[]): Map<Part, string> | undefined {
  const ids = codeIds(source);
  const free = source.filter((p) => p.t === 'ph' || p.t === 'open');
  const out = new Map<Part, string>();
  const byPair = new Map<number, string>();
  for (const part of target) {
    if (part.t === 'text') continue;
    if (part.t === 'close') {
      const id = byPair.get(part.pair);
      if (id === undefined) return undefined;
      out.set(part, id);
      continue;
    }
    const at = free.findIndex((s) => s.t === part.t && s.v === part.v);
    if (at < 0) return undefined;
    const twin = free.splice(at, 1)[0]!;
    out.set(part, ids.get(twin)!);
    if (part.t === 'open') byPair.set(part.pair, ids.get(twin)!);
  }
  return out;
}

interface DataRefs {
  /** data id of each code end: `ph` -> [d], `open` -> [start], `close` -> [end]. */
  of: Map<Part, string>;
  data: Array<{ id: string; value: string }>;
}

function dataRefs(parts: Part[]): DataRefs {
  const of = new Map<Part, string>();
  const data: DataRefs['data'] = [];
  for (const part of parts) {
    if (part.t === 'text') continue;
    const id = `d${data.length + 1}`;
    data.push({ id, value: part.v });
    of.set(part, id);
  }
  return { of, data };
}

const PROTECT = 'canCopy="no" canDelete="no"';

function typeAttrs(kind: CodeKind): string {
  const t = CODE_TYPES[kind];
  return `type="${t.type}"${t.subType ? ` subType="${t.subType}"` : ''}`;
}

/**
 * Inline content. `refs` are the source's data ids; the target's codes are
 * matched to the source's by code id, so they reference the same data.
 */
function inline(parts: Part[], ids: Map<Part, string>, dataOf: (p: Part) => string): string {
  let out = '';
  for (const part of parts) {
    if (part.t === 'text') out += escapeText(part.v);
    else if (part.t === 'ph') {
      const equiv = part.kind === 'break' ? ' ' : part.v;
      out += `<ph id="${ids.get(part)}" dataRef="${dataOf(part)}" ${typeAttrs(part.kind)} disp="${escapeAttr(part.v)}" equiv="${escapeAttr(equiv)}" ${PROTECT}/>`;
    } else if (part.t === 'open') {
      const close = parts.find((p) => p.t === 'close' && p.pair === part.pair)!;
      out += `<pc id="${ids.get(part)}" dataRefStart="${dataOf(part)}" dataRefEnd="${dataOf(close)}" ${typeAttrs(part.kind)} dispStart="${escapeAttr(part.v)}" dispEnd="${escapeAttr(close.v)}" ${PROTECT} canOverlap="no">`;
    } else out += '</pc>';
  }
  return out;
}

function notes(list: XliffUnit['notes'], indent: string): string {
  if (list.length === 0) return '';
  const items = list
    .map(
      (n) => `${indent}  <note category="${escapeAttr(n.category)}">${escapeText(n.text)}</note>`,
    )
    .join('\n');
  return `${indent}<notes>\n${items}\n${indent}</notes>\n`;
}

function unit(u: XliffUnit): string {
  const ids = codeIds(u.source);
  const refs = dataRefs(u.source);
  // A target code takes the data of the source code with the same id.
  const byId = new Map<string, Part[]>();
  for (const p of u.source)
    if (p.t !== 'text') byId.set(ids.get(p)!, [...(byId.get(ids.get(p)!) ?? []), p]);
  let out = `    <unit id="${escapeAttr(u.id)}" xml:space="preserve">\n`;
  out += notes(u.notes, '      ');
  if (refs.data.length > 0) {
    out += '      <originalData>\n';
    for (const d of refs.data) out += `        <data id="${d.id}">${escapeText(d.value)}</data>\n`;
    out += '      </originalData>\n';
  }
  const tids = u.target ? matchCodes(u.source, u.target) : undefined;
  const state = u.target && tids ? (u.state ?? 'translated') : 'initial';
  out += `      <segment id="${escapeAttr(u.id)}" state="${state}">\n`;
  out += `        <source>${inline(u.source, ids, (p) => refs.of.get(p)!)}</source>\n`;
  if (u.target && tids) {
    const dataOf = (p: Part) => {
      const twins = byId.get(tids.get(p)!) ?? [];
      const twin = twins.find((s) => s.t === p.t);
      return twin ? refs.of.get(twin)! : 'd0';
    };
    out += `        <target>${inline(u.target, tids, dataOf)}</target>\n`;
  }
  out += '      </segment>\n    </unit>\n';
  return out;
}

/** One XLIFF 2.0 document holding the given files. */
export function writeXliff(files: XliffFile[], srcLang: string, trgLang: string): string {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="${escapeAttr(srcLang)}" trgLang="${escapeAttr(trgLang)}">\n`;
  for (const file of files) {
    out += `  <file id="${escapeAttr(file.id)}" original="${escapeAttr(file.original)}">\n`;
    out += notes(file.notes, '    ');
    for (const u of file.units) out += unit(u);
    out += '  </file>\n';
  }
  out += '</xliff>\n';
  return out;
}
