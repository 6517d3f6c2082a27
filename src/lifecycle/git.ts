/**
 * The few git operations the lifecycle commands need (repository root, clean
 * working tree, commits, tags, reading a file at a commit), run through the git
 * command line. Failures become UsageErrors that say what to do.
 */
import { execFileSync } from 'node:child_process';
import { UsageError } from '../core/errors.js';

interface RunOptions {
  /** Return undefined instead of throwing when git exits non-zero. */
  allowFail?: boolean;
}

function run(cwd: string, args: string[], options: RunOptions = {}): Buffer | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === 'ENOENT')
      throw new UsageError(
        'git is not installed; install git (releases and diffs are recorded in git).',
      );
    if (options.allowFail) return undefined;
    const reason = err.stderr?.toString('utf8').trim().split('\n')[0] ?? String(error);
    throw new UsageError(`git ${args[0]} failed: ${reason}`);
  }
}

export function git(cwd: string, args: string[]): string {
  return run(cwd, args)!.toString('utf8').trimEnd();
}

export function gitMaybe(cwd: string, args: string[]): string | undefined {
  return run(cwd, args, { allowFail: true })?.toString('utf8').trimEnd();
}

/** Top directory of the git work tree that holds `cwd`. */
export function repoRoot(cwd: string): string {
  const root = gitMaybe(cwd, ['rev-parse', '--show-toplevel']);
  if (root === undefined || root === '')
    throw new UsageError(
      `${cwd} is not inside a git repository; releases and diffs read versions from git (run \`git init\` and commit the manuscript first).`,
    );
  return root;
}

/** Full hash of the commit a ref names, or undefined. */
export function resolveCommit(root: string, ref: string): string | undefined {
  if (ref.startsWith('-')) return undefined;
  return gitMaybe(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]) || undefined;
}

export function headCommit(root: string): string {
  const head = resolveCommit(root, 'HEAD');
  if (!head)
    throw new UsageError(
      'the repository has no commit yet; commit the manuscript, then run again.',
    );
  return head;
}

/**
 * Paths with uncommitted changes (modified, staged, untracked), relative to the
 * root, except those under one of `ignore` (e.g. `releases/`, `dist/`).
 */
export function dirtyPaths(root: string, ignore: string[] = []): string[] {
  const out = run(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all'])!.toString(
    'utf8',
  );
  const entries = out.split('\0').filter((e) => e !== '');
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const status = entry.slice(0, 2);
    paths.push(entry.slice(3));
    if (status[0] === 'R' || status[0] === 'C') i += 1; // the source path of a rename follows
  }
  return paths.filter(
    (p) => !ignore.some((dir) => p === dir.replace(/\/$/, '') || p.startsWith(dir)),
  );
}

/** Files under `dir` (relative to the root) at a commit. */
export function listFilesAt(root: string, commit: string, dir: string): string[] {
  const out = run(root, ['ls-tree', '-r', '--name-only', '-z', commit, '--', dir])!.toString(
    'utf8',
  );
  return out.split('\0').filter((p) => p !== '');
}

/** Bytes of a file at a commit, or undefined when it does not exist there. */
export function showFile(root: string, commit: string, file: string): Buffer | undefined {
  return run(root, ['show', `${commit}:${file}`], { allowFail: true });
}

export function tagExists(root: string, tag: string): boolean {
  return resolveCommit(root, `refs/tags/${tag}`) !== undefined;
}

/** Tags whose name matches a pattern, newest first by the tagged commit's date. */
export function listTags(root: string, pattern: string): string[] {
  const out = gitMaybe(root, ['tag', '--list', pattern, '--sort=-creatordate']) ?? '';
  return out.split('\n').filter((t) => t !== '');
}

/**
 * Tag a commit. An annotated tag when a git identity is configured (it records
 * who released and when), a lightweight tag otherwise (CI runners often have none).
 */
export function createTag(root: string, tag: string, commit: string, message: string): void {
  const identity = gitMaybe(root, ['var', 'GIT_COMMITTER_IDENT']);
  if (identity) git(root, ['tag', '-a', tag, '-m', message, commit]);
  else git(root, ['tag', tag, commit]);
}

export function shortHash(commit: string): string {
  return commit.slice(0, 7);
}
