/**
 * The build benchmarks: `flagship build` (fresh process, no cache) vs a bare
 * Chromium print of flagship's own print HTML (the engine's floor) vs pandoc
 * --citeproc with WeasyPrint; and a one-chapter rebuild (in one session, as
 * `flagship watch` does it: browser reused, caches warm; and as a second CLI
 * run with the disk cache) vs the full build. Skipped with a note while
 * `flagship build` is not in this tree.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureGroup, runOnce, median, pandocInput, which } from './measure.mjs';

const chromiumPath = () =>
  process.env.FLAGSHIP_BROWSER ??
  ['chromium', 'chromium-browser', 'google-chrome'].map(which).find(Boolean);

export async function buildBenchmarks({ corpus, root, out, runs, log }) {
  const rows = [];
  const skip = (id, name, why) => rows.push({ group: 'build', id, name, skipped: why });
  const cli = path.join(root, 'bin', 'flagship.js');
  const hasBuild =
    existsSync(path.join(root, 'build', 'render', 'build.js')) &&
    spawnSync(process.execPath, [cli, 'build', '--help'], { stdio: 'ignore' }).status === 0;
  const dir = path.join(out, 'build');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manuscript = path.relative(root, corpus.dir);
  const cacheDir = path.join(out, 'cache-build');
  const buildSpec = {
    command: cli,
    args: ['build', '--manuscript', manuscript, '--out', path.join(dir, 'flagship.pdf'), '--quiet'],
    node: true,
    cwd: root,
    env: { FLAGSHIP_CACHE_DIR: cacheDir },
  };

  const entries = [];
  const add = (row, spec, before) => {
    rows.push({ group: 'build', ...row });
    entries.push({ row: rows.at(-1), spec, before });
  };
  if (!hasBuild) skip('flagship-build', 'flagship build', 'flagship build is not in this tree yet');
  else
    add({ id: 'flagship-build', name: 'flagship build (fresh process, no cache)' }, buildSpec, () =>
      rmSync(cacheDir, { recursive: true, force: true }),
    );

  // The bare engine: Chromium printing the print HTML flagship gives Paged.js, with no layout script.
  const chromium = chromiumPath();
  const printHtml = path.join(dir, 'print.html');
  if (!chromium) skip('chromium-print', 'bare Chromium print', 'no Chromium found');
  else if (!hasBuild)
    skip('chromium-print', 'bare Chromium print', 'needs flagship build (its HTML)');
  else {
    const made = runOnce({
      command: path.join(root, 'bench', 'print-html.mjs'),
      args: [corpus.dir, printHtml],
      node: true,
      cwd: root,
    });
    if (made.status !== 0 || !existsSync(printHtml))
      skip(
        'chromium-print',
        'bare Chromium print',
        `could not write flagship's print HTML: ${made.stderr.trim().split('\n').at(-1)}`,
      );
    else {
      const profile = path.join(dir, 'chromium-profile');
      add(
        { id: 'chromium-print', name: "bare Chromium print of flagship's HTML", baseline: true },
        {
          command: chromium,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--no-first-run',
            '--disable-background-networking',
            `--user-data-dir=${profile}`,
            '--no-pdf-header-footer',
            '--run-all-compositor-stages-before-draw',
            `--print-to-pdf=${path.join(dir, 'chromium.pdf')}`,
            pathToFileURL(printHtml).href,
          ],
          env: { XDG_CONFIG_HOME: path.join(dir, 'xdg'), XDG_CACHE_HOME: path.join(dir, 'xdg') },
        },
      );
    }
  }

  if (!which('pandoc') || !which('weasyprint'))
    skip(
      'pandoc-weasyprint',
      'pandoc --citeproc --pdf-engine=weasyprint',
      'pandoc or weasyprint is not installed (apt-get install pandoc weasyprint)',
    );
  else
    add(
      { id: 'pandoc-weasyprint', name: 'pandoc --citeproc --pdf-engine=weasyprint' },
      {
        command: 'pandoc',
        args: [
          ...pandocInput(corpus),
          '--toc',
          '--standalone',
          '--metadata',
          'title=Smart sustainable cities for all ages',
          '--pdf-engine=weasyprint',
          '--output',
          path.join(dir, 'pandoc.pdf'),
          ...corpus.chapters,
        ],
        cwd: root,
      },
    );
  if (entries.length) {
    log(`build: ${entries.length} commands, interleaved, ${runs} runs (no warm-up)`);
    const results = measureGroup(entries, { runs, warmup: 0 });
    entries.forEach((e, k) => Object.assign(e.row, results[k]));
  }

  if (!hasBuild) return rows;
  // A one-chapter rebuild in one session (what `flagship watch` does).
  log(`rebuild: one chapter edited, in one session (${runs} runs)`);
  const session = runOnce({
    command: path.join(root, 'bench', 'rebuild-session.mjs'),
    args: [corpus.dir, corpus.chapters[2], String(runs), path.join(dir, 'session.pdf')],
    node: true,
    cwd: root,
    env: { FLAGSHIP_CACHE: 'memory' },
  });
  const lines = session.stderr.trim().split('\n');
  let report;
  try {
    report = JSON.parse(lines.at(-1));
  } catch {
    report = undefined;
  }
  if (session.status !== 0 || !report)
    rows.push({
      group: 'rebuild',
      id: 'flagship-rebuild',
      name: 'rebuild after editing one chapter',
      failed: lines.slice(-2).join(' | '),
    });
  else {
    const stat = (ms) => ({
      runs: ms.length,
      medianMs: median(ms),
      minMs: Math.min(...ms),
      maxMs: Math.max(...ms),
      peakMb: session.peakKb / 1024,
    });
    rows.push({
      group: 'rebuild',
      id: 'flagship-build-session',
      name: 'full build in a session (first, browser launched)',
      baseline: true,
      ...stat([report.firstMs]),
      runs: 1,
    });
    rows.push({
      group: 'rebuild',
      id: 'flagship-rebuild',
      name: 'rebuild after editing one chapter (session, browser reused)',
      ...stat(report.rebuildMs),
    });
    if (report.firstStages) rows.at(-2).stages = report.firstStages;
    if (report.stages) rows.at(-1).stages = report.stages;
  }
  return rows;
}
