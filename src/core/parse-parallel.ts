/**
 * The parse stage on two threads, for a cold check of a large manuscript.
 *
 * Cold, a check spends most of its time parsing: micromark, one Markdown file
 * after another, then citation-js on the bibliography (with about 50 ms of
 * loading citation-js itself). When the cache lacks enough of that work and
 * enough cores are free (see `useWorker`: on 2 cores it does not pay, so by
 * default it is not used there), a worker thread (parse-worker.ts) is started
 * before anything is parsed here. While it boots, this thread parses its own
 * share of the Markdown; the worker parses the bibliography and the rest. The
 * worker sends each result as its V8 serialisation, which is the cache entry as
 * stored (memory and disk) and is deserialised once into this run's tree; nothing
 * is written and read back. This thread's own results are used as parsed (the
 * cache keeps a serialised copy, as for any parse).
 *
 * The worker reports parse messages on scratch vfiles; they are recorded and
 * re-created on this run's vfiles exactly as on a cache hit, so the diagnostics
 * are those of a sequential parse. Anything unusual (few or busy cores, little
 * to parse, no compiled worker, a worker error) leaves the work to the
 * sequential parse of `parseProject`. FLAGSHIP_PARSE_THREADS=1 never uses a
 * worker, =2 always does.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { bibliographyFrom, type Bibliography, type ParsedBibliography } from './bibliography.js';
import { isCached, storeSerialized } from './cache.js';
import type { Sources } from './load.js';
import { docFrom, parseDoc, parseProject, type ParsedMarkdown } from './parse.js';
import type { Source } from './source.js';
import type { MarkdownDoc, Project } from './types.js';

/** What the worker is given: plain data (a vfile does not cross threads). */
export interface ParseJob {
  displayPath: string;
  path: string;
  text: string;
  sha256: string;
}

export interface WorkerJobs {
  bibliography?: ParseJob;
  markdown: ParseJob[];
}

/** One result from the worker: a cache entry (`namespace` is the cache's). */
export interface WorkerResult {
  namespace: 'markdown' | 'bibtex';
  sha256: string;
  data: Uint8Array;
}

/**
 * A rough model of the work, in milliseconds on one core of the benchmark machine,
 * used only to decide whether a worker pays and how to split the files.
 * Measured on the 60,000-word benchmark manuscript: micromark with flagship's
 * extensions parses about 0.9 KB/ms, citation-js about 2 KB/ms of BibTeX.
 */
const COST = {
  markdownBytesPerMs: 900,
  bibtexBytesPerMs: 2000,
  /** remark and its extensions, loaded by the first Markdown parse of a thread. */
  remarkLoad: 70,
  /** citation-js, loaded by the first bibliography parse of a thread. */
  citationJsLoad: 50,
  /** A worker's own start: a new V8 isolate and flagship's parse modules. */
  workerStart: 80,
};
/** A worker is used only when the model expects at least this much less wall time. */
const MIN_GAIN_MS = 100;
/** Free cores needed before a worker is started unasked (see `useWorker`). */
const MIN_FREE_CORES = 3;

const WORKER = new URL('./parse-worker.js', import.meta.url);

interface Item {
  source: Source;
  kind: MarkdownDoc['kind'];
}

function useWorker(): 'never' | 'always' | 'when-free' {
  // FLAGSHIP_PARSE_THREADS=1 never uses a worker, =2 always does (when there is work).
  const threads = process.env.FLAGSHIP_PARSE_THREADS;
  if (threads === '1') return 'never';
  if (threads === '2') return 'always';
  // A parse on one thread already keeps more than one core busy: V8 compiles and
  // collects garbage on background threads (1.3 s of CPU for 0.95 s of wall time on
  // the benchmark). A worker is a second such isolate. On the 2-core benchmark
  // machine, idle, it made the cold check slower (1.0-1.1 s against 0.94-1.0 s): it
  // slowed this thread's parse by more than it took over. So a worker is used only
  // with MIN_FREE_CORES free cores (cores minus the 1-minute load average), an
  // assumption not measured on such a machine.
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  if (cores - (os.loadavg()[0] ?? 0) < MIN_FREE_CORES) return 'never';
  return 'when-free';
}

/**
 * Which files the worker parses, or undefined when it would not pay. The
 * bibliography goes to the worker (its result is small, and this thread never
 * loads citation-js); then the Markdown files, largest first, each to the thread
 * that the model says finishes first with it.
 */
