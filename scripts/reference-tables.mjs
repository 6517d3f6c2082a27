/**
 * Part of `npm run build`: converts the reference tables (data/reference/*.csv) into
 * build/reference/*.json with csv-parse, each stamped with its CSV's SHA-256, so that
 * `flagship check` reads JSON instead of loading a CSV parser (src/core/reference.ts).
 *   node scripts/reference-tables.mjs [--out DIR]   (default: build/reference)
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--out');
const out = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(root, 'build', 'reference');
const { compileTable } = await import(
  pathToFileURL(path.join(root, 'build', 'core', 'reference.js')).href
);
const { atomicWrite } = await import(
  pathToFileURL(path.join(root, 'build', 'util', 'atomic-write.js')).href
);
const data = path.join(root, 'data', 'reference');
mkdirSync(out, { recursive: true });
for (const file of readdirSync(data).filter((f) => f.endsWith('.csv'))) {
  const table = compileTable(readFileSync(path.join(data, file), 'utf8'));
  atomicWrite(path.join(out, file.replace(/\.csv$/, '.json')), JSON.stringify(table));
}
