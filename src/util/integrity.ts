/**
 * Integrity of the JSON records flagship writes and later trusts (build.json,
 * release manifests, the translation lock): the record carries the SHA-256 of
 * its own canonical JSON, and every reader verifies it, so a hand-edited,
 * truncated or damaged record is reported and never trusted.
 *
 * The scheme is the one `translation/lock.ts` introduced, so the two agree: the
 * digest is SHA-256 over the canonical JSON of the record without its digest
 * field (keys sorted at every level, no whitespace, `undefined` left out), hex,
 * stored in a top-level field (default `sha256`).
 *
 * Who uses it: `render/build.ts` seals build.json; `lifecycle/release.ts`
 * verifies it before copying it into a release and re-seals the copy it edits.
 * Release manifests are verified by their `manifest.json.sha256` sidecar
 * (`lifecycle/manifest.ts`) and the translation lock by its own `sha256`
 * (`translation/lock.ts`); new records should use `writeSealedJson` and
 * `readSealedJson` from here.
 *
 * What it guarantees: an edit or corruption of the record is detected. It is
 * not a signature: someone who edits the record and recomputes the digest is
 * not detected (that needs a key; releases rely on git history and tags).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { atomicWrite } from './atomic-write.js';

/**
 * JSON with keys sorted at every level and no whitespace. For the JSON flagship
 * writes (strings, finite numbers, booleans, null, arrays, plain objects) this
 * is RFC 8785's canonical form: its number format is ECMAScript's and its key
 * order UTF-16 code-unit order, which `JSON.stringify` and `<` give. (By hand:
 * a dependency for these lines would add nothing.)
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The digest of a record, its digest field left out. */
export function digestOf(record: Record<string, unknown>, field = 'sha256'): string {
  const { [field]: _omit, ...rest } = record;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** The record with its digest field set (last, so a reader sees the content first). */
export function seal<T extends Record<string, unknown>>(
  record: T,
  field = 'sha256',
): T & Record<string, string> {
  const { [field]: _omit, ...rest } = record;
  return { ...rest, [field]: digestOf(rest, field) } as T & Record<string, string>;
}

/** Pretty JSON of the sealed record, as written to disk. */
export function serializeSealed(record: Record<string, unknown>, field = 'sha256'): string {
  return `${JSON.stringify(seal(record, field), null, 2)}\n`;
}

/** Write a sealed record atomically (readers see the old record or the new, never half). */
export function writeSealedJson(file: string, record: Record<string, unknown>, field = 'sha256') {
  atomicWrite(file, serializeSealed(record, field));
}

export type Verified<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** missing: no file; unreadable; invalid: not JSON or not an object; unsealed: no digest; tampered: digest differs. */
      reason: 'missing' | 'unreadable' | 'invalid' | 'unsealed' | 'tampered';
      /** One sentence for the user: what is wrong and what to do. */
      message: string;
    };

/** Verify the text of a sealed record. `label` names it in messages (e.g. `dist/build.json`). */
export function verifySealedText<T = Record<string, unknown>>(
  text: string,
  label: string,
  options: { field?: string; remedy?: string } = {},
): Verified<T> {
  const field = options.field ?? 'sha256';
  const remedy = options.remedy ?? 'write it again with flagship rather than editing it by hand';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reason: 'invalid',
      message: `${label} is not valid JSON (damaged or truncated); ${remedy}.`,
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return {
      ok: false,
      reason: 'invalid',
      message: `${label} is not a flagship record (not a JSON object); ${remedy}.`,
    };
  const record = value as Record<string, unknown>;
  const stored = record[field];
  if (typeof stored !== 'string' || !/^[0-9a-f]{64}$/.test(stored))
    return {
      ok: false,
      reason: 'unsealed',
      message: `${label} has no \`${field}\` digest, so it cannot be verified; ${remedy}.`,
    };
  if (digestOf(record, field) !== stored)
    return {
      ok: false,
      reason: 'tampered',
      message: `${label} was changed after flagship wrote it (its content no longer matches its SHA-256); ${remedy}.`,
    };
  return { ok: true, value: record as T };
}

/** Read and verify a sealed record; never throws. */
export function readSealedJson<T = Record<string, unknown>>(
  file: string,
  label: string,
  options: { field?: string; remedy?: string } = {},
): Verified<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? { ok: false, reason: 'missing', message: `${label} does not exist.` }
      : {
          ok: false,
          reason: 'unreadable',
          message: `${label} cannot be read (${code ?? String(error)}).`,
        };
  }
  return verifySealedText<T>(text, label, options);
}
