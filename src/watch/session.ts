/**
 * A `flagship watch` session: watch the manuscript directory and the
 * bibliography (fs.watch, debounced), rebuild on every save through the same
 * caches as `check` and `build` (parse results by content hash, one browser for
 * the whole session), serve the HTML edition with live reload, and show the
 * diagnostics in the page and in the terminal.
 */
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { check, type CheckResult } from '../core/pipeline.js';
import { resolveManuscriptDir } from '../core/load.js';
import { formatPretty } from '../reporters/pretty.js';
import { startServer, publicState, type PreviewServer } from './server.js';
import type { WatchState } from './state.js';

export interface WatchOptions {
  manuscript?: string;
  cwd?: string;
  draft?: string;
  bibliography?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Re-render the PDF on each change (else only on demand). */
  pdf?: boolean;
  /** Quiet time after the last file event before a rebuild (ms). */
  debounceMs?: number;
  /** Where progress and diagnostics are printed (default: stderr). */
  log?: (text: string) => void;
  color?: boolean;
  /** Makes the HTML edition and the PDF; without one, watch checks only. */
  renderer?: Renderer;
}

/** What a rebuild produced. */
export interface RenderOutput {
  result: CheckResult;
  /** Absolute path of the HTML edition. */
  html?: string;
  /** Absolute path of the PDF, when one was rendered. */
  pdf?: string;
}

/** The build as watch uses it: kept alive for the session (one browser, warm caches). */
export interface Renderer {
  build(args: { pdf: boolean }): Promise<RenderOutput>;
  /** Files and directories whose changes call for a rebuild besides the manuscript. */
  watched?(): string[];
  /** Files that the build writes (their events are ignored). */
  outputs?(): string[];
  close(): Promise<void>;
}

export interface WatchSession {
  url: string;
  server: PreviewServer;
  state(): WatchState;
  /** Rebuild now (what a file change does after the debounce). */
  rebuild(options?: { pdf?: boolean }): Promise<WatchState>;
  /** Resolves after the next completed rebuild. */
  nextBuild(): Promise<WatchState>;
  close(): Promise<void>;
}

/** Editor droppings and flagship's own files: never a reason to rebuild. */
const IGNORED =
  /(^|[\\/])(\.flagship-cache|\.git|node_modules)([\\/]|$)|\.tmp-|\.sw[pox]$|~$|(^|[\\/])4913$|(^|[\\/])\.#/;

