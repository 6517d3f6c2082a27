/**
 * XLIFF 2.0 reader: parses a document with fast-xml-parser (order preserved,
 * no entity expansion beyond the XML built-ins, which are decoded here) and
 * checks it against the structure and constraints of the XLIFF 2.0 core
 * specification that matter for an exchange with CAT tools: root, version and
 * namespace, element order, required and unique ids, attribute values, data
 * references, and inline codes of the target against those of the source.
 *
 * The official XSD is not shipped (it cannot be fetched here and must not be
 * retyped from memory); this validator covers the core schema's structure
 * and the processing requirements flagship depends on. See docs/translation.md.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XLIFF_NS } from './xliff-write.js';

/** Inline content of a source or target, codes by id. */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'ph'; id: string }
  | { t: 'open'; id: string }
  | { t: 'close'; id: string };

export interface ReadSegment {
  /** An `<ignorable>` (whitespace between segments after resegmentation). */
  ignorable?: boolean;
  id?: string;
  state?: string;
  source: Inline[];
  target?: Inline[];
}

export interface ReadUnit {
  id: string;
  segments: ReadSegment[];
  /** originalData by data id. */
  data: Map<string, string>;
}

export interface ReadFile {
  id: string;
  original?: string;
  units: ReadUnit[];
}

export interface ReadXliff {
  srcLang?: string;
  trgLang?: string;
  files: ReadFile[];
  /** Violations of the XLIFF 2.0 core structure; empty when valid. */
  problems: string[];
}

type XNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
});

/** Decode the XML built-in and numeric character references. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
    if (ref[0] === '#')
      return codePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref]!;
  });
}

/** A character from a code point; U+FFFD for one that is not a Unicode scalar value. */
function codePoint(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\uFFFD';
}

function nameOf(node: XNode): string {
  return Object.keys(node).find((k) => k !== ':@')!;
}

function childrenOf(node: XNode): XNode[] {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as XNode[]) : [];
}

function attrs(node: XNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node[':@'] ?? {})) out[k] = decodeXml(String(v));
  return out;
}

/** Element children only (text, comments and foreign-namespace elements reported separately). */
function elements(node: XNode): XNode[] {
  return childrenOf(node).filter((c) => !['#text', '#comment', '#cdata'].includes(nameOf(c)));
}

function textOf(node: XNode): string {
  const name = nameOf(node);
  if (name === '#text') return decodeXml(String(node['#text']));
  if (name === '#cdata') return childrenOf(node).map(textOf).join('');
  return '';
}

const NMTOKEN = /^[\p{L}\p{N}._:-]+$/u;
const STATES = ['initial', 'translated', 'reviewed', 'final'];
const TYPES = ['fmt', 'ui', 'quote', 'link', 'image', 'other'];
const XLF_SUBTYPES = ['xlf:lb', 'xlf:pb', 'xlf:b', 'xlf:i', 'xlf:u', 'xlf:var'];
const YES_NO = ['yes', 'no'];
const INLINE = ['cp', 'ph', 'pc', 'sc', 'ec', 'mrk', 'sm', 'em'];

class Checker {
  problems: string[] = [];
  fail(where: string, what: string) {
    this.problems.push(`${where}: ${what}`);
  }
  id(where: string, a: Record<string, string>, required: boolean) {
    if (a.id === undefined) {
      if (required) this.fail(where, 'the required attribute `id` is missing');
      return;
    }
    if (!NMTOKEN.test(a.id)) this.fail(where, `id "${a.id}" is not an NMTOKEN`);
  }
  oneOf(where: string, a: Record<string, string>, name: string, values: string[]) {
    if (a[name] !== undefined && !values.includes(a[name]))
      this.fail(where, `${name}="${a[name]}" is not one of ${values.join(', ')}`);
  }
  codeType(where: string, a: Record<string, string>) {
    this.oneOf(where, a, 'type', TYPES);
    const sub = a.subType;
    if (sub === undefined) return;
    if (a.type === undefined) this.fail(where, 'subType is used without type');
    if (!/^[^\s:]+:[^\s:]+$/.test(sub)) this.fail(where, `subType "${sub}" is not prefix:value`);
    if (sub.startsWith('xlf:') && !XLF_SUBTYPES.includes(sub))
      this.fail(where, `subType "${sub}" is not a value XLIFF defines`);
  }
}

