/** `flagship watch`: rebuild on save, serve the HTML edition with live reload and diagnostics. */
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { useColor } from '../reporters/pretty.js';
import { bibliographyOption, draftOption, manuscriptOption } from './shared.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function register(program: Command): void {
  program
    .command('watch')
    .description(
      'rebuild on every save and serve the HTML edition on localhost with live reload and diagnostics',
    )
    .addOption(manuscriptOption())
    .addOption(draftOption())
    .addOption(bibliographyOption())
    .option('--port <n>', 'port of the preview server (0: any free port)', '4173')
    .option(
      '--host <address>',
      'address to listen on (the preview is for this machine)',
      '127.0.0.1',
    )
    .option('--pdf', 're-render the PDF on each change (default: on demand, from the page)')
    .addHelpText(
      'after',
      `
The page reloads after each rebuild and lists errors and warnings in a corner
panel; its PDF button renders the PDF on demand (served at /__flagship/pdf).
The terminal prints the same diagnostics. Stop with Ctrl+C.
Examples:
  flagship watch                       # http://127.0.0.1:4173/
  flagship watch --draft second --pdf  # check as a second draft, PDF on every save`,
    )
    .action(
      async (opts: {
        manuscript: string;
        draft?: string;
        bibliography?: string;
        port: string;
        host: string;
        pdf?: boolean;
      }) => {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError(`--port takes a number from 0 to 65535, not "${opts.port}".`);
        if (!LOOPBACK.has(opts.host))
          process.stderr.write(
            `flagship watch: listening on ${opts.host}: other machines on the network can read the draft.\n`,
          );
        // Loaded here: the server, the watcher and the render stack.
        const { startWatch } = await import('../watch/session.js');
        const { createRenderer } = await import('../watch/renderer.js');
        const renderer = await createRenderer({
          manuscript: opts.manuscript,
          draft: opts.draft,
          bibliography: opts.bibliography,
        });
        const session = await startWatch({
          manuscript: opts.manuscript,
          draft: opts.draft,
          bibliography: opts.bibliography,
          host: opts.host,
          port,
          pdf: Boolean(opts.pdf),
          renderer,
          color: useColor(process.stderr),
        });
        process.stderr.write(`flagship watch: serving ${session.url} (Ctrl+C to stop)\n`);
        // Runs until Ctrl+C: the CLI's signal handlers (util/cleanup.ts) close the browser,
        // remove temp files and end the process; the server and watchers end with it.
        await new Promise<never>(() => undefined);
      },
    );
}
