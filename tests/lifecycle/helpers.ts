/**
 * Helpers of the lifecycle tests: a temporary copy of the lifecycle fixture
 * (optionally a git repository with the repo's templates), edits, and the CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURE = path.join(REPO, 'tests/fixtures/lifecycle');
export const CLI = path.join(REPO, 'bin/flagship.js');

/** A fresh copy of the fixture (manuscript/, references.bib, templates/) in a temp directory. */
export function copyFixture(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flagship-lifecycle-'));
  cpSync(FIXTURE, dir, { recursive: true });
  if (existsSync(path.join(REPO, 'templates')))
    cpSync(path.join(REPO, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return dir;
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** The fixture as a git repository with one commit. */
export function fixtureRepo(): string {
  const dir = copyFixture();
  writeFileSync(path.join(dir, '.gitignore'), 'dist/\n');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test Editor');
  git(dir, 'config', 'user.email', 'editor@example.org');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'first draft');
  return dir;
}

export function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

/** Replace text in a file of the copy; fails the test when the text is not there. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const abs = path.join(dir, file);
  const text = readFileSync(abs, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${file}`);
  writeFileSync(abs, next);
}

export function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

export function write(dir: string, file: string, text: string): void {
  writeFileSync(path.join(dir, file), text);
}

export function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI in a directory. */
export function flagship(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
