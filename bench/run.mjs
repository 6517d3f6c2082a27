/**
 * `npm run bench`: flagship against its peers on the synthetic manuscript
 * (bench/generate.mjs), side by side in one run. Prints a table of median wall
 * time and peak memory with ratios, checks the targets of issue 8, and writes
 * bench/results.json. Peers that are not installed are skipped with a note.
 *
 *   node bench/run.mjs [--runs N] [--build-runs N] [--only check|build] [--no-write] [--update-docs]
 *
 * --docs-only rewrites the docs from bench/results.json without measuring.
 * --update-docs rewrites the figures between `<!-- bench:start -->` and
 * `<!-- bench:end -->` in README.md and bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { GNU_TIME, measureGroup, pandocInput, which } from './measure.mjs';
import { buildBenchmarks } from './build-bench.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const OUT = path.join(HERE, 'out');
const CLI = path.join(ROOT, 'bin', 'flagship.js');

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const RUNS = Number(opt('--runs', 5));
const BUILD_RUNS = Number(opt('--build-runs', 3));
const ONLY = opt('--only', 'all');
const WRITE = !argv.includes('--no-write');
const UPDATE_DOCS = argv.includes('--update-docs');

function version(command, args = ['--version']) {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0].trim() : undefined;
}

function machine() {
  const cpus = os.cpus();
  const chromium = ['chromium', 'chromium-browser', 'google-chrome'].map(which).find(Boolean);
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim(),
    memoryGb: Math.round(os.totalmem() / 1e9),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: chromium ? version(chromium) : undefined,
    pandoc: which('pandoc') ? version('pandoc') : undefined,
    weasyprint: which('weasyprint') ? version('weasyprint') : undefined,
    memoryTool: GNU_TIME ?? 'none (peer memory n/a)',
  };
}

const log = (text) => process.stderr.write(`${text}\n`);

/** The parse-and-resolve benchmarks: flagship check vs pandoc --citeproc vs remark-cli. */
function checkBenchmarks(corpus) {
  const rows = [];
  const entries = [];
  const manuscript = path.relative(ROOT, corpus.dir);
  const chapters = corpus.chapters;
  const warmCache = path.join(OUT, 'cache-warm');
  const coldCache = path.join(OUT, 'cache-cold');
  const flagship = (cacheDir) => ({
    command: CLI,
    args: ['check', '--manuscript', manuscript, '--format', 'json'],
    node: true,
    cwd: ROOT,
    env: { FLAGSHIP_CACHE_DIR: cacheDir },
    okStatus: [0, 1],
  });
  const add = (row, spec, before) => {
    rows.push({ group: 'check', ...row });
    entries.push({ row: rows.at(-1), spec, before });
  };
  rmSync(warmCache, { recursive: true, force: true }); // filled by the warm-up round
  add(
    { id: 'flagship-check-warm', name: 'flagship check (warm cache: edit loop)' },
    flagship(warmCache),
  );
  add(
    { id: 'flagship-check-cold', name: 'flagship check (cold: fresh clone, CI)' },
    flagship(coldCache),
    () => rmSync(coldCache, { recursive: true, force: true }),
  );
  if (which('pandoc'))
    add(
      { id: 'pandoc-citeproc-json', name: 'pandoc --citeproc -t json', baseline: true },
      {
        command: 'pandoc',
        args: [...pandocInput(corpus), '--to', 'json', '--output', '/dev/null', ...chapters],
        cwd: ROOT,
      },
    );
  else
    rows.push({
      group: 'check',
      id: 'pandoc-citeproc-json',
      name: 'pandoc --citeproc -t json',
      skipped: 'pandoc is not installed (apt-get install pandoc)',
    });
  const remark = path.join(ROOT, 'node_modules', 'remark-cli', 'cli.js');
  if (existsSync(remark))
    add(
      { id: 'remark-cli', name: 'remark-cli, no plugins (parse floor)' },
      {
        command: remark,
        args: ['--no-config', '--no-ignore', '--quiet', '--no-stdout', ...chapters],
        node: true,
        cwd: ROOT,
      },
    );
  else
    rows.push({
      group: 'check',
      id: 'remark-cli',
      name: 'remark-cli',
      skipped: 'remark-cli is not installed (npm ci)',
    });
  log(`check: ${entries.length} commands, interleaved, 1 warm-up + ${RUNS} runs`);
  const results = measureGroup(entries, { runs: RUNS, warmup: 1 });
  entries.forEach((e, k) => Object.assign(e.row, results[k]));
  return rows;
}

