/**
 * Reading source files safely: bytes -> text, with every failure (missing,
 * unreadable, binary, not UTF-8, too large) reported as a `file-unreadable`
 * diagnostic on the file instead of an exception.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { report } from './report.js';

/** Files above this size are refused (a manuscript chapter is a few hundred KB). */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

export interface Source {
  path: string;
  file: VFile;
  text: string;
  sha256: string;
  readable: boolean;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Line and column (1-based) of a byte offset, counting decoded characters before it. */
function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Decode bytes as the text an editor shows: UTF-8, BOM removed. */
export function decodeSource(bytes: Uint8Array, file: VFile): { text: string; readable: boolean } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    report(
      file,
      'file-unreadable',
      'this is a binary file, not Markdown or BibTeX text; remove it or save it as UTF-8 text.',
      placeOfByte(bytes, nul),
    );
    return { text: '', readable: false };
  }
  try {
    let text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text, readable: true };
  } catch {
    // Locate the first undecodable byte as an editor would show it: decode leniently
    // and find the first replacement character.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = Math.max(0, lenient.indexOf('\ufffd'));
    const before = lenient.slice(0, at).split(/\r\n|\r|\n/);
    const place = { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
    // A lone byte >= 0xA0 followed by ASCII is what Latin-1/Windows-1252 text looks like.
    const looksLatin1 = bytes.some((b, i) => b >= 0xa0 && (bytes[i + 1] ?? 0) < 0x80);
    report(
      file,
      'file-unreadable',
      looksLatin1
        ? 'this file is not UTF-8 (it looks like Latin-1/Windows-1252 text pasted from another program); re-save it as UTF-8 so accented letters are not garbled.'
        : 'this file is not valid UTF-8; re-save it as UTF-8 text.',
      place,
    );
    return { text: '', readable: false };
  }
}

/** Read a source file; never throws. */
export function readSource(abs: string, cwd: string): Source {
  const file = new VFile({ path: displayPath(abs, cwd) });
  const fail = (reason: string): Source => {
    report(file, 'file-unreadable', reason, { line: 1, column: 1 });
    return { path: abs, file, text: '', sha256: sha256(''), readable: false };
  };
  let bytes: Buffer;
  try {
    const stat = statSync(abs);
    if (stat.isDirectory()) return fail('this is a directory where a file was expected.');
    if (stat.size > MAX_SOURCE_BYTES)
      return fail(
        `this file is ${(stat.size / 1048576).toFixed(0)} MB, above the ${MAX_SOURCE_BYTES / 1048576} MB limit for one source file; split it.`,
      );
    bytes = readFileSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT'
        ? 'this file does not exist; create it or fix the path that names it.'
        : code === 'EACCES'
          ? 'this file cannot be read (permission denied); fix its permissions.'
          : `this file cannot be read (${code ?? String(error)}).`,
    );
  }
  const { text, readable } = decodeSource(bytes, file);
  file.value = text;
  return { path: abs, file, text, sha256: sha256(bytes), readable };
}
