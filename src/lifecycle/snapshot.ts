/**
 * A version of the manuscript to compare: the working tree, a recorded release
 * (`releases/<name>/`, read back from git at the commit its manifest names and
 * checked against the manifest's hashes) or any git ref. Old versions are
 * written to a temporary directory laid out like the repository and parsed by
 * the same load and parse stages as the working tree.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../core/errors.js';
import { loadSources } from '../core/load.js';
import { parseProject } from '../core/parse.js';
import { sha256 } from '../core/source.js';
import type { Project } from '../core/types.js';
import { listFilesAt, listTags, resolveCommit, shortHash, showFile } from './git.js';
import {
  compareVersions,
  listReleaseDirs,
  parseReleaseName,
  readManifest,
  RELEASES_DIR,
  type Manifest,
} from './manifest.js';

export interface Snapshot {
  /** What the user named: a release name, a ref, or `working tree`. */
  label: string;
  kind: 'working' | 'release' | 'git';
  commit?: string;
  manifest?: Manifest;
  project: Project;
}

export interface SnapshotOptions {
  /** Working directory (default: process.cwd()). */
  cwd?: string;
  /** Manuscript directory, relative to cwd (default: manuscript). */
  manuscript?: string;
  /** Bibliography override, relative to cwd. */
  bibliography?: string;
}

/** Words that name the working tree instead of a version. */
export const WORKING = ['working', 'worktree', 'WORKTREE'];

function posix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Where the manuscript is, relative to the repository root (posix). */
export function manuscriptInRepo(root: string, options: SnapshotOptions): string {
  const cwd = options.cwd ?? process.cwd();
  const abs = path.resolve(cwd, options.manuscript ?? 'manuscript');
  const rel = path.relative(root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel))
    throw new UsageError(
      `the manuscript directory ${abs} is outside the git repository ${root}; run flagship inside the repository that holds it.`,
    );
  return posix(rel) || '.';
}

/** The bibliography path of a manuscript.yaml text, relative to the repository root. */
export function bibliographyInRepo(manuscriptRel: string, configText: string | undefined): string {
  let bib = '../references.bib';
  try {
    const value = configText ? (parseYaml(configText) as Record<string, unknown> | null) : null;
    if (value && typeof value.bibliography === 'string') bib = value.bibliography;
  } catch {
    // An invalid manuscript.yaml is reported by the load stage; use the default path.
  }
  return path.posix.normalize(path.posix.join(manuscriptRel, bib));
}

export function loadWorking(options: SnapshotOptions): Snapshot {
  const project = parseProject(loadSources(options));
  return { label: 'working tree', kind: 'working', project };
}

/**
 * Materialise the manuscript (Markdown, YAML) and its bibliography at a commit
 * in a temporary directory and parse it. `expected` (from a manifest) maps a
 * repository path to its SHA-256; a file that differs is refused.
 */
function loadAtCommit(
  root: string,
  commit: string,
  options: SnapshotOptions,
  expected?: Map<string, string>,
  what = shortHash(commit),
): Project {
  const cwd = options.cwd ?? process.cwd();
  const rel = manuscriptInRepo(root, options);
  const files = listFilesAt(root, commit, rel).filter((f) => /\.(md|ya?ml)$/i.test(f));
  if (!files.some((f) => f === path.posix.join(rel, 'manuscript.yaml')))
    throw new UsageError(
      `${what} has no ${path.posix.join(rel, 'manuscript.yaml')}; is the manuscript in another directory at that version? Pass --manuscript.`,
    );
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'flagship-snapshot-'));
  try {
    const write = (file: string, bytes: Buffer) => {
      const hash = expected?.get(file);
      if (hash !== undefined && hash !== sha256(bytes))
        throw new UsageError(
          `${file} at commit ${shortHash(commit)} does not match its SHA-256 in the manifest of ${what}: the release record and the git history disagree; restore the release from the repository.`,
        );
      const target = path.join(tmp, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    };
    let configText: string | undefined;
    for (const file of files) {
      const bytes = showFile(root, commit, file);
      if (!bytes) continue;
      if (file === path.posix.join(rel, 'manuscript.yaml')) configText = bytes.toString('utf8');
      write(file, bytes);
    }
    const bibRel = options.bibliography
      ? posix(path.relative(root, path.resolve(cwd, options.bibliography)))
      : bibliographyInRepo(rel, configText);
    if (bibRel.startsWith('../'))
      throw new UsageError(
        `the bibliography ${bibRel} is outside the git repository, so earlier versions of it cannot be read; keep references.bib in the repository.`,
      );
    const bib = showFile(root, commit, bibRel);
    if (bib) write(bibRel, bib);
    const tmpCwd = path.join(tmp, path.relative(root, cwd));
    mkdirSync(tmpCwd, { recursive: true });
    return parseProject(
      loadSources({
        cwd: tmpCwd,
        manuscript: path.join(tmp, rel),
        bibliography: options.bibliography ? path.join(tmp, bibRel) : undefined,
      }),
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function loadRelease(root: string, name: string, options: SnapshotOptions): Snapshot {
  const manifest = readManifest(root, name);
  if (!manifest) throw new UsageError(`there is no release ${name} under ${RELEASES_DIR}/.`);
  if (!resolveCommit(root, manifest.commit))
    throw new UsageError(
      `the commit ${shortHash(manifest.commit)} of release ${name} is not in this repository; fetch the full history (\`git fetch --unshallow --tags\`, or \`fetch-depth: 0\` in CI).`,
    );
  const expected = new Map(manifest.sources.map((f) => [f.path, f.sha256]));
  const project = loadAtCommit(root, manifest.commit, options, expected, `release ${name}`);
  return { label: name, kind: 'release', commit: manifest.commit, manifest, project };
}

export function loadRef(root: string, ref: string, options: SnapshotOptions): Snapshot {
  const commit = resolveCommit(root, ref);
  if (!commit) {
    const known = [...listReleaseDirs(root), ...listTags(root, '*-v*')];
    throw new UsageError(
      `"${ref}" is neither a release nor a git ref; name a release (${[...new Set(known)].slice(0, 5).join(', ') || 'none yet'}), a tag, a branch or a commit, or \`working\` for the working tree.`,
    );
  }
  return {
    label: ref,
    kind: 'git',
    commit,
    project: loadAtCommit(root, commit, options, undefined, ref),
  };
}

/** A release name, `working`, or a git ref -> the parsed version. */
export function loadSnapshot(root: string, spec: string, options: SnapshotOptions): Snapshot {
  if (WORKING.includes(spec)) return loadWorking(options);
  if (readManifest(root, spec)) return loadRelease(root, spec, options);
  return loadRef(root, spec, options);
}

/**
 * The most recent release: the newest manifest under releases/ (by creation
 * time, then version), or else the highest `<draft>-v<version>` tag.
 */
export function lastRelease(root: string): string | undefined {
  const recorded = listReleaseDirs(root)
    .map((name) => readManifest(root, name)!)
    .sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || compareVersions(b.version, a.version),
    );
  if (recorded[0]) return recorded[0].name;
  const tags = listTags(root, '*-v*').filter((t) => parseReleaseName(t));
  tags.sort((a, b) => compareVersions(parseReleaseName(b)!.version, parseReleaseName(a)!.version));
  return tags[0];
}
