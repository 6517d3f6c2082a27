/** `flagship check`: the manuscript contract as a CI gate. */
import { Option, type Command } from 'commander';
import { check } from '../core/pipeline.js';
import { formatResult, FORMATS, type Format } from '../reporters/index.js';
import { useColor } from '../reporters/pretty.js';
import { bibliographyOption, draftOption, manuscriptOption, setExit } from './shared.js';

export function register(program: Command): void {
  program
    .command('check')
    .description('check the manuscript against the contract for a draft stage; exit 1 on errors')
    .addOption(manuscriptOption())
    .addOption(draftOption())
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(FORMATS).default('pretty'),
    )
    .addOption(bibliographyOption())
    .option(
      '-l, --lang <code>',
      'also check the translation in <manuscript>/<code>/ against the source (see docs/translation.md)',
    )
    .addHelpText(
      'after',
      `
Exit codes: 0 no error, 1 the manuscript has errors, 2 could not run.
Examples:
  flagship check                          # the current draft stage
  flagship check --draft second           # would it pass as a second draft?
  flagship check --format github          # annotations on a pull request
  flagship check --format json | jq .summary
  flagship check --lang fr                # does the French translation mirror the source?`,
    )
    .action(
      async (opts: {
        manuscript: string;
        draft?: string;
        format: Format;
        bibliography?: string;
        lang?: string;
      }) => {
        const result = await check({
          manuscript: opts.manuscript,
          draft: opts.draft,
          bibliography: opts.bibliography,
          lang: opts.lang,
        });
        process.stdout.write(formatResult(result, opts.format, { color: useColor() }));
        setExit(result.ok ? 0 : 1);
      },
    );
}
