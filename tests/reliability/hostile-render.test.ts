/**
 * Hostile content through a real build with Chromium: pasted scripts, event
 * handlers, embeds and remote, file:// and outside-the-project resources.
 * "Remote" is a server on 127.0.0.1 that logs every request; the page's own
 * requests are logged too (request log). Nothing runs, nothing reaches the
 * network, nothing outside the project is read, and each case is a diagnostic.
 * One build (with --force, since the diagnostics are errors) serves every assertion.
 */
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { launchBrowser, type BrowserSession } from '../../src/render/browser.js';
import { build, type BuildResult } from '../../src/render/build.js';
import { pdfText } from '../helpers/text.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const TEMPLATES = path.resolve(import.meta.dirname, '../../templates');

let root: string;
let server: Server;
let session: BrowserSession;
const serverLog: string[] = [];
const pageLog: string[] = [];
let result: BuildResult;
let text: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    serverLog.push(req.url ?? '');
    res.end('body{background:red} PWNED-REMOTE');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  root = mkdtempSync(path.join(os.tmpdir(), 'flagship-hostile-'));
  cpSync(path.join(FIXTURES, 'valid'), root, { recursive: true });
  const yaml = path.join(root, 'manuscript', 'manuscript.yaml');
  writeFileSync(
    yaml,
    readFileSync(yaml, 'utf8').replace(/^csl: .*$/m, `csl: ${TEMPLATES}/unece-note.csl`),
  );
  const chapter = readFileSync(path.join(FIXTURES, 'reliability/hostile-render.md'), 'utf8');
  writeFileSync(
    path.join(root, 'manuscript', '02-governance.md'),
    chapter.replaceAll('HOST', host),
  );
  const figures = path.join(root, 'manuscript', 'figures');
  mkdirSync(figures, { recursive: true });
  copyFileSync(path.join(FIXTURES, 'reliability/ok.png'), path.join(figures, 'ok.png'));
  // A file outside the project with a recognisable content, reached through a symlink.
  const secret = path.join(os.tmpdir(), `flagship-secret-${process.pid}.png`);
  writeFileSync(secret, 'SECRET-OUTSIDE-PROJECT');
  symlinkSync(secret, path.join(figures, 'link-out.png'));

  // The request log: every request any page of this browser makes.
  session = await launchBrowser();
  session.browser.on('targetcreated', async (target) => {
    const page = await target.page().catch(() => null);
    page?.on('request', (request) => pageLog.push(request.url()));
  });
  result = await build({
    cwd: root,
    manuscript: 'manuscript',
    out: 'dist/hostile.pdf',
    force: true,
    quiet: true,
    browser: session.browser,
  });
  text = pdfText(result.pdf!);
  rmSync(secret, { force: true });
}, 120_000);

afterAll(async () => {
  await session?.close();
  await new Promise((r) => server?.close(r));
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('hostile content in a real build', () => {
  it('prints the PDF (stamped incomplete) with the chapter text', () => {
    expect(result.pdf).toBeDefined();
    expect(text).toContain('Governance text that must be printed');
  });

  it('runs no script: no marker text in the PDF', () => {
    expect(text).not.toMatch(/PWNED/);
  });

  it('sends no request to the network (the 127.0.0.1 server saw none)', () => {
    expect(serverLog).toEqual([]);
  });

  it('the page requested nothing outside the project: every request it made was data: or blocked', () => {
    const blocked = new Set(
      result.warnings
        .filter((w) => w.startsWith('blocked a request to '))
        .map((w) => w.slice('blocked a request to '.length)),
    );
    const outside = pageLog.filter((url) => {
      if (url.startsWith('data:') || url === 'about:blank') return false;
      if (url.startsWith('file:')) {
        const rel = path.relative(root, fileURLToPath(url));
        if (!rel.startsWith('..') && !path.isAbsolute(rel)) return false;
      }
      return !blocked.has(url);
    });
    expect(outside).toEqual([]);
  });

  it('the interception itself blocks and logs what the page tries to load, even unsanitized', async () => {
    const { printPdf } = await import('../../src/render/pdf.js');
    const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const printed = await printPdf({
      browser: session.browser,
      html: `<html><head><link rel="stylesheet" href="${host}/raw.css"></head><body><p>raw</p><img src="${host}/raw.png"><img src="file:///etc/hostname"></body></html>`,
      allowDirs: [],
    });
    expect(printed.blocked).toEqual(expect.arrayContaining([`${host}/raw.css`, `${host}/raw.png`]));
    // (file:///etc/hostname never even becomes a request: Chromium refuses local files to a non-file page.)
    expect(serverLog).toEqual([]);
  });

  it('reads no file outside the project (file://, ../.., a symlink out)', () => {
    expect(text).not.toMatch(/root:x:0:0|SECRET-OUTSIDE-PROJECT/);
    const pdf = readFileSync(result.pdf!).toString('latin1');
    expect(pdf).not.toContain('SECRET-OUTSIDE-PROJECT');
    expect(pdf).not.toContain('root:x:0:0');
  });

  it('reports each hostile case as an unsafe-content diagnostic', () => {
    const chapter = readFileSync(path.join(FIXTURES, 'reliability/hostile-render.md'), 'utf8');
    const lines = chapter.split('\n');
    const expected = [
      '<script>',
      '<svg><script>',
      'onerror=',
      '<iframe',
      '<object',
      '<embed',
      '<meta',
      '<base',
      'style.css',
      'prefetch',
      'bg.png',
      'imported.css',
      'poster.png',
      'srcset',
      'javascript:fetch',
      'tracker.png',
      'file:///etc/passwd',
      '../../../../../../etc/passwd',
      'link-out.png',
    ].map((needle) => lines.findIndex((l) => l.includes(needle)) + 1);
    const reported = new Set(
      result.check.diagnostics.filter((d) => d.rule === 'unsafe-content').map((d) => d.line),
    );
    expect(expected.filter((line) => !reported.has(line))).toEqual([]);
    // The safe image on its own line is not reported.
    expect(reported.has(lines.findIndex((l) => l.startsWith('A safe')) + 1)).toBe(false);
  });
});
