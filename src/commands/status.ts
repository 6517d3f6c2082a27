/** `flagship status`: the completeness matrix per chapter and the due dates of the drafts. */
import { Option, type Command } from 'commander';
import { STATUS_FORMATS, type StatusFormat } from '../lifecycle/status-format.js';
import { bibliographyOption, draftOption, manuscriptOption } from './shared.js';

export function register(program: Command): void {
  program
    .command('status')
    .description(
      'one row per chapter: required elements, words, citations, footnotes, figures, tables, TODOs, review comments and what blocks the draft; due dates',
    )
    .addOption(manuscriptOption())
    .addOption(draftOption('the draft to report on'))
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(STATUS_FORMATS)
        .default('pretty'),
    )
    .addOption(bibliographyOption())
    .option('--today <date>', 'count days left from this date, YYYY-MM-DD (default: today)')
    .addHelpText(
      'after',
      `
Exit code 0 whether or not the draft is ready (status is a report; \`flagship check\` is the gate);
2 when it could not run. See docs/lifecycle.md for the columns.
Examples:
  flagship status                                   # the current draft
  flagship status --draft second                    # what still blocks the second draft?
  flagship status --format markdown >> "$GITHUB_STEP_SUMMARY"`,
    )
    .action(
      async (opts: {
        manuscript: string;
        draft?: string;
        format: StatusFormat;
        bibliography?: string;
        today?: string;
      }) => {
        const { computeStatus } = await import('../lifecycle/status.js');
        const { formatStatus } = await import('../lifecycle/status-format.js');
        const report = await computeStatus({
          manuscript: opts.manuscript,
          draft: opts.draft,
          bibliography: opts.bibliography,
          today: opts.today,
        });
        process.stdout.write(formatStatus(report, opts.format));
      },
    );
}
