/**
 * `flagship release <draft>`: check the manuscript for that draft (errors
 * refuse the release; no --force), build its PDF, and record the release in
 * `releases/<draft>-v<version>/` (the PDF, its build.json, manifest.json with the
 * commit and the SHA-256 of every source file, manifest.json.sha256) and a git
 * tag of the same name on the commit. Refuses a dirty working tree (changes
 * under releases/, dist/ and .flagship-cache/ aside: they are outputs) and a version already released.
 * It commits nothing: the tag marks the source commit; committing the record is
 * the editor's choice.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { loadSources } from '../core/load.js';
import { check, parseStage, type CheckResult } from '../core/pipeline.js';
import { sha256 } from '../core/source.js';
import type { Stage } from '../core/types.js';
import { atomicWrite } from '../util/atomic-write.js';
import { readSealedJson, serializeSealed } from '../util/integrity.js';
import { createTag, dirtyPaths, git, headCommit, repoRoot, shortHash, tagExists } from './git.js';
import {
  listReleaseDirs,
  MANIFEST,
  MANIFEST_HASH,
  manifestHashLine,
  readManifest,
  releaseName,
  RELEASES_DIR,
  type Manifest,
  type ManifestFile,
} from './manifest.js';
import { bibliographyInRepo, manuscriptInRepo } from './snapshot.js';

/** Output directories a release may leave changed; everything else must be committed. */
export const IGNORED_DIRTY = [`${RELEASES_DIR}/`, 'dist/', '.flagship-cache/'];

export interface BuildResult {
  pdf: string;
  buildJson: string;
  pages?: number;
}

export type BuildFunction = (options: {
  manuscript: string;
  cwd: string;
  draft: Stage;
  out: string;
  quiet: boolean;
  bibliography?: string;
}) => Promise<BuildResult>;

export interface ReleaseOptions {
  draft: string;
  cwd?: string;
  manuscript?: string;
  bibliography?: string;
  /** The PDF build (default: `build()` of src/render/build.ts). */
  build?: BuildFunction;
  /** Time of the release (default: now). */
  now?: Date;
  toolVersion?: string;
}

export type ReleaseOutcome =
  | { ok: true; name: string; dir: string; manifest: Manifest; check: CheckResult }
  | { ok: false; check: CheckResult };

/** The build, loaded on demand: a release is the only lifecycle step that needs Chromium. */
async function defaultBuild(): Promise<BuildFunction> {
  const { build, BuildVerificationError } = await import('../render/build.js');
  return async (options) => {
    let result;
    try {
      result = await build({ ...options, force: false });
    } catch (error) {
      // The build found its own PDF wrong: there is nothing to release.
      if (error instanceof BuildVerificationError)
        throw new UsageError(`release refused: ${error.message}`);
      throw error;
    }
    if (!result.ok || !result.pdf || !result.buildJson)
      throw new UsageError(
        'release refused: the build wrote no PDF; run `flagship build` to see why.',
      );
    return { pdf: result.pdf, buildJson: result.buildJson, pages: result.pages };
  };
}

function list(paths: string[], max = 5): string {
  return paths.length > max
    ? `${paths.slice(0, max).join(', ')} and ${paths.length - max} more`
    : paths.join(', ');
}

/** The files a release is made of: everything git tracks in the manuscript, the bibliography, the CSL and templates. */
function sourceFiles(root: string, paths: string[]): ManifestFile[] {
  const out = git(root, ['ls-files', '-z', '--', ...paths]);
  const files = [...new Set(out.split('\0').filter((p) => p !== ''))].sort();
  return files.map((file) => {
    const bytes = readFileSync(path.join(root, file));
    return { path: file, sha256: sha256(bytes), bytes: bytes.length };
  });
}

function outputFile(dir: string, name: string): ManifestFile {
  const bytes = readFileSync(path.join(dir, name));
  return { path: name, sha256: sha256(bytes), bytes: bytes.length };
}

