/**
 * Worker thread of parse-parallel.ts: parses the Markdown jobs it is sent and
 * answers with the serialised results (one message, then the parent ends it).
 */
import { parentPort } from 'node:worker_threads';
import { parseJob, type ParseJob } from './parse-parallel.js';

parentPort?.once('message', (jobs: ParseJob[]) => {
  const results = jobs.map((job) => ({ sha256: job.sha256, data: parseJob(job) }));
  parentPort?.postMessage(results);
});