function ratios(rows) {
  for (const group of new Set(rows.map((r) => r.group))) {
    const inGroup = rows.filter((r) => r.group === group && r.medianMs !== undefined);
    const base = inGroup.find((r) => r.baseline) ?? inGroup[0];
    for (const r of inGroup) r.ratio = base ? r.medianMs / base.medianMs : undefined;
    for (const r of inGroup)
      if (base?.cpuMs && r.cpuMs !== undefined) r.cpuRatio = r.cpuMs / base.cpuMs;
    if (base) for (const r of inGroup) r.ratioTo = base.id;
  }
}

function targets(rows) {
  const get = (id) => rows.find((r) => r.id === id && r.medianMs !== undefined);
  const out = [];
  const add = (target, value, pass, note) =>
    out.push({ target, value, pass, ...(note ? { note } : {}) });
  const warm = get('flagship-check-warm');
  const cold = get('flagship-check-cold');
  const pandoc = get('pandoc-citeproc-json');
  if (warm)
    add(
      'check ≤ 1.0 s wall (warm cache)',
      `${(warm.medianMs / 1000).toFixed(2)} s`,
      warm.medianMs <= 1000,
    );
  if (cold)
    add(
      'check ≤ 1.0 s wall (cold, no cache)',
      `${(cold.medianMs / 1000).toFixed(2)} s`,
      cold.medianMs <= 1000,
    );
  if (cold && pandoc)
    add(
      'check (cold) faster than pandoc --citeproc',
      `${(cold.medianMs / pandoc.medianMs).toFixed(2)}x pandoc`,
      cold.medianMs < pandoc.medianMs,
    );
  const build = get('flagship-build');
  const chromium = get('chromium-print');
  const weasy = get('pandoc-weasyprint');
  const rebuild = get('flagship-rebuild');
  const full = get('flagship-build-session') ?? build;
  if (build && chromium)
    add(
      'build ≤ 1.5x bare Chromium print',
      `${(build.medianMs / chromium.medianMs).toFixed(2)}x`,
      build.medianMs <= 1.5 * chromium.medianMs,
    );
  if (build && weasy)
    add(
      'build ≥ 3x faster than pandoc + WeasyPrint',
      `${(weasy.medianMs / build.medianMs).toFixed(2)}x faster`,
      weasy.medianMs >= 3 * build.medianMs,
    );
  if (rebuild && full)
    add(
      'one-chapter rebuild ≤ 40% of a full build',
      `${((100 * rebuild.medianMs) / full.medianMs).toFixed(0)}%`,
      rebuild.medianMs <= 0.4 * full.medianMs,
    );
  const peakOf = (list) => Math.max(...list.map((r) => r.peakMb));
  const commands = rows.filter(
    (r) => r.group !== 'rebuild' && r.id.startsWith('flagship') && r.peakMb !== undefined,
  );
  if (commands.length) {
    const peak = peakOf(commands);
    add(
      'peak memory of the Node process ≤ 500 MB (check, build)',
      `${peak.toFixed(0)} MB`,
      peak <= 500,
    );
  }
  const sessions = rows.filter((r) => r.group === 'rebuild' && r.peakMb !== undefined);
  if (sessions.length) {
    const peak = peakOf(sessions);
    add(
      'peak memory of the Node process ≤ 500 MB (a session of four builds, as watch --pdf)',
      `${peak.toFixed(0)} MB`,
      peak <= 500,
    );
  }
  return out;
}

const secs = (ms) => (ms === undefined ? '' : `${(ms / 1000).toFixed(2)} s`);

