/** `flagship build`: the publication as a PDF (and optionally HTML) for a draft stage. */
import type { Command } from 'commander';
import { displayPath } from '../core/source.js';
import { formatResult } from '../reporters/index.js';
import { useColor } from '../reporters/pretty.js';
import { bibliographyOption, draftOption, manuscriptOption, setExit } from './shared.js';

/** Progress on a terminal, silence in CI or when piped. */
function showProgress(quiet: boolean): boolean {
  return !quiet && Boolean(process.stderr.isTTY) && !process.env.CI;
}

export function register(program: Command): void {
  program
    .command('build')
    .description(
      'build the publication as a PDF for a draft stage (checks first; exit 1 on errors)',
    )
    .addOption(manuscriptOption())
    .addOption(draftOption())
    .option('-o, --out <file>', 'PDF to write (default: dist/<slug>-<draft>-draft-v<version>.pdf)')
    .option('--html', 'also write the self-contained HTML edition beside the PDF')
    .option('--force', 'render even when the checks find errors; every page then says INCOMPLETE')
    .addOption(bibliographyOption())
    .option(
      '-l, --lang <code>',
      'build the edition in this language from <manuscript>/<code>/ (fr, ru; see docs/translation.md)',
    )
    .option('-q, --quiet', 'no progress output')
    .addHelpText(
      'after',
      `
Needs Chrome or Chromium: FLAGSHIP_BROWSER, PUPPETEER_EXECUTABLE_PATH, CHROME_PATH,
the usual system paths, or puppeteer's cache (\`npm run setup\` gets one).
FLAGSHIP_BROWSER_TIMEOUT: seconds to wait for the browser to start (default 30);
FLAGSHIP_PRINT_TIMEOUT: seconds one browser step may take while printing (default 600).
FLAGSHIP_LAYOUT_TIMEOUT: seconds the page layout may take (default 300);
FLAGSHIP_LAYOUT_TABS=1: lay a large publication out in one tab, not two at once.
Writes the PDF, beside it build.json (build.<lang>.json with --lang: draft, version,
commit, date, SHA-256 of every source, page count; sealed with its own SHA-256) and
with --html the HTML edition, atomically; builds into one directory wait for each other.
Exit codes: 0 built (also with --force), 1 the manuscript has errors (no PDF) or the PDF failed its checks, 2 could not run.
Examples:
  flagship build                          # the current draft stage
  flagship build --draft final --html     # the final edition, PDF and HTML
  flagship build --force                  # a draft with errors, stamped INCOMPLETE
  flagship build --lang ru                # the Russian edition (manuscript/ru/)`,
    )
    .action(
      async (opts: {
        manuscript: string;
        draft?: string;
        out?: string;
        html?: boolean;
        force?: boolean;
        bibliography?: string;
        lang?: string;
        quiet?: boolean;
      }) => {
        const progress = showProgress(Boolean(opts.quiet));
        const started = Date.now();
        // Loaded here, not at the top: puppeteer, pdf-lib and pdf.js cost every other
        // command (check included) about 0.3 s of start-up when imported eagerly.
        const { build, BuildVerificationError } = await import('../render/build.js');
        const { LayoutTimeoutError } = await import('../render/pdf.js');
        try {
          const result = await build({
            manuscript: opts.manuscript,
            draft: opts.draft,
            out: opts.out,
            html: opts.html,
            force: opts.force,
            bibliography: opts.bibliography,
            lang: opts.lang,
            quiet: opts.quiet,
            onStage: progress
              ? (stage, ms) =>
                  process.stderr.write(`  ${stage.padEnd(12)} ${(ms / 1000).toFixed(2)} s\n`)
              : undefined,
          });
          const problems = result.check.diagnostics.filter(
            (d) => d.severity === 'error' || (!opts.quiet && d.severity === 'warning'),
          );
          if (!result.ok || problems.length > 0)
            process.stderr.write(formatResult(result.check, 'pretty', { color: useColor() }));
          if (!result.pdf) {
            process.stderr.write(
              'flagship: no PDF written: fix the errors above, or pass --force for a copy stamped INCOMPLETE.\n',
            );
            setExit(1);
            return;
          }
          for (const warning of result.warnings)
            process.stderr.write(`flagship: warning: ${warning}\n`);
          const cwd = process.cwd();
          process.stdout.write(
            `${displayPath(result.pdf, cwd)} (${result.pages} pages${result.ok ? '' : ', INCOMPLETE'})${result.html ? `\n${displayPath(result.html, cwd)}` : ''}\n`,
          );
          if (progress)
            process.stderr.write(
              `  total        ${((Date.now() - started) / 1000).toFixed(2)} s\n`,
            );
          setExit(0); // with --force a PDF stamped INCOMPLETE is what was asked for
        } catch (error) {
          if (error instanceof BuildVerificationError || error instanceof LayoutTimeoutError) {
            process.stderr.write(`flagship: ${error.message}\n`);
            setExit(1);
            return;
          }
          throw error;
        }
      },
    );
}