export async function startWatch(options: WatchOptions = {}): Promise<WatchSession> {
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? ((text: string) => process.stderr.write(`${text}\n`));
  const dir = resolveManuscriptDir({ manuscript: options.manuscript, cwd });
  const renderer = options.renderer;
  const debounceMs = options.debounceMs ?? 120;
  let state: WatchState = { generation: 0, building: false, diagnostics: [] };
  let waiting: Array<(s: WatchState) => void> = [];
  let running: Promise<WatchState> | undefined;
  let again = false;
  let closed = false;

  const once = async (pdf: boolean): Promise<WatchState> => {
    const started = performance.now();
    state = { ...state, building: true };
    server?.send('building', {});
    const next: WatchState = { ...state, building: false, generation: state.generation + 1 };
    delete next.error;
    try {
      const out: RenderOutput = renderer
        ? await renderer.build({ pdf })
        : {
            result: await check({
              manuscript: options.manuscript,
              cwd,
              draft: options.draft,
              bibliography: options.bibliography,
            }),
          };
      next.title = out.result.project.config.title;
      next.stage = out.result.stage;
      next.summary = out.result.summary;
      next.diagnostics = out.result.diagnostics;
      if (out.html) next.html = out.html;
      if (out.pdf) next.pdf = out.pdf;
      next.note = renderer ? undefined : 'Checking only: this flagship has no HTML build.';
      watchAlso(out.result.project.bibliography.path);
      if (typeof out.result.project.config.csl === 'string')
        watchAlso(path.resolve(dir, out.result.project.config.csl));
      for (const extra of renderer?.watched?.() ?? []) watchAlso(extra);
    } catch (error) {
      next.error = (error as Error)?.message ?? String(error);
    }
    next.durationMs = Math.round(performance.now() - started);
    state = next;
    report(next);
    server?.send('state', publicState(next));
    server?.send('reload', { generation: next.generation });
    const resolve = waiting;
    waiting = [];
    for (const r of resolve) r(next);
    return next;
  };

  /**
   * One rebuild at a time: a request during a rebuild (a save, the PDF button) is
   * folded into one more rebuild after it, and the promise every caller gets
   * settles after that last one.
   */
  let pendingPdf = false;
  const rebuild = (args: { pdf?: boolean } = {}): Promise<WatchState> => {
    const pdf = args.pdf ?? Boolean(options.pdf);
    if (running) {
      again = true;
      pendingPdf ||= pdf;
      return running;
    }
    running = (async () => {
      let result = await once(pdf);
      while (again && !closed) {
        again = false;
        const withPdf = pendingPdf || Boolean(options.pdf);
        pendingPdf = false;
        result = await once(withPdf);
      }
      return result;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const report = (s: WatchState) => {
    const time = new Date().toTimeString().slice(0, 8);
    if (s.error) {
      log(`[${time}] rebuild failed after ${s.durationMs} ms: ${s.error}`);
      return;
    }
    const shown = s.diagnostics.filter((d) => d.severity !== 'info');
    const text = formatPretty(
      {
        diagnostics: shown,
        summary: s.summary!,
        stage: s.stage!,
        ok: s.summary!.errors === 0,
        project: undefined as never,
      },
      { color: options.color },
    );
    log(
      `[${time}] rebuilt in ${s.durationMs} ms${s.pdf && options.pdf ? ' (with PDF)' : ''}\n${text.trimEnd()}`,
    );
  };

  // ---- file watching ----------------------------------------------------
  const watchers = new Map<string, FSWatcher>();
  const files = new Set<string>(); // single files watched through their directory
  let timer: NodeJS.Timeout | undefined;
  const outputs = () => new Set((renderer?.outputs?.() ?? []).map((p) => path.resolve(p)));
  const changed = (abs: string) => {
    if (closed || IGNORED.test(abs) || outputs().has(abs)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), debounceMs);
  };
  const addWatcher = (target: string, recursive: boolean, filter?: (abs: string) => boolean) => {
    if (watchers.has(target) || !existsSync(target)) return;
    try {
      const w = watch(target, { recursive }, (_event, name) => {
        const abs = path.resolve(target, name ? String(name) : '');
        if (!filter || filter(abs)) changed(abs);
      });
      w.on('error', () => watchers.delete(target));
      watchers.set(target, w);
    } catch {
      // a directory that vanished or cannot be watched: the next rebuild tries again
    }
  };
  /** Watch a directory (recursively), or a file through its directory: editors save by replacing files. */
  function watchAlso(target: string) {
    const abs = path.resolve(target);
    if (abs === dir || abs.startsWith(dir + path.sep)) return;
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      addWatcher(abs, true);
      return;
    }
    files.add(abs);
    addWatcher(path.dirname(abs), false, (changedPath) => files.has(changedPath));
  }
  addWatcher(dir, true);

  let server: PreviewServer | undefined;
  server = await startServer(
    {
      state: () => state,
      renderPdf: async () => {
        const s = await rebuild({ pdf: true });
        if (s.error) throw new Error(s.error);
        if (!s.pdf) throw new Error('this flagship has no PDF build.');
        return s.pdf;
      },
    },
    options.host ?? '127.0.0.1',
    options.port ?? 4173,
  );
  await rebuild();

  return {
    url: server.url,
    server,
    state: () => state,
    rebuild,
    nextBuild: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
      await running?.catch(() => undefined);
      await server?.close();
      await renderer?.close();
    },
  };
}