/** Stage timings of the session builds, as one line each ("check 0.59 s, print 21.0 s, ..."). */
function stageLines(rows) {
  return rows
    .filter((r) => r.stages)
    .map(
      (r) =>
        `${r.name}: ${Object.entries(r.stages)
          .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(2)} s`)
          .join(', ')}`,
    );
}

/** The figures as Markdown, for README.md and bench/README.md (between bench markers). */
export function markdown(result) {
  const m = result.machine;
  const c = result.corpus;
  return [
    `Measured ${result.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node.replace(/^v/, '')}, ${m.chromium ?? 'no Chromium'}, ${m.pandoc ?? 'no pandoc'}, ${m.weasyprint ?? 'no WeasyPrint'}; load average ${result.load ? `${result.load.before.toFixed(1)} before and ${result.load.after.toFixed(1)} after the run` : 'not recorded'}.`,
    `Corpus: ${c.words} words in 6 chapters, ${c.headings} headings, ${c.boxes} boxes, ${c.tables} tables, ${c.footnotes} footnotes, ${c.entries} bibliography entries, ${c.citations} citations.`,
    '',
    table(result.rows),
    '',
    "Ratios: median over the group's baseline (check: pandoc; build: bare Chromium print; rebuild: the session's first build). Wall time is what a user waits for; CPU time (user + system, children included: Chromium for builds) is less sensitive to other work on the machine. The rows of a group run interleaved (A B C, A B C, ...) so that such work falls on all of them alike.",
    '',
    ...result.targets.map((t) => `- ${t.pass ? 'met' : '**missed**'}: ${t.target}: ${t.value}`),
    ...(stageLines(result.rows).length
      ? ['', 'Stages of the session builds:', '', ...stageLines(result.rows).map((l) => `- ${l}`)]
      : []),
  ].join('\n');
}

/** Replace the block between `<!-- bench:start -->` and `<!-- bench:end -->` in a file. */
function updateDoc(file, block) {
  if (!existsSync(file)) return false;
  const text = readFileSync(file, 'utf8');
  const re = /(<!-- bench:start -->\n)[\s\S]*?(\n<!-- bench:end -->)/;
  if (!re.test(text)) return false;
  writeFileSync(
    file,
    text.replace(re, (_, a, b) => `${a}${block}${b}`),
  );
  return true;
}

function table(rows) {
  const lines = [
    '| task | tool | median wall | min–max wall | CPU (user+sys) | peak memory | ratio (wall) | ratio (CPU) |',
    '|------|------|------------:|-------------:|---------------:|------------:|-------------:|------------:|',
  ];
  for (const r of rows) {
    if (r.skipped || r.failed) {
      lines.push(
        `| ${r.group} | ${r.name} | ${(r.skipped ? `skipped: ${r.skipped}` : `failed: ${r.failed}`).replace(/\|/g, '/')} | | | | | |`,
      );
      continue;
    }
    lines.push(
      `| ${r.group} | ${r.name} | ${secs(r.medianMs)} | ${secs(r.minMs).replace(' s', '')}–${secs(r.maxMs)} | ${r.cpuMs === undefined ? 'n/a' : secs(r.cpuMs)} | ${r.peakMb === undefined ? 'n/a' : `${r.peakMb.toFixed(0)} MB`} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`} | ${r.cpuRatio === undefined ? '' : `${r.cpuRatio.toFixed(2)}x`} |`,
    );
  }
  return lines.join('\n');
}

/** --docs-only: recompute the targets of bench/results.json and rewrite the docs' figures. */
function docsOnly() {
  const result = JSON.parse(readFileSync(path.join(HERE, 'results.json'), 'utf8'));
  result.targets = targets(result.rows);
  writeFileSync(path.join(HERE, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
  for (const doc of [path.join(HERE, 'README.md'), path.join(ROOT, 'README.md')])
    if (updateDoc(doc, markdown(result))) log(`updated the figures in ${path.relative(ROOT, doc)}`);
}

async function main() {
  if (argv.includes('--docs-only')) return docsOnly();
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(path.join(ROOT, 'build', 'cli.js'))) {
    log('bench: flagship is not built; run `npm run build` (npm run bench does it).');
    process.exit(2);
  }
  const loadBefore = os.loadavg()[0];
  const corpus = generate({ out: path.join(OUT, 'synthetic') });
  log(`corpus: ${JSON.stringify(corpus.counts)}`);
  const rows = [];
  if (ONLY === 'all' || ONLY === 'check') rows.push(...checkBenchmarks(corpus));
  if (ONLY === 'all' || ONLY === 'build')
    rows.push(...(await buildBenchmarks({ corpus, root: ROOT, out: OUT, runs: BUILD_RUNS, log })));
  ratios(rows);
  const checks = targets(rows);
  const result = {
    date: new Date().toISOString(),
    load: { before: loadBefore, after: os.loadavg()[0] },
    machine: machine(),
    corpus: corpus.counts,
    runs: { check: RUNS, build: BUILD_RUNS, statistic: 'median; one unrecorded warm-up run each' },
    rows,
    targets: checks,
  };
  const m = result.machine;
  process.stdout.write(
    `\nflagship benchmark, ${result.date.slice(0, 10)}: ${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.chromium ?? 'no Chromium'}\n` +
      `corpus: ${corpus.counts.words} words, ${corpus.counts.headings} headings, ${corpus.counts.boxes} boxes, ${corpus.counts.tables} tables, ${corpus.counts.footnotes} footnotes, ${corpus.counts.entries} entries, ${corpus.counts.citations} citations\n\n` +
      `${table(rows)}\n\nratios: each row's median over the group's baseline (check: pandoc; build: bare Chromium print; rebuild: the session's first build).\n\n` +
      checks.map((c) => `${c.pass ? 'met   ' : 'MISSED'} ${c.target}: ${c.value}`).join('\n') +
      '\n',
  );
  if (WRITE) {
    writeFileSync(path.join(HERE, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
    log('\nwrote bench/results.json');
    if (UPDATE_DOCS)
      for (const doc of [path.join(HERE, 'README.md'), path.join(ROOT, 'README.md')])
        if (updateDoc(doc, markdown(result)))
          log(`updated the figures in ${path.relative(ROOT, doc)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await main();