export async function release(options: ReleaseOptions): Promise<ReleaseOutcome> {
  const cwd = options.cwd ?? process.cwd();
  const root = repoRoot(cwd);
  const stage = parseStage(options.draft, 'first');
  const head = headCommit(root);

  const dirty = dirtyPaths(root, IGNORED_DIRTY);
  if (dirty.length > 0)
    throw new UsageError(
      `the working tree has uncommitted changes (${list(dirty)}); commit them so the release matches a commit (git add ... && git commit), then run \`flagship release ${stage}\` again.`,
    );

  const sources = loadSources({
    cwd,
    manuscript: options.manuscript,
    bibliography: options.bibliography,
  });
  const { config } = sources;
  if (config.draft !== stage)
    throw new UsageError(
      `manuscript.yaml says \`draft: ${config.draft}\`; to release the ${stage} draft set \`draft: ${stage}\` (and raise \`version:\`), commit, then run again.`,
    );
  const name = releaseName(stage, config.version);
  const taken = listReleaseDirs(root)
    .map((n) => readManifest(root, n))
    .find((m) => m !== undefined && m.version === config.version);
  if (existsSync(path.join(root, RELEASES_DIR, name)) || tagExists(root, name) || taken)
    throw new UsageError(
      `version ${config.version} is already released${taken ? ` (as ${taken.name})` : tagExists(root, name) ? ` (git tag ${name})` : ''}; raise \`version:\` in manuscript.yaml (e.g. to the next minor version), commit, then run \`flagship release ${stage}\` again.`,
    );

  const result = await check({
    cwd,
    manuscript: options.manuscript,
    bibliography: options.bibliography,
    draft: stage,
  });
  if (!result.ok) return { ok: false, check: result };

  const releasesDir = path.join(root, RELEASES_DIR);
  const temp = path.join(releasesDir, `.${name}.tmp-${process.pid}`);
  const final = path.join(releasesDir, name);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    const build = options.build ?? (await defaultBuild());
    const built = await build({
      manuscript: sources.dir,
      cwd,
      draft: stage,
      out: path.join(temp, 'build', `${name}.pdf`),
      quiet: true,
      bibliography: options.bibliography,
    });
    const pdfName = `${name}.pdf`;
    copyFileSync(built.pdf, path.join(temp, pdfName));
    // build.json names the PDF where the build wrote it; name it where the release keeps it.
    // build.json is sealed by the build (util/integrity.ts): verify it, and re-seal the edited copy.
    const verified = readSealedJson<{ pdf?: { file?: string } }>(
      built.buildJson,
      path.relative(cwd, built.buildJson),
      { remedy: 'build again with `flagship build`' },
    );
    if (!verified.ok) throw new UsageError(verified.message);
    const record = verified.value;
    if (record.pdf && typeof record.pdf === 'object')
      record.pdf.file = path.relative(cwd, path.join(final, pdfName)).split(path.sep).join('/');
    atomicWrite(path.join(temp, 'build.json'), serializeSealed(record));
    rmSync(path.join(temp, 'build'), { recursive: true, force: true });

    const manuscriptRel = manuscriptInRepo(root, { cwd, manuscript: options.manuscript });
    const configText = readFileSync(path.join(sources.dir, 'manuscript.yaml'), 'utf8');
    const bibliographyRel = options.bibliography
      ? path.relative(root, path.resolve(cwd, options.bibliography)).split(path.sep).join('/')
      : bibliographyInRepo(manuscriptRel, configText);
    const cslRel = path.posix.normalize(path.posix.join(manuscriptRel, config.csl));
    const tracked = [manuscriptRel, bibliographyRel, cslRel];
    if (
      existsSync(path.join(root, 'templates')) &&
      statSync(path.join(root, 'templates')).isDirectory()
    )
      tracked.push('templates');
    const manifest: Manifest = {
      format: 1,
      name,
      draft: stage,
      version: config.version,
      commit: head,
      tag: name,
      createdAt: (options.now ?? new Date()).toISOString(),
      tool: { name: 'flagship', version: options.toolVersion ?? '0.0.0' },
      manuscript: manuscriptRel,
      bibliography: bibliographyRel,
      sources: sourceFiles(root, tracked),
      outputs: [outputFile(temp, pdfName), outputFile(temp, 'build.json')],
    };
    const json = `${JSON.stringify(manifest, null, 2)}\n`;
    atomicWrite(path.join(temp, MANIFEST), json);
    atomicWrite(path.join(temp, MANIFEST_HASH), manifestHashLine(json));
    renameSync(temp, final);
    try {
      createTag(root, name, head, `flagship release ${name} (${shortHash(head)})`);
    } catch (error) {
      rmSync(final, { recursive: true, force: true });
      throw error;
    }
    return { ok: true, name, dir: final, manifest, check: result };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
