/** `flagship comments`: list the review comments (`:comment[...]{by="..."}`) with file:line. */
import { Option, type Command } from 'commander';
import type { ReviewComment } from '../lifecycle/comments.js';
import { manuscriptOption } from './shared.js';

function pretty(comments: ReviewComment[], total: number): string {
  const lines = comments.map(
    (c) =>
      `${c.file}:${c.line}:${c.column}  ${c.open ? 'open    ' : 'resolved'}  ${c.by ?? '(no name)'}: ${c.text}`,
  );
  const open = comments.filter((c) => c.open).length;
  lines.push(
    `${comments.length} comment${comments.length === 1 ? '' : 's'} (${open} open)${comments.length === total ? '' : ` of ${total}`}`,
  );
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  program
    .command('comments')
    .description('list the review comments of the manuscript with file:line, reviewer and status')
    .addOption(manuscriptOption())
    .option('--by <name>', 'only comments by this reviewer (case-insensitive, part of the name)')
    .option('--open', 'only comments still open (not marked `resolved`)')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['pretty', 'json'] as const)
        .default('pretty'),
    )
    .addHelpText(
      'after',
      `
A comment is written \`:comment[Please add 2019 data]{by="UNECE/FPM"}\` and is open until it is
deleted or marked \`{by="..." resolved}\`. Exit code 0 (a list, not a gate; \`flagship check\` reports
open comments by draft stage); 2 when it could not run.
Examples:
  flagship comments --open
  flagship comments --by FPM --format json`,
    )
    .action(
      async (opts: {
        manuscript: string;
        by?: string;
        open?: boolean;
        format: 'pretty' | 'json';
      }) => {
        const { loadSources } = await import('../core/load.js');
        const { parseProject } = await import('../core/parse.js');
        const { collectComments, filterComments } = await import('../lifecycle/comments.js');
        const project = parseProject(loadSources({ manuscript: opts.manuscript }));
        const all = collectComments(project);
        const comments = filterComments(all, { by: opts.by, open: opts.open });
        process.stdout.write(
          opts.format === 'json'
            ? `${JSON.stringify(comments, null, 2)}\n`
            : pretty(comments, all.length),
        );
      },
    );
}
