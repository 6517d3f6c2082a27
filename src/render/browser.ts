/**
 * Finding and launching the browser that prints the PDF. Order: FLAGSHIP_BROWSER,
 * PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, the usual system paths, puppeteer's own
 * cache. Launches are hermetic (fresh profile, XDG dirs in a temp folder, no
 * background networking) and reusable: callers may pass a browser they launched.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { UsageError } from '../core/errors.js';
import { onInterrupt } from '../util/cleanup.js';

export const BROWSER_ENV = ['FLAGSHIP_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'];

export const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const NO_BROWSER_MESSAGE =
  'no Chrome or Chromium found to print the PDF; run `npm run setup` (or `apt-get install chromium`, or `npx puppeteer browsers install chrome`), or set FLAGSHIP_BROWSER to a browser executable.';

export interface FoundBrowser {
  executable: string;
  /** Where it was found: an env var name, `system` or `puppeteer`. */
  from: string;
}

/** Find a browser executable; undefined when there is none. */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  candidates: string[] = SYSTEM_BROWSERS,
  cache: () => string | undefined = () => puppeteer.executablePath(),
): FoundBrowser | undefined {
  for (const name of BROWSER_ENV) {
    const value = env[name];
    if (!value) continue;
    if (existsSync(value)) return { executable: value, from: name };
    throw new UsageError(
      `${name} is set to ${value}, which does not exist; point it at a Chrome or Chromium executable or unset it.`,
    );
  }
  for (const candidate of candidates)
    if (existsSync(candidate)) return { executable: candidate, from: 'system' };
  try {
    const cached = cache();
    if (cached && existsSync(cached)) return { executable: cached, from: 'puppeteer' };
  } catch {
    // puppeteer has no browser in its cache.
  }
  return undefined;
}

export const LAUNCH_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/** A launched browser and how to close it (which also removes its temp profile). */
export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/** Seconds one browser command may take (FLAGSHIP_PRINT_TIMEOUT, default 600): a hung print ends. */
export function printTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.FLAGSHIP_PRINT_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 600_000;
}

/** Seconds to wait for the browser to start (FLAGSHIP_BROWSER_TIMEOUT, default 30). */
export function launchTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.FLAGSHIP_BROWSER_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000;
}

export async function launchBrowser(found = findBrowser()): Promise<BrowserSession> {
  if (!found) throw new UsageError(NO_BROWSER_MESSAGE);
  const home = mkdtempSync(path.join(os.tmpdir(), 'flagship-browser-'));
  // Chromium makes a Unix socket in its TMPDIR (`.org.chromium.Chromium.XXXXXX/SingletonSocket`);
  // socket paths are limited to about 104 bytes, so under a deep temp folder it exited at start
  // ("Target closed"). Then it gets a short temp folder of its own.
  const socketDir =
    process.platform !== 'win32' && home.length + 48 > 100 && existsSync('/tmp')
      ? mkdtempSync('/tmp/flagship-')
      : home;
  const removeHome = () => {
    rmSync(home, { recursive: true, force: true });
    if (socketDir !== home) rmSync(socketDir, { recursive: true, force: true });
  };
  // Until the browser is closed, an interrupt (Ctrl-C, CI cancel) kills it and removes its profile.
  let child: ReturnType<Browser['process']> = null;
  const forget = onInterrupt(() => {
    child?.kill('SIGKILL');
    removeHome();
  });
  let browser: Browser;
  // The launch timeout only covers a WebSocket handshake; over a pipe a browser that never
  // answers is killed through this signal when the wait is over.
  const abort = new AbortController();
  const timeout = launchTimeoutMs();
  let timer: NodeJS.Timeout | undefined;
  try {
    const launching = puppeteer.launch({
      executablePath: found.executable,
      headless: true,
      args: [...LAUNCH_FLAGS, `--user-data-dir=${path.join(home, 'profile')}`],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(home, 'config'),
        XDG_CACHE_HOME: path.join(home, 'cache'),
        TMPDIR: socketDir,
      },
      // A pipe, not a WebSocket: if flagship dies (even kill -9) the pipe closes and the
      // browser exits with it; over a WebSocket it stayed behind (9 processes, measured).
      pipe: true,
      timeout,
      signal: abort.signal,
      protocolTimeout: printTimeoutMs(),
    });
    browser = await Promise.race([
      launching,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          abort.abort();
          // The launch fails once the process is gone; its own error is not wanted.
          launching.catch(() => undefined);
          reject(new Error(`no answer within ${timeout / 1000} s`));
        }, timeout);
      }),
    ]);
  } catch (error) {
    forget();
    removeHome();
    const reason = String((error as Error).message ?? error).split('\n')[0];
    throw new UsageError(
      `the browser ${found.executable} did not start (${reason}); check that it runs (\`${found.executable} --version\`), or set FLAGSHIP_BROWSER to another Chrome or Chromium (FLAGSHIP_BROWSER_TIMEOUT sets the wait in seconds).`,
    );
  } finally {
    clearTimeout(timer);
  }
  child = browser.process();
  // puppeteer drops its pipe error handlers when it closes the connection; a browser killed
  // after that (a hung one) then resets the pipe, which must not crash flagship.
  for (const stream of [child?.stdio[3], child?.stdio[4]])
    (stream as NodeJS.EventEmitter | null | undefined)?.on('error', () => undefined);
  let closed = false;
  return {
    browser,
    async close() {
      if (closed) return;
      closed = true;
      forget();
      try {
        await browser.close();
      } catch {
        browser.process()?.kill('SIGKILL');
      }
      removeHome();
    },
  };
}

/** Run `fn` with `browser` if given, else with a browser launched for it and closed afterwards. */
export async function withBrowser<T>(
  browser: Browser | undefined,
  fn: (browser: Browser) => Promise<T>,
): Promise<T> {
  if (browser) return fn(browser);
  const session = await launchBrowser();
  try {
    return await fn(session.browser);
  } finally {
    await session.close();
  }
}
