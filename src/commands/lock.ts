/** `flagship lock` and `flagship lock --verify`: freeze the source for translation, and guard it. */
import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { loadSources } from '../core/load.js';
import { parseProject } from '../core/parse.js';
import { check, parseStage } from '../core/pipeline.js';
import { displayPath } from '../core/source.js';
import { formatResult, FORMATS, type Format } from '../reporters/index.js';
import { useColor } from '../reporters/pretty.js';
import type { Lock } from '../translation/lock.js';
import { bibliographyOption, draftOption, manuscriptOption, setExit } from './shared.js';

/** The translation modules, loaded when `lock` runs (they bring jsdiff; other commands skip them). */
const translation = async () => ({
  ...(await import('../translation/lock.js')),
  ...(await import('../translation/verify.js')),
  ...(await import('../translation/verify-report.js')),
});

interface LockOptions {
  manuscript: string;
  draft?: string;
  bibliography?: string;
  lock?: string;
  verify?: boolean;
  force?: boolean;
  format: Format;
}

export function register(program: Command): void {
  program
    .command('lock')
    .description(
      'freeze the source for translation (a lock with SHA-256 of every file and segment); --verify reports what moved',
    )
    .addOption(manuscriptOption())
    .addOption(draftOption('check the source as this draft stage before locking'))
    .addOption(bibliographyOption())
    .option('--lock <file>', 'lock file (default: <manuscript>/translation.lock.json)')
    .option('--verify', 'compare the source with the lock; exit 1 and list what changed')
    .option('--force', 'write the lock even if `flagship check` finds errors at the draft stage')
    .addOption(
      new Option('-f, --format <format>', 'output format of --verify')
        .choices(FORMATS)
        .default('pretty'),
    )
    .addHelpText(
      'after',
      `
Exit codes: 0 locked / the source matches the lock, 1 the source has errors / moved since the
lock, 2 could not run (no lock, a lock edited by hand or damaged).
Examples:
  flagship lock --draft final             # check as a final draft, then write the lock
  flagship lock --verify                  # in CI: has the source moved under the translators?
  flagship lock --verify --format github  # annotations on a pull request
See docs/translation.md for the segment id scheme.`,
    )
    .action(async (opts: LockOptions) => (opts.verify ? verify(opts) : lock(opts)));
}

async function lock(opts: LockOptions): Promise<void> {
  const result = await check({
    manuscript: opts.manuscript,
    draft: opts.draft,
    bibliography: opts.bibliography,
  });
  if (!result.ok && !opts.force) {
    process.stdout.write(formatResult(result, 'pretty', { color: useColor() }));
    process.stderr.write(
      `flagship: not locked: the source has errors as a ${result.stage} draft; fix them (or pass --force to lock anyway).\n`,
    );
    setExit(1);
    return;
  }
  const { buildLock, lockPath, readLock, verifyLock, writeLock } = await translation();
  const project = result.project;
  const file = lockPath(project, opts.lock);
  const previous = existingLock(file, readLock);
  if (
    previous &&
    previous.draft === result.stage &&
    previous.version === project.config.version &&
    verifyLock(project, previous, file).ok
  ) {
    // Locking an unchanged source again would only move the date (and churn git).
    process.stdout.write(
      `the source is already locked as it is (version ${previous.version}, ${previous.draft} draft, ${previous.date}) in ${displayPath(file, project.cwd)}\n`,
    );
    return;
  }
  const locked = buildLock(project, result.stage);
  writeLock(file, locked);
  const segments = locked.files.reduce((n, f) => n + (f.segments?.length ?? 0), 0);
  process.stdout.write(
    `locked ${segments} segments in ${locked.files.length} files (version ${locked.version}, ${locked.draft} draft) in ${displayPath(file, project.cwd)}\n`,
  );
}

/** The lock already written, if it exists and reads cleanly (a damaged one is replaced). */
function existingLock(file: string, readLock: (file: string) => Lock): Lock | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return readLock(file);
  } catch {
    return undefined;
  }
}

async function verify(opts: LockOptions): Promise<void> {
  const sources = loadSources({ manuscript: opts.manuscript, bibliography: opts.bibliography });
  parseStage(opts.draft, sources.config.draft);
  const project = parseProject(sources);
  const { formatVerify, lockPath, readLock, verifyLock } = await translation();
  const file = lockPath(project, opts.lock);
  const lock = readLock(file);
  const result = verifyLock(project, lock, file);
  process.stdout.write(formatVerify(result, opts.format, useColor()));
  setExit(result.ok ? 0 : 1);
}
