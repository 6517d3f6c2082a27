/**
 * Content-addressed cache of parse results (Markdown trees, the parsed
 * bibliography): keyed by the SHA-256 of the source bytes, never by mtime, so
 * an edit is always seen and a revert hits again. Values are stored as V8
 * serialisations and deserialised on every hit, so each caller gets fresh
 * objects: a cached tree can never be mutated by a rule or a renderer.
 *
 * Two levels: memory (one process: `watch`, repeated builds, tests) and disk
 * (`.flagship-cache/` in the working directory, across processes). Measured on
 * the 60,000-word benchmark manuscript: deserialising its six trees takes about
 * 15 ms where parsing them takes about 1,100 ms. The key also holds a
 * fingerprint of the parser (flagship's parse modules, the versions of the
 * parsing libraries, V8's version), so a changed parser never reads old entries.
 *
 * FLAGSHIP_CACHE=off disables both levels; FLAGSHIP_CACHE=memory keeps only
 * the memory level; FLAGSHIP_CACHE_DIR moves the disk level.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

/** Bytes of serialised entries kept in memory (a 60,000-word manuscript takes about 3 MB). */
const MEMORY_BYTES = 64 * 1024 * 1024;
/** Files kept on disk; older ones are pruned when a write goes over. */
const DISK_ENTRIES = 400;

const memory = new Map<string, Buffer>();

/** Per namespace: hits, misses, and values that could not be serialised (so were not kept). */
const counts = new Map<string, { hits: number; misses: number; unserialisable: number }>();
function count(namespace: string) {
  let c = counts.get(namespace);
  if (!c) counts.set(namespace, (c = { hits: 0, misses: 0, unserialisable: 0 }));
  return c;
}

/** What the cache did in this process, for one namespace (tests, diagnostics). */
export function cacheStats(namespace: string): {
  hits: number;
  misses: number;
  unserialisable: number;
} {
  return { ...count(namespace) };
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** build/ or src/: the root of flagship's modules. */
const SRC = path.resolve(HERE, '..');
const ROOT = path.resolve(SRC, '..');

/** Modules of flagship whose code shapes a parse result, relative to this file's directory. */
const PARSE_MODULES = ['parse', 'bibliography', 'source', 'report', 'recorded-messages', 'syntax'];
/** Libraries whose version shapes a parse result. */
const PARSE_LIBRARIES = [
  'micromark',
  'mdast-util-from-markdown',
  'remark-parse',
  'remark-gfm',
  'remark-directive',
  'remark-frontmatter',
  'yaml',
  '@citation-js/core',
  '@citation-js/plugin-bibtex',
];

const fingerprints = new Map<string, string>();

/**
 * Hash of code that shapes a cached value: flagship modules (paths relative to
 * the compiled or source root, without extension; a directory takes all its
 * modules), the versions of libraries, and V8's version (the serialisation format).
 */
export function codeFingerprint(modules: string[], libraries: string[]): string {
  const id = `${modules.join(',')}|${libraries.join(',')}`;
  const known = fingerprints.get(id);
  if (known) return known;
  const hash = createHash('sha256');
  hash.update(`node-v8 ${process.versions.v8}\n`);
  const files: string[] = [];
  for (const name of modules) {
    const dir = path.join(SRC, name);
    try {
      if (statSync(dir).isDirectory()) {
        for (const f of readdirSync(dir).sort())
          if (/\.(js|ts)$/.test(f)) files.push(path.join(dir, f));
        continue;
      }
    } catch {
      // not a directory: a module file
    }
    for (const ext of ['.js', '.ts']) files.push(path.join(SRC, name + ext));
  }
  for (const lib of libraries) files.push(path.join(ROOT, 'node_modules', lib, 'package.json'));
  for (const file of files) {
    try {
      hash.update(file).update(readFileSync(file));
    } catch {
      hash.update(`${file} absent`);
    }
  }
  const value = hash.digest('hex').slice(0, 16);
  fingerprints.set(id, value);
  return value;
}

/** Hash of everything besides the source bytes that decides what a parse returns. */
export function fingerprint(): string {
  return codeFingerprint(
    PARSE_MODULES.map((m) => `core/${m}`),
    PARSE_LIBRARIES,
  );
}

/** A cache key for a value computed from several inputs (hashed as JSON). */
export function keyOf(parts: unknown): string {
  return createHash('sha256')
    .update(
      JSON.stringify(parts, (_k, v: unknown) =>
        v instanceof Map || v instanceof Set ? [...v] : v,
      ),
    )
    .digest('hex');
}

export type CacheMode = 'on' | 'memory' | 'off';

export function cacheMode(): CacheMode {
  const value = (process.env.FLAGSHIP_CACHE ?? '').toLowerCase();
  if (['off', '0', 'false', 'no'].includes(value)) return 'off';
  if (value === 'memory') return 'memory';
  return 'on';
}

/** Where the disk level lives for a project whose working directory is `cwd`. */
export function cacheDir(cwd: string): string {
  return process.env.FLAGSHIP_CACHE_DIR
    ? path.resolve(process.env.FLAGSHIP_CACHE_DIR)
    : path.join(cwd, '.flagship-cache');
}

function entryKey(namespace: string, contentHash: string): string {
  return createHash('sha256')
    .update(`${namespace}\0${fingerprint()}\0${contentHash}`)
    .digest('hex');
}

let memoryBytes = 0;

/** Keep an entry in memory, dropping the least recently used ones over the budget. */
function remember(key: string, buffer: Buffer): void {
  forget(key);
  memory.set(key, buffer);
  memoryBytes += buffer.length;
  while (memoryBytes > MEMORY_BYTES && memory.size > 1) forget(memory.keys().next().value!);
}

function forget(key: string): void {
  const old = memory.get(key);
  if (old) memoryBytes -= old.length;
  memory.delete(key);
}

/**
 * Write an entry by rename, so a reader sees all of it or nothing. Unlike
 * `atomicWrite` it does not fsync: a cache entry lost in a crash is only
 * recomputed, and fsync cost more than the parse it saves on a cold run.
 */
function writeEntry(file: string, data: Buffer): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, data);
  renameSync(temp, file);
  prune(dir);
}

