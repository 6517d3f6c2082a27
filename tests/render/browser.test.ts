// Finding the browser: env vars first, then system paths, then puppeteer's cache; a clear error otherwise.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { findBrowser, NO_BROWSER_MESSAGE } from '../../src/render/browser.js';

const exists = process.execPath; // a file that surely exists
const none = () => undefined;

describe('findBrowser', () => {
  it('takes FLAGSHIP_BROWSER before PUPPETEER_EXECUTABLE_PATH and CHROME_PATH', () => {
    expect(findBrowser({ FLAGSHIP_BROWSER: exists, CHROME_PATH: '/nope' }, [], none)).toEqual({
      executable: exists,
      from: 'FLAGSHIP_BROWSER',
    });
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: exists }, [], none)?.from).toBe(
      'PUPPETEER_EXECUTABLE_PATH',
    );
    expect(findBrowser({ CHROME_PATH: exists }, [], none)?.from).toBe('CHROME_PATH');
  });

  it('says so when a browser variable points at nothing', () => {
    expect(() => findBrowser({ FLAGSHIP_BROWSER: '/no/such/chrome' }, [], none)).toThrow(
      UsageError,
    );
  });

  it('then tries the system paths in order, then puppeteer', () => {
    expect(findBrowser({}, ['/no/such', exists], none)).toEqual({
      executable: exists,
      from: 'system',
    });
    expect(findBrowser({}, ['/no/such'], () => exists)).toEqual({
      executable: exists,
      from: 'puppeteer',
    });
    expect(findBrowser({}, ['/no/such'], () => '/not/downloaded')).toBeUndefined();
  });

  it('has one line that says how to get a browser', () => {
    expect(NO_BROWSER_MESSAGE).not.toContain('\n');
    expect(NO_BROWSER_MESSAGE).toMatch(/npm run setup/);
    expect(NO_BROWSER_MESSAGE).toMatch(/apt-get install chromium/);
    expect(NO_BROWSER_MESSAGE).toMatch(/npx puppeteer browsers install chrome/);
  });
});
