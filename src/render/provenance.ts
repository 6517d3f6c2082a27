/**
 * Where a build comes from: the git commit (short sha, "-dirty" when the
 * manuscript has uncommitted changes) and the date, read from the repository so
 * they are never typed twice. Outside a git repository: "no-git" and today.
 */
import { execFileSync } from 'node:child_process';

export interface Provenance {
  commit: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  dirty: boolean;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

export function provenance(cwd: string, paths: string[], now = new Date()): Provenance {
  const today = now.toISOString().slice(0, 10);
  const sha = git(cwd, ['rev-parse', '--short', 'HEAD']);
  if (!sha) return { commit: 'no-git', date: today, dirty: true };
  const status = git(cwd, ['status', '--porcelain', '--', ...paths]) ?? '';
  const dirty = status !== '';
  const date = dirty ? today : (git(cwd, ['log', '-1', '--format=%cs']) ?? today);
  return { commit: dirty ? `${sha}-dirty` : sha, date, dirty };
}
