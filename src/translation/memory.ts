/**
 * What was translated from which source: `manuscript/<lang>/translation-memory.json`
 * records, for each segment imported with a translation, the id of its source
 * segment (ids change when the source text changes) and when it was imported.
 * Export pre-fills only targets whose source id is recorded, so a segment whose
 * source changed after translation goes back to the translators empty, with its
 * old translation as a note; `check --lang` reports it (translation-outdated).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { atomicWrite } from '../util/atomic-write.js';

export const MEMORY_FILE = 'translation-memory.json';
const FORMAT = 'flagship-translation-memory';

export interface MemoryEntry {
  /** Source file, relative to the manuscript directory. */
  file: string;
  /** When the translation was imported (ISO 8601, UTC). */
  date: string;
}

export interface Memory {
  format: typeof FORMAT;
  lang: string;
  /** By source segment id. */
  segments: Record<string, MemoryEntry>;
}

export function memoryPath(translationDir: string): string {
  return path.join(translationDir, MEMORY_FILE);
}

/** The memory of a translation directory; undefined when there is none or it is unreadable. */
export function readMemory(translationDir: string): Memory | undefined {
  const file = memoryPath(translationDir);
  if (!existsSync(file)) return undefined;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Memory;
    if (value?.format !== FORMAT || typeof value.segments !== 'object' || !value.segments)
      return undefined;
    return value;
  } catch {
    return undefined;
  }
}

/** Add entries to the memory (creating it) and write it atomically. */
export function recordMemory(
  translationDir: string,
  lang: string,
  entries: Record<string, MemoryEntry>,
): void {
  const memory: Memory = readMemory(translationDir) ?? { format: FORMAT, lang, segments: {} };
  Object.assign(memory.segments, entries);
  const sorted = Object.fromEntries(
    Object.entries(memory.segments).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  atomicWrite(
    memoryPath(translationDir),
    `${JSON.stringify({ ...memory, segments: sorted }, null, 2)}\n`,
  );
}
