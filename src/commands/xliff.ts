/** `flagship xliff export|import`: hand the locked source to translators as XLIFF 2.0, and take it back. */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadSources } from '../core/load.js';
import { parseProject } from '../core/parse.js';
import { displayPath } from '../core/source.js';
import type { Project } from '../core/types.js';
import { paint, useColor } from '../reporters/pretty.js';
import { atomicWrite } from '../util/atomic-write.js';
import { checkLanguage } from '../translation/translation.js';
import type { ImportResult } from '../translation/xliff-import.js';
import { bibliographyOption, manuscriptOption, setExit } from './shared.js';

interface CommonOptions {
  manuscript: string;
  bibliography?: string;
}

function load(opts: CommonOptions): Project {
  return parseProject(
    loadSources({ manuscript: opts.manuscript, bibliography: opts.bibliography }),
  );
}

export function register(program: Command): void {
  const xliff = program
    .command('xliff')
    .description('exchange the locked source with translators as XLIFF 2.0 (export, import)');

  xliff
    .command('export')
    .description('write the locked source as XLIFF 2.0 for a target language, one file per chapter')
    .requiredOption('-l, --lang <code>', 'target language, e.g. fr or ru')
    .option('-o, --out <dir>', 'output directory', 'xliff')
    .option('--single', 'one XLIFF file for the whole publication instead of one per chapter')
    .addOption(manuscriptOption())
    .addOption(bibliographyOption())
    .option('--lock <file>', 'lock file (default: <manuscript>/translation.lock.json)')
    .addHelpText(
      'after',
      `
The source must match its translation lock (run \`flagship lock\` first). Segments already
translated in <manuscript>/<lang>/ are exported with their target.
Exit codes: 0 written, 1 the source moved since the lock, 2 could not run.
Examples:
  flagship xliff export --lang fr                  # xliff/01-introduction.fr.xlf, ...
  flagship xliff export --lang ru --single --out handoff`,
    )
    .action(
      async (
        opts: CommonOptions & { lang: string; out: string; single?: boolean; lock?: string },
      ) => {
        // Loaded here: the XML writer and reader are needed by these commands only.
        const { exportXliff } = await import('../translation/xliff-export.js');
        const { lockPath, readLock } = await import('../translation/lock.js');
        const { verifyLock } = await import('../translation/verify.js');
        const { formatVerify } = await import('../translation/verify-report.js');
        const project = load(opts);
        const lang = checkLanguage(project, opts.lang);
        const file = lockPath(project, opts.lock);
        const lock = readLock(file);
        const verified = verifyLock(project, lock, file);
        if (!verified.ok) {
          process.stdout.write(formatVerify(verified, 'pretty', useColor()));
          process.stderr.write(
            'flagship: not exported: the source moved since the lock; lock it again (`flagship lock`) and then export.\n',
          );
          setExit(1);
          return;
        }
        const docs = exportXliff(project, lock, lang, { single: opts.single });
        const out = path.resolve(opts.out);
        for (const doc of docs) atomicWrite(path.join(out, doc.name), doc.xml);
        const units = docs.reduce((n, d) => n + d.units, 0);
        const done = docs.reduce((n, d) => n + d.translated, 0);
        process.stdout.write(
          `wrote ${docs.length} XLIFF file(s) to ${displayPath(out, project.cwd)}: ${units} units for ${lang}, ${done} already translated (lock of ${lock.date}, version ${lock.version})\n`,
        );
      },
    );

  xliff
    .command('import')
    .description('write translated XLIFF 2.0 files into <manuscript>/<lang>/ and report problems')
    .argument('<files...>', 'XLIFF files returned by the translators')
    .option('-l, --lang <code>', 'expected target language (default: the files’ trgLang)')
    .option('--dry-run', 'check the files and report, but write nothing')
    .addOption(manuscriptOption())
    .addOption(bibliographyOption())
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['pretty', 'json'])
        .default('pretty'),
    )
    .addHelpText(
      'after',
      `
Reports untranslated segments (warnings), and units whose inline codes are broken or whose id
does not exist in the source (errors: those units are not imported).
Exit codes: 0 imported, 1 some units or files could not be imported, 2 could not run.
Examples:
  flagship xliff import returned/*.fr.xlf
  flagship xliff import --dry-run --format json returned/01-introduction.ru.xlf`,
    )
    .action(
      async (
        files: string[],
        opts: CommonOptions & { lang?: string; dryRun?: boolean; format: 'pretty' | 'json' },
      ) => {
        const { importXliff } = await import('../translation/xliff-import.js');
        const project = load(opts);
        if (opts.lang) checkLanguage(project, opts.lang);
        const result = importXliff(
          project,
          files.map((f) => path.resolve(f)),
          { lang: opts.lang, dryRun: opts.dryRun },
        );
        process.stdout.write(
          opts.format === 'json'
            ? `${JSON.stringify({ ok: !result.issues.some((i) => i.severity === 'error'), ...result }, null, 2)}\n`
            : formatImport(result, opts.dryRun ?? false, useColor()),
        );
        setExit(result.issues.some((i) => i.severity === 'error') ? 1 : 0);
      },
    );
}

function formatImport(result: ImportResult, dryRun: boolean, color: boolean): string {
  const c = paint(color);
  const out: string[] = [];
  for (const i of result.issues) {
    const sev = i.severity === 'error' ? c('red', 'error  ') : c('yellow', 'warning');
    const unit = i.unit ? ` unit ${i.unit}` : '';
    const src = i.source ? ` (${i.source})` : '';
    out.push(`${i.file}${unit}${src} ${sev} ${i.message}  ${c('dim', i.kind)}`);
  }
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  out.push(
    `${errors > 0 ? c('red', '✖') : c('green', '✔')} ${result.imported} segment(s) imported, ${result.untranslated} untranslated, ${errors} error(s)${dryRun ? ' (dry run: nothing written)' : ''}`,
  );
  for (const w of result.written) out.push(`  ${dryRun ? 'would write' : 'wrote'} ${w}`);
  return `${out.join('\n')}\n`;
}
