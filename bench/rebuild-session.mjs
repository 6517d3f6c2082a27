/**
 * A one-chapter rebuild in one session, as `flagship watch` does it: one
 * browser for every build, caches warm. Builds once, then `runs` times edits a
 * paragraph of one chapter and rebuilds; checks that each edit reached the HTML
 * edition; restores the chapter. Prints {firstMs, rebuildMs[], stages} as the
 * last line of stderr.
 *   node bench/rebuild-session.mjs <manuscript dir> <chapter file> <runs> <out.pdf>
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [dir, chapter, runsText, out] = process.argv.slice(2);
const runs = Number(runsText);
const { build } = await import('../build/render/build.js');
const { launchBrowser } = await import('../build/render/browser.js');
const original = readFileSync(chapter, 'utf8');
const session = await launchBrowser();
// Only the figures and paths of a build are kept: holding a whole result (its checked
// project, every tree) across the session would count toward the session's peak memory.
const once = async () => {
  const start = performance.now();
  const result = await build({
    manuscript: dir,
    browser: session.browser,
    out,
    html: true,
    quiet: true,
  });
  if (!result.pdf) throw new Error('the build wrote no PDF');
  return { ms: performance.now() - start, result: { html: result.html, timings: result.timings } };
};
try {
  const first = await once();
  const rebuildMs = [];
  let stages;
  for (let i = 1; i <= runs; i++) {
    const marker = `Bench edit number ${i} of this session.`;
    writeFileSync(chapter, original.replace(/\n## /, `\n${marker}\n\n## `));
    const { ms, result } = await once();
    // Soft hyphens (the build hyphenates running text) are not part of the words.
    if (
      !readFileSync(result.html, 'utf8')
        .replace(/\u00ad|&shy;/g, '')
        .includes(marker)
    )
      throw new Error(`edit ${i} is missing from the rebuilt HTML edition`);
    rebuildMs.push(ms);
    stages = result.timings;
  }
  process.stderr.write(
    `${JSON.stringify({ firstMs: first.ms, firstStages: first.result.timings, rebuildMs, stages })}\n`,
  );
} finally {
  writeFileSync(chapter, original);
  await session.close();
}