/** Inline content of `<source>`/`<target>`, checking each inline element. */
function readInline(
  node: XNode,
  where: string,
  c: Checker,
  data: Map<string, string>,
  ids: Set<string> | undefined,
  out: Inline[] = [],
): Inline[] {
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    if (name === '#text' || name === '#cdata') {
      const v = textOf(child);
      const prev = out.at(-1);
      if (prev?.t === 'text') prev.v += v;
      else out.push({ t: 'text', v });
      continue;
    }
    if (name === '#comment') continue;
    const a = attrs(child);
    const at = `${where} <${name}${a.id ? ` id="${a.id}"` : ''}>`;
    if (!INLINE.includes(name)) {
      c.fail(at, 'is not an XLIFF 2.0 inline element');
      continue;
    }
    if (name === 'cp') {
      const code = /^[0-9a-fA-F]{1,6}$/.test(a.hex ?? '') ? parseInt(a.hex!, 16) : NaN;
      if (Number.isNaN(code) || code > 0x10ffff) c.fail(at, 'hex must be a Unicode code point');
      else out.push({ t: 'text', v: String.fromCodePoint(code) });
      continue;
    }
    if (name === 'ph' || name === 'pc' || name === 'sc') {
      c.id(at, a, true);
      for (const k of ['canCopy', 'canDelete']) c.oneOf(at, a, k, YES_NO);
      c.oneOf(at, a, 'canReorder', ['yes', 'no', 'firstNo']);
      c.codeType(at, a);
      for (const ref of ['dataRef', 'dataRefStart', 'dataRefEnd'])
        if (a[ref] !== undefined && !data.has(a[ref]!))
          c.fail(at, `${ref}="${a[ref]}" names no <data> in <originalData>`);
      // Codes repeated or missing in a target are reported per unit by the importer.
      if (ids && a.id !== undefined && ids.has(a.id)) c.fail(at, 'id is not unique in its unit');
      ids?.add(a.id ?? '');
    }
    if (name === 'ph') {
      if (elements(child).length > 0) c.fail(at, '<ph> must be empty');
      out.push({ t: 'ph', id: a.id ?? '' });
    } else if (name === 'pc') {
      c.oneOf(at, a, 'canOverlap', YES_NO);
      out.push({ t: 'open', id: a.id ?? '' });
      readInline(child, where, c, data, ids, out);
      out.push({ t: 'close', id: a.id ?? '' });
    } else if (name === 'sc') out.push({ t: 'open', id: a.id ?? '' });
    else if (name === 'ec') {
      const ref = a.startRef ?? a.id;
      if (ref === undefined) c.fail(at, '<ec> needs startRef (or id when isolated)');
      out.push({ t: 'close', id: ref ?? '' });
    } else if (name === 'mrk') {
      c.id(at, a, true);
      readInline(child, where, c, data, ids, out); // annotations are transparent
    }
    // <sm>/<em> (annotation markers) carry no content.
  }
  return out;
}

function readNotes(node: XNode, where: string, c: Checker) {
  const notes = elements(node);
  if (notes.length === 0) c.fail(where, '<notes> must hold at least one <note>');
  for (const note of notes) {
    const a = attrs(note);
    if (nameOf(note) !== 'note') c.fail(where, `<${nameOf(note)}> is not allowed in <notes>`);
    c.oneOf(`${where} <note>`, a, 'appliesTo', ['source', 'target']);
    if (a.priority !== undefined && !/^(10|[1-9])$/.test(a.priority))
      c.fail(`${where} <note>`, 'priority must be 1 to 10');
  }
}

function isForeign(name: string): boolean {
  return name.includes(':'); // elements of other namespaces (modules, extensions)
}

function readUnit(node: XNode, where: string, c: Checker): ReadUnit {
  const a = attrs(node);
  c.id(where, a, true);
  c.oneOf(where, a, 'translate', YES_NO);
  c.oneOf(where, a, 'canResegment', YES_NO);
  const unit: ReadUnit = { id: a.id ?? '', segments: [], data: new Map() };
  const order = ['notes', 'originalData', 'segment'];
  let stage = 0;
  const ids = new Set<string>();
  for (const child of elements(node)) {
    const name = nameOf(child);
    if (isForeign(name)) continue;
    const rank = name === 'ignorable' ? 2 : order.indexOf(name);
    if (rank < 0) {
      c.fail(where, `<${name}> is not allowed in <unit>`);
      continue;
    }
    if (rank < stage) c.fail(where, `<${name}> is out of order (notes, originalData, segments)`);
    stage = rank;
    if (name === 'notes') readNotes(child, `${where} <notes>`, c);
    else if (name === 'originalData') {
      for (const d of elements(child)) {
        const da = attrs(d);
        if (nameOf(d) !== 'data') c.fail(where, `<${nameOf(d)}> is not allowed in <originalData>`);
        else if (!da.id) c.fail(where, '<data> needs an id');
        else if (unit.data.has(da.id)) c.fail(where, `<data id="${da.id}"> is duplicated`);
        else {
          let value = '';
          for (const part of childrenOf(d)) {
            if (nameOf(part) === 'cp') value += codePoint(parseInt(attrs(part).hex ?? '', 16));
            else value += textOf(part);
          }
          unit.data.set(da.id, value);
        }
      }
    } else {
      const sa = attrs(child);
      const at = `${where} <${name}${sa.id ? ` id="${sa.id}"` : ''}>`;
      c.id(at, sa, false);
      if (sa.id) {
        if (ids.has(sa.id)) c.fail(at, 'id is not unique in its unit');
        ids.add(sa.id);
      }
      c.oneOf(at, sa, 'state', STATES);
      const parts = elements(child);
      const src = parts.filter((p) => nameOf(p) === 'source');
      const tgt = parts.filter((p) => nameOf(p) === 'target');
      if (src.length !== 1) c.fail(at, 'must hold exactly one <source>');
      if (tgt.length > 1) c.fail(at, 'holds more than one <target>');
      if (parts.some((p) => !['source', 'target'].includes(nameOf(p))))
        c.fail(at, 'holds an element other than <source> and <target>');
      if (parts[0] && nameOf(parts[0]) !== 'source') c.fail(at, '<source> must come first');
      const sourceIds = new Set<string>();
      const source = src[0] ? readInline(src[0], `${at} <source>`, c, unit.data, sourceIds) : [];
      for (const id of sourceIds) {
        if (ids.has(id)) c.fail(at, `inline id "${id}" is not unique in its unit`);
        ids.add(id);
      }
      const segment: ReadSegment = { id: sa.id, state: sa.state, source };
      if (name === 'ignorable') segment.ignorable = true;
      if (tgt[0]) segment.target = readInline(tgt[0], `${at} <target>`, c, unit.data, undefined);
      if (sa.state && sa.state !== 'initial' && !tgt[0])
        c.fail(at, `state="${sa.state}" needs a <target>`);
      unit.segments.push(segment);
    }
  }
  if (!unit.segments.some((s) => !s.ignorable))
    c.fail(where, 'a <unit> needs at least one <segment>');
  return unit;
}

