/**
 * Write the print HTML that `flagship build` hands to Chromium (before Paged.js
 * lays it out), for the bench's bare Chromium print.
 *   node bench/print-html.mjs <manuscript dir> <out.html>
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const [dir, out] = process.argv.slice(2);
const { check } = await import('../build/core/pipeline.js');
const { renderStage } = await import('../build/render/stages.js');
const result = await check({ manuscript: path.resolve(dir) });
const rendered = renderStage({
  project: result.project,
  stage: result.stage,
  lang: result.project.config.language ?? 'en',
  values: {
    title: result.project.config.title,
    version: result.project.config.version,
    draft: result.stage,
  },
  stamp: '',
});
writeFileSync(out, rendered.print);
