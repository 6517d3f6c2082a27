#!/usr/bin/env node
// `npm run setup`'s last step: make sure a Chrome or Chromium is there to print PDFs.
// Uses the browser flagship would find (FLAGSHIP_BROWSER, PUPPETEER_EXECUTABLE_PATH,
// CHROME_PATH, system paths, puppeteer's cache); if there is none, installs Debian's
// chromium with apt when apt-get exists and we are root, else runs puppeteer's download.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const { findBrowser, NO_BROWSER_MESSAGE } = await import(
  new URL('../build/render/browser.js', import.meta.url).href
).catch(() => {
  process.stderr.write('setup-browser: run `npm run build` first.\n');
  process.exit(2);
});

function found() {
  try {
    return findBrowser();
  } catch (error) {
    process.stderr.write(`setup-browser: ${error.message}\n`);
    process.exit(2);
  }
}

function run(command, args) {
  process.stdout.write(`setup-browser: ${command} ${args.join(' ')}\n`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

let browser = found();
if (browser) {
  process.stdout.write(
    `setup-browser: using ${browser.executable} (found via ${browser.from}); nothing to install.\n`,
  );
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = ['/usr/bin/apt-get', '/bin/apt-get'].some((p) => existsSync(p));
if (hasApt && isRoot) {
  process.stdout.write("setup-browser: no browser found; installing Debian's chromium with apt.\n");
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
} else {
  process.stdout.write(
    `setup-browser: no browser found; downloading Chrome with puppeteer${hasApt ? ' (apt needs root)' : ''}.\n`,
  );
  run('npx', ['--yes', 'puppeteer', 'browsers', 'install', 'chrome']);
}

browser = found();
if (!browser) {
  process.stderr.write(`setup-browser: still ${NO_BROWSER_MESSAGE}\n`);
  process.exit(2);
}
process.stdout.write(`setup-browser: installed; flagship will use ${browser.executable}.\n`);
