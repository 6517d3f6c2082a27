/**
 * flagship watch: serves on 127.0.0.1, injects the live-reload client, rebuilds
 * when a chapter or the bibliography is saved and tells open pages over
 * Server-Sent Events; the CLI prints where it serves and stops on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderer } from '../../src/watch/renderer.js';
import { startWatch, type WatchSession } from '../../src/watch/session.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/valid');
const ROOT = path.resolve(import.meta.dirname, '../..');
const CHAPTER = 'manuscript/01-introduction.md';

function get(url: string): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }),
        );
      })
      .on('error', reject);
  });
}

/** Open the event stream and collect `{event, data}` messages as they come. */
function events(url: string) {
  const received: Array<{ event: string; data: string }> = [];
  let waiters: Array<() => void> = [];
  let buffer = '';
  const req = http.get(url, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event) received.push({ event, data: data ?? '' });
      }
      const w = waiters;
      waiters = [];
      for (const f of w) f();
    });
  });
  return {
    received,
    /** Resolve with the first message (from index `from`) that passes `test`. */
    async waitFor(test: (m: { event: string; data: string }) => boolean, from = 0) {
      for (;;) {
        const found = received.slice(from).find(test);
        if (found) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    close: () => req.destroy(),
  };
}

describe('flagship watch (session)', () => {
  let root: string;
  let session: WatchSession;
  const logs: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'flagship-watch-'));
    cpSync(FIXTURE, root, { recursive: true });
    session = await startWatch({
      cwd: root,
      manuscript: 'manuscript',
      port: 0,
      debounceMs: 50,
      log: (text) => logs.push(text),
    });
  });
  afterAll(async () => {
    await session?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and serves a page with the live-reload client', async () => {
    expect(session.server.host).toBe('127.0.0.1');
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(session.url);
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.body).toContain('<script id="flagship-watch">');
    expect(page.body).toContain('/__flagship');
    const state = JSON.parse((await get(`${session.url}__flagship/state`)).body);
    expect(state.summary.errors).toBe(0);
    expect(logs.join('\n')).toMatch(/rebuilt in \d+ ms/);
  });

  it('refuses paths outside the output and unknown files', async () => {
    expect((await get(`${session.url}..%2f..%2fetc%2fpasswd`)).status).not.toBe(200);
    expect((await get(`${session.url}no-such-file.css`)).status).toBe(404);
  });

  it('rebuilds after a chapter is saved and sends reload with the new diagnostics', async () => {
    const stream = events(`${session.url}__flagship/events`);
    try {
      await stream.waitFor((m) => m.event === 'state'); // the state sent on connect
      const from = stream.received.length;
      const file = path.join(root, CHAPTER);
      writeFileSync(file, readFileSync(file, 'utf8').replace('[@unece2015;', '[@nosuchkey2020;'));
      const state = await stream.waitFor(
        (m) => m.event === 'state' && m.data.includes('citation-unresolved'),
        from,
      );
      expect(JSON.parse(state.data).diagnostics).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rule: 'citation-unresolved', file: CHAPTER, line: 7 }),
        ]),
      );
      await stream.waitFor((m) => m.event === 'reload', from);
      expect(logs.join('\n')).toContain('citation-unresolved');
    } finally {
      stream.close();
    }
  });

  it('rebuilds after the bibliography (outside the manuscript directory) is saved', async () => {
    const stream = events(`${session.url}__flagship/events`);
    try {
      await stream.waitFor((m) => m.event === 'state');
      const from = stream.received.length;
      const bib = path.join(root, 'references.bib');
      writeFileSync(bib, `${readFileSync(bib, 'utf8')}\n@misc{nosuchkey2020, title={Now}}\n`);
      const state = await stream.waitFor(
        (m) =>
          m.event === 'state' &&
          !JSON.parse(m.data).diagnostics.some(
            (d: { rule: string }) => d.rule === 'citation-unresolved',
          ),
        from,
      );
      expect(JSON.parse(state.data).generation).toBeGreaterThan(2);
    } finally {
      stream.close();
    }
  });
});

describe('flagship watch (HTML edition through the build)', () => {
  let root: string;
  let session: WatchSession;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'flagship-watch-html-'));
    cpSync(FIXTURE, root, { recursive: true });
    const renderer = await createRenderer({ manuscript: 'manuscript', cwd: root });
    session = await startWatch({
      cwd: root,
      manuscript: 'manuscript',
      port: 0,
      debounceMs: 50,
      renderer,
      log: () => undefined,
    });
  });
  afterAll(async () => {
    await session?.close();
    rmSync(root, { recursive: true, force: true });
  });

  // The build hyphenates running text with soft hyphens; they are not part of the words.
  const words = (html: string) => html.replace(/\u00ad|&shy;/g, '');

  it('serves the HTML edition and serves the edited text after a save', async () => {
    const page = await get(session.url);
    expect(page.status).toBe(200);
    expect(words(page.body)).toContain('Barcelona publishes open data.');
    expect(page.body).toContain('<script id="flagship-watch">');
    expect(page.body).not.toMatch(/http-equiv=["']?content-security-policy/i);
    const stream = events(`${session.url}__flagship/events`);
    try {
      await stream.waitFor((m) => m.event === 'state');
      const from = stream.received.length;
      const file = path.join(root, CHAPTER);
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          'Barcelona publishes open data.',
          'Barcelona publishes open data every week.',
        ),
      );
      await stream.waitFor((m) => m.event === 'reload', from);
      const after = await get(session.url);
      expect(words(after.body)).toContain('Barcelona publishes open data every week.');
      expect(session.state().pdf).toBeUndefined(); // no PDF unless asked
    } finally {
      stream.close();
    }
  });
});

describe('flagship watch (CLI)', () => {
  it('prints its local URL, serves it, and stops on SIGTERM (exit 143)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'flagship-watch-cli-'));
    cpSync(FIXTURE, root, { recursive: true });
    const child = spawn('node', [path.join(ROOT, 'bin/flagship.js'), 'watch', '--port', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stderr = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`watch exited (${code}): ${stderr}`)));
      });
      const page = await get(url);
      expect(page.status).toBe(200);
      expect(page.body).toContain('flagship-watch');
      const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exit).toBe(143); // 128 + SIGTERM, as every flagship command
      expect(stderr).toContain('interrupted (SIGTERM)');
      await expect(get(url)).rejects.toThrow(); // nothing listens any more
    } finally {
      child.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
    }
  });
});