function plan(
  sources: Sources,
  mode: 'always' | 'when-free',
): { ours: Item[]; theirs: Item[]; bibliography: boolean } | undefined {
  const seen = new Set<string>();
  const missing: Item[] = [];
  for (const [list, kind] of [
    [sources.front, 'front'],
    [sources.chapters, 'chapter'],
  ] as const)
    for (const source of list) {
      // Unreadable files have nothing to parse; a repeated content is a cache hit later.
      if (!source.readable || seen.has(source.sha256)) continue;
      seen.add(source.sha256);
      if (!isCached('markdown', source.sha256, sources.cwd)) missing.push({ source, kind });
    }
  const bib = sources.bibliography;
  const bibliography = bib.readable && !isCached('bibtex', bib.sha256, sources.cwd);

  const markdownMs = (item: Item) => item.source.text.length / COST.markdownBytesPerMs;
  const bibMs = bibliography ? COST.citationJsLoad + bib.text.length / COST.bibtexBytesPerMs : 0;
  const ours: Item[] = [];
  const theirs: Item[] = [];
  let ourMs = 0;
  let theirMs = COST.workerStart + bibMs;
  for (const item of [...missing].sort((a, b) => b.source.text.length - a.source.text.length)) {
    const ms = markdownMs(item);
    const ourNext = ourMs + ms + (ours.length === 0 ? COST.remarkLoad : 0);
    const theirNext = theirMs + ms + (theirs.length === 0 ? COST.remarkLoad : 0);
    if (ourNext <= theirNext) {
      ours.push(item);
      ourMs = ourNext;
    } else {
      theirs.push(item);
      theirMs = theirNext;
    }
  }
  if (!bibliography && theirs.length === 0) {
    if (mode === 'when-free' || ours.length === 0) return undefined;
    theirs.push(ours.shift()!); // forced: the worker takes the largest file
  }
  if (mode === 'when-free') {
    const sequentialMs =
      bibMs +
      (missing.length > 0 ? COST.remarkLoad : 0) +
      missing.reduce((ms, item) => ms + markdownMs(item), 0);
    if (Math.max(ourMs, theirMs) > sequentialMs - MIN_GAIN_MS) return undefined;
  }
  return { ours, theirs, bibliography };
}

function jobOf(source: Source): ParseJob {
  return {
    displayPath: String(source.file.path),
    path: source.path,
    text: source.text,
    sha256: source.sha256,
  };
}

/**
 * The parse stage (`parseProject`), on two threads when that pays: same project,
 * same messages on the same vfiles.
 */
export async function parseProjectInParallel(sources: Sources): Promise<Project> {
  const mode = useWorker();
  // Running from source (the unit tests) there is no compiled worker.
  if (mode === 'never' || !existsSync(fileURLToPath(WORKER))) return parseProject(sources);
  const work = plan(sources, mode);
  if (!work) return parseProject(sources);

  const jobs: WorkerJobs = { markdown: work.theirs.map((item) => jobOf(item.source)) };
  if (work.bibliography) jobs.bibliography = jobOf(sources.bibliography);
  const worker = new Worker(WORKER, { workerData: jobs });
  const results: WorkerResult[] = [];
  // Ends when the worker has sent everything, or failed: what it did not send is parsed below.
  const finished = new Promise<void>((resolve) => {
    worker.on('message', (result: WorkerResult | 'done') => {
      if (result === 'done') resolve();
      else results.push(result);
    });
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });

  const docs = new Map<Source, MarkdownDoc>();
  let bibliography: Bibliography | undefined;
  try {
    for (const { source, kind } of work.ours) docs.set(source, parseDoc(source, kind, sources.cwd));
    await finished;
  } finally {
    void worker.terminate(); // already ending by itself unless something failed
  }
  const kinds = new Map(work.theirs.map((item) => [item.source.sha256, item]));
  for (const { namespace, sha256, data } of results) {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    storeSerialized(namespace, sha256, sources.cwd, buffer);
    if (namespace === 'bibtex') {
      bibliography = bibliographyFrom(
        sources.bibliography,
        deserialize(buffer) as ParsedBibliography,
      );
    } else {
      const item = kinds.get(sha256)!;
      docs.set(item.source, docFrom(item.source, item.kind, deserialize(buffer) as ParsedMarkdown));
    }
  }
  return parseProject(sources, { docs, bibliography });
}
