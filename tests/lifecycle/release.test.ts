// release() with a stand-in build (no Chromium): what blocks a release, what a failed build
// leaves behind, and the tag it makes without a git identity.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { release, type BuildFunction } from '../../src/lifecycle/release.js';
import { serializeSealed } from '../../src/util/integrity.js';
import { fixtureRepo, git, remove } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = fixtureRepo();
});
afterEach(() => remove(dir));

/** A build that writes a small PDF and build.json where it is told to. */
const fakeBuild: BuildFunction = async ({ out }) => {
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, '%PDF-1.7 fake\n');
  const buildJson = path.join(path.dirname(out), 'build.json');
  // Sealed like the real build's (util/integrity.ts); release() verifies it.
  writeFileSync(buildJson, serializeSealed({ draft: 'first', pdf: { file: out } }));
  return { pdf: out, buildJson };
};

describe('release (stand-in build)', () => {
  it('ignores outputs under dist/, releases/ and .flagship-cache/ but not other untracked files', async () => {
    for (const d of ['dist', 'releases', '.flagship-cache']) {
      mkdirSync(path.join(dir, d), { recursive: true });
      writeFileSync(path.join(dir, d, 'x.txt'), 'output');
    }
    writeFileSync(path.join(dir, 'notes.txt'), 'a note');
    await expect(release({ draft: 'first', cwd: dir, build: fakeBuild })).rejects.toThrow(
      /uncommitted changes \(notes\.txt\)/,
    );
    remove(path.join(dir, 'notes.txt'));
    const outcome = await release({ draft: 'first', cwd: dir, build: fakeBuild });
    expect(outcome.ok).toBe(true);
  });

  it('a failed build leaves no release directory, no temporary directory and no tag', async () => {
    const broken: BuildFunction = async () => {
      throw new Error('printer on fire');
    };
    await expect(release({ draft: 'first', cwd: dir, build: broken })).rejects.toThrow(
      'printer on fire',
    );
    expect(readdirSync(path.join(dir, 'releases'))).toEqual([]);
    expect(git(dir, 'tag', '--list')).toBe('');
    // ... and the release can then be made.
    expect((await release({ draft: 'first', cwd: dir, build: fakeBuild })).ok).toBe(true);
    expect(existsSync(path.join(dir, 'releases/first-v0.1.0/first-v0.1.0.pdf'))).toBe(true);
  });

  it('makes an annotated tag with a git identity, a lightweight one without', async () => {
    await release({ draft: 'first', cwd: dir, build: fakeBuild });
    expect(git(dir, 'cat-file', '-t', 'first-v0.1.0')).toBe('tag');

    const bare = fixtureRepo();
    git(bare, 'config', '--unset', 'user.name');
    git(bare, 'config', '--unset', 'user.email');
    const home = mkdtempSync(path.join(os.tmpdir(), 'flagship-home-'));
    const saved = { HOME: process.env.HOME, GIT_CONFIG_NOSYSTEM: process.env.GIT_CONFIG_NOSYSTEM };
    process.env.HOME = home;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    try {
      const outcome = await release({ draft: 'first', cwd: bare, build: fakeBuild });
      expect(outcome.ok).toBe(true);
      expect(git(bare, 'cat-file', '-t', 'first-v0.1.0')).toBe('commit');
    } finally {
      process.env.HOME = saved.HOME;
      if (saved.GIT_CONFIG_NOSYSTEM === undefined) delete process.env.GIT_CONFIG_NOSYSTEM;
      else process.env.GIT_CONFIG_NOSYSTEM = saved.GIT_CONFIG_NOSYSTEM;
      remove(bare);
      remove(home);
    }
  });

  it('outside a git repository it says to create one', async () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), 'flagship-plain-'));
    try {
      await expect(release({ draft: 'first', cwd: plain, build: fakeBuild })).rejects.toThrow(
        /is not inside a git repository/,
      );
    } finally {
      remove(plain);
    }
  });
});

describe('release and build.json integrity', () => {
  it('refuses a build.json changed after the build, and releases nothing', async () => {
    const tampering: BuildFunction = async (options) => {
      const built = await fakeBuild(options);
      writeFileSync(
        built.buildJson,
        serializeSealed({ draft: 'first', pdf: { file: options.out } }).replace('first', 'final'),
      );
      return built;
    };
    await expect(release({ draft: 'first', cwd: dir, build: tampering })).rejects.toThrow(
      /build\.json was changed after flagship wrote it/,
    );
    expect(existsSync(path.join(dir, 'releases', 'first-v0.1.0'))).toBe(false);
  });
});
