/**
 * The release record: `releases/<draft>-v<version>/manifest.json` lists the
 * commit and the SHA-256 of every source file and output; `manifest.json.sha256`
 * (sha256sum format) lets anyone verify the manifest itself. Read back verified.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { sha256 } from '../core/source.js';
import { STAGES, type Stage } from '../core/types.js';

export const RELEASES_DIR = 'releases';
export const MANIFEST = 'manifest.json';
export const MANIFEST_HASH = 'manifest.json.sha256';

export interface ManifestFile {
  /** Repository-relative path (sources) or release-relative path (outputs). */
  path: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  format: 1;
  /** `<draft>-v<version>`, also the git tag. */
  name: string;
  draft: Stage;
  version: string;
  /** The commit the release was built from (its sources are read back through git). */
  commit: string;
  tag: string;
  createdAt: string;
  tool: { name: 'flagship'; version: string };
  /** Manuscript directory and bibliography, relative to the repository root. */
  manuscript: string;
  bibliography: string;
  sources: ManifestFile[];
  outputs: ManifestFile[];
}

export function releaseName(draft: Stage, version: string): string {
  return `${draft}-v${version}`;
}

const NAME = new RegExp(`^(${STAGES.join('|')})-v(\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?)$`);

export function parseReleaseName(name: string): { draft: Stage; version: string } | undefined {
  const match = NAME.exec(name);
  return match ? { draft: match[1] as Stage, version: match[2]! } : undefined;
}

export function manifestHashLine(json: string): string {
  return `${sha256(json)}  ${MANIFEST}\n`;
}

/** Read and verify a release's manifest; undefined when there is no such release directory. */
export function readManifest(root: string, name: string): Manifest | undefined {
  const dir = path.join(root, RELEASES_DIR, name);
  const file = path.join(dir, MANIFEST);
  if (!existsSync(file)) return undefined;
  const where = `${RELEASES_DIR}/${name}`;
  const json = readFileSync(file, 'utf8');
  const hashFile = path.join(dir, MANIFEST_HASH);
  if (!existsSync(hashFile))
    throw new UsageError(
      `${where}/${MANIFEST_HASH} is missing, so the release record cannot be verified; restore it from the repository or the release archive.`,
    );
  const expected = readFileSync(hashFile, 'utf8').trim().split(/\s+/)[0];
  if (expected !== sha256(json))
    throw new UsageError(
      `${where}/${MANIFEST} does not match its SHA-256 in ${MANIFEST_HASH}: the release record was changed after the release; restore both files from the repository or the release archive.`,
    );
  let manifest: Manifest;
  try {
    manifest = JSON.parse(json) as Manifest;
  } catch {
    throw new UsageError(`${where}/${MANIFEST} is not valid JSON; restore it from the repository.`);
  }
  if (
    manifest.format !== 1 ||
    typeof manifest.commit !== 'string' ||
    !Array.isArray(manifest.sources)
  )
    throw new UsageError(
      `${where}/${MANIFEST} is not a flagship release manifest (format 1); restore it from the repository.`,
    );
  return manifest;
}

/** Names of the recorded releases (directories under releases/ with a manifest). */
export function listReleaseDirs(root: string): string[] {
  const dir = path.join(root, RELEASES_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .filter((name) => existsSync(path.join(dir, name, MANIFEST)));
}

/** Compare semantic versions (major.minor.patch; a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split(/[-+]/, 2);
    return { nums: core.split('.').map(Number), pre };
  };
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (pa.nums[i] ?? 0) - (pb.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === undefined) return 1;
  if (pb.pre === undefined) return -1;
  return pa.pre.localeCompare(pb.pre);
}
