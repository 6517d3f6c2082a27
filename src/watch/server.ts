/**
 * The local preview server of `flagship watch` (node:http): the HTML edition
 * with the live-reload client injected, its files (figures, CSS), the PDF, and
 * flagship's own endpoints under /__flagship: `events` (Server-Sent Events:
 * `building`, `state`, `reload`), `state` (JSON), `pdf` (POST renders, GET serves).
 * Binds to 127.0.0.1 unless told otherwise; serves files from the output
 * directory only (no path outside it, no directory listings).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { IMAGE_TYPES } from '../util/mime.js';
import { injectClient, placeholderPage, PREFIX } from './client.js';
import type { WatchState } from './state.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  ...IMAGE_TYPES,
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
};

export interface ServerHooks {
  /** The current state (diagnostics, the HTML file, the PDF). */
  state(): WatchState;
  /** Render the PDF now; resolves to its path. */
  renderPdf(): Promise<string>;
}

export interface PreviewServer {
  url: string;
  host: string;
  port: number;
  /** Send an event to every open page. */
  send(event: string, data: unknown): void;
  /** How many pages are listening. */
  clients(): number;
  close(): Promise<void>;
}

export async function startServer(
  hooks: ServerHooks,
  host = '127.0.0.1',
  port = 4173,
): Promise<PreviewServer> {
  const listeners = new Set<http.ServerResponse>();

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const state = hooks.state();
    const text = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === `${PREFIX}/events`) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(`retry: 500\nevent: state\ndata: ${JSON.stringify(publicState(state))}\n\n`);
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (url.pathname === `${PREFIX}/state`)
      return text(200, JSON.stringify(publicState(state)), 'application/json');
    if (url.pathname === `${PREFIX}/pdf`) {
      if (req.method === 'POST') {
        try {
          await hooks.renderPdf();
          return text(200, 'ok');
        } catch (error) {
          return text(500, `the PDF could not be rendered: ${(error as Error).message}`);
        }
      }
      const pdf = hooks.state().pdf;
      if (!pdf || !existsSync(pdf))
        return text(404, 'no PDF yet: press the PDF button, or run watch with --pdf.');
      res.writeHead(200, { 'Content-Type': TYPES['.pdf']!, 'Cache-Control': 'no-store' });
      createReadStream(pdf).pipe(res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'method not allowed');
    const html = state.html;
    if (url.pathname === '/' || url.pathname === '/index.html' || !html) {
      if (url.pathname !== '/' && url.pathname !== '/index.html') return text(404, 'not found');
      const page =
        html && existsSync(html)
          ? readFileSync(html, 'utf8')
          : placeholderPage(
              state.title ?? 'flagship',
              state.diagnostics,
              state.error ?? state.note ?? 'Building…',
            );
      return text(200, injectClient(page), TYPES['.html']);
    }
    // A file beside the HTML edition (figures, styles); never outside its directory.
    const root = path.dirname(html);
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      return text(400, 'bad path');
    }
    const file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) return text(403, 'forbidden');
    if (!existsSync(file) || !statSync(file).isFile()) return text(404, 'not found');
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (type.startsWith('text/html'))
      return text(200, injectClient(readFileSync(file, 'utf8')), type);
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  };

  const server = http.createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String((error as Error)?.message ?? error));
    });
  });
  const keepAlive = setInterval(() => {
    for (const res of listeners) res.write(': keep-alive\n\n');
  }, 15_000);
  keepAlive.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new UsageError(`port ${port} on ${host} is in use; pass --port with another number.`)
          : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
            ? new UsageError(
                `cannot listen on ${host}; pass --host with an address of this machine.`,
              )
            : error,
      );
    });
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    host: address.address,
    port: address.port,
    send(event, data) {
      const payload = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const res of listeners) res.write(payload);
    },
    clients: () => listeners.size,
    close() {
      clearInterval(keepAlive);
      for (const res of listeners) res.end();
      listeners.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** What pages see of the state (no absolute paths of this machine). */
export function publicState(state: WatchState) {
  return {
    generation: state.generation,
    building: state.building,
    stage: state.stage,
    summary: state.summary,
    diagnostics: state.diagnostics,
    error: state.error,
    durationMs: state.durationMs,
    pdf: Boolean(state.pdf),
  };
}