function readGroupOrFile(
  node: XNode,
  where: string,
  c: Checker,
  file: ReadFile,
  unitIds: Set<string>,
) {
  let seenUnit = false;
  for (const child of elements(node)) {
    const name = nameOf(child);
    if (isForeign(name)) continue;
    if (name === 'notes') {
      if (seenUnit) c.fail(where, '<notes> must come before the units');
      readNotes(child, `${where} <notes>`, c);
    } else if (name === 'skeleton') {
      if (seenUnit) c.fail(where, '<skeleton> must come first');
    } else if (name === 'unit') {
      seenUnit = true;
      const a = attrs(child);
      const at = `${where} <unit id="${a.id ?? ''}">`;
      if (a.id && unitIds.has(a.id)) c.fail(at, 'unit id is not unique in its file');
      if (a.id) unitIds.add(a.id);
      file.units.push(readUnit(child, at, c));
    } else if (name === 'group') {
      seenUnit = true;
      const a = attrs(child);
      c.id(`${where} <group>`, a, true);
      readGroupOrFile(child, `${where} <group id="${a.id ?? ''}">`, c, file, unitIds);
    } else c.fail(where, `<${name}> is not allowed here`);
  }
}

/** Parse and check an XLIFF 2.0 document. Problems are listed, never thrown. */
export function readXliff(xml: string): ReadXliff {
  const c = new Checker();
  const result: ReadXliff = { files: [], problems: c.problems };
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    c.fail(`line ${wellFormed.err.line}`, `not well-formed XML: ${wellFormed.err.msg}`);
    return result;
  }
  let parsed: XNode[];
  try {
    parsed = parser.parse(xml) as XNode[];
  } catch (error) {
    c.fail('document', `cannot be read as XML: ${(error as Error).message}`);
    return result;
  }
  const doc = parsed.filter((n) => !['#text', '#comment'].includes(nameOf(n)));
  const root = doc[0];
  if (!root || nameOf(root) !== 'xliff') {
    c.fail('document', 'the root element is not <xliff>');
    return result;
  }
  const a = attrs(root);
  if (a.version !== '2.0') c.fail('<xliff>', `version must be "2.0" (got "${a.version ?? ''}")`);
  if (a.xmlns !== XLIFF_NS) c.fail('<xliff>', `the namespace must be ${XLIFF_NS}`);
  if (!a.srcLang) c.fail('<xliff>', 'the required attribute srcLang is missing');
  result.srcLang = a.srcLang;
  result.trgLang = a.trgLang;
  const fileIds = new Set<string>();
  for (const node of elements(root)) {
    if (nameOf(node) !== 'file') {
      if (!isForeign(nameOf(node)))
        c.fail('<xliff>', `<${nameOf(node)}> is not allowed in <xliff>`);
      continue;
    }
    const fa = attrs(node);
    const where = `<file id="${fa.id ?? ''}">`;
    c.id(where, fa, true);
    if (fa.id && fileIds.has(fa.id)) c.fail(where, 'file id is not unique');
    if (fa.id) fileIds.add(fa.id);
    const file: ReadFile = { id: fa.id ?? '', original: fa.original, units: [] };
    readGroupOrFile(node, where, c, file, new Set());
    if (file.units.length === 0) c.fail(where, 'a <file> needs at least one <unit> or <group>');
    result.files.push(file);
  }
  if (result.files.length === 0) c.fail('<xliff>', 'holds no <file>');
  if (!a.trgLang && result.files.some((f) => f.units.some((u) => u.segments.some((s) => s.target))))
    c.fail('<xliff>', 'trgLang is required when a <target> is present');
  return result;
}