function prune(dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.v8'));
  if (files.length <= DISK_ENTRIES) return;
  const dated = files.map((f) => ({ f, t: statSync(path.join(dir, f)).mtimeMs }));
  dated.sort((a, b) => a.t - b.t);
  for (const { f } of dated.slice(0, files.length - DISK_ENTRIES))
    rmSync(path.join(dir, f), { force: true });
}

/**
 * A fresh copy of the value cached for this content, or what `compute` returns
 * (stored when `storable` says so). `compute` must depend on nothing but the content.
 */
export function cached<T>(
  namespace: string,
  contentHash: string,
  cwd: string,
  compute: () => T,
  storable: (value: T) => boolean = () => true,
): T {
  const mode = cacheMode();
  if (mode === 'off') return compute();
  const key = entryKey(namespace, contentHash);
  const file = path.join(cacheDir(cwd), `${key}.v8`);
  let buffer = memory.get(key);
  if (buffer)
    remember(key, buffer); // most recently used
  else if (mode === 'on') {
    try {
      buffer = readFileSync(file);
      remember(key, buffer);
    } catch {
      buffer = undefined;
    }
  }
  if (buffer) {
    try {
      const value = deserialize(buffer) as T;
      count(namespace).hits += 1;
      return value;
    } catch {
      forget(key); // a truncated or foreign file: recompute below
    }
  }
  count(namespace).misses += 1;
  const value = compute();
  if (!storable(value)) return value;
  let data: Buffer;
  try {
    data = serialize(value);
  } catch {
    count(namespace).unserialisable += 1;
    return value; // something not serialisable (a function): just do not cache it
  }
  remember(key, data);
  if (mode === 'on') {
    try {
      writeEntry(file, data);
    } catch {
      // a read-only or full disk only costs speed
    }
  }
  return value; // the cache keeps only the serialised copy, so this one is the caller's
}

/** Is there an entry for this content (in memory, or on disk when the disk level is on)? */
export function isCached(namespace: string, contentHash: string, cwd: string): boolean {
  const mode = cacheMode();
  if (mode === 'off') return false;
  const key = entryKey(namespace, contentHash);
  if (memory.has(key)) return true;
  return mode === 'on' && existsSync(path.join(cacheDir(cwd), `${key}.v8`));
}

/** Store an already serialised value (made by another thread) as the entry for this content. */
export function storeSerialized(
  namespace: string,
  contentHash: string,
  cwd: string,
  data: Buffer,
): void {
  const mode = cacheMode();
  if (mode === 'off') return;
  const key = entryKey(namespace, contentHash);
  remember(key, data);
  if (mode === 'on') {
    try {
      writeEntry(path.join(cacheDir(cwd), `${key}.v8`), data);
    } catch {
      // a read-only or full disk only costs speed
    }
  }
}

/** Forget the memory level (tests; the disk level stays). */
export function clearMemoryCache(): void {
  memory.clear();
  memoryBytes = 0;
}
