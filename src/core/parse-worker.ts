/**
 * Worker thread of parse-parallel.ts: parses the bibliography and the Markdown
 * files it is given (in `workerData`, so it starts without waiting for a message)
 * and sends each result as soon as it is made, as the V8 serialisation the cache
 * stores, then 'done'. Messages go to scratch vfiles and travel recorded in the
 * result, to be re-created on the checking thread's vfiles.
 */
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { VFile } from 'vfile';
import { parseBibliographyRecorded } from './bibliography.js';
import type { ParseJob, WorkerJobs, WorkerResult } from './parse-parallel.js';
import type { Source } from './source.js';

function sourceOf(job: ParseJob): Source {
  const file = new VFile({ path: job.displayPath, value: job.text });
  return { path: job.path, file, text: job.text, sha256: job.sha256, readable: true };
}

function send(namespace: WorkerResult['namespace'], sha256: string, value: unknown): void {
  const data = serialize(value);
  const result: WorkerResult = { namespace, sha256, data };
  parentPort!.postMessage(result);
}

const jobs = workerData as WorkerJobs;
if (jobs.bibliography)
  send(
    'bibtex',
    jobs.bibliography.sha256,
    parseBibliographyRecorded(sourceOf(jobs.bibliography)).parsed,
  );
if (jobs.markdown.length > 0) {
  // Loaded only when there is Markdown to parse: a worker given only the bibliography starts sooner.
  const { parseContent } = await import('./parse.js');
  for (const job of jobs.markdown) send('markdown', job.sha256, parseContent(sourceOf(job)));
}
parentPort!.postMessage('done');
