/**
 * The flagship command line: builds the commander program from the command
 * modules, maps usage errors to exit code 2 and never prints a stack trace
 * for a user error (set FLAGSHIP_DEBUG=1 to see one for an internal error).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.js';
import { takeExit } from './commands/shared.js';
import { UsageError } from './core/errors.js';
import { installSignalHandlers } from './util/cleanup.js';

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function createProgram(): Command {
  const program = new Command('flagship')
    .description("Build, check, release and translate UNECE's flagship publication from Markdown")
    .version(toolVersion(), '-V, --version')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => write(`flagship: ${text.replace(/^error: /, '')}`),
    });
  for (const register of COMMANDS) register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** `flagship ... | head` closes the pipe early: stop quietly instead of crashing on EPIPE. */
function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  exitQuietlyOnClosedPipe();
  // Ctrl-C or a CI cancel: remove temp files, the output lock and the browser, then exit.
  installSignalHandlers();
  const program = createProgram();
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync(argv);
    return takeExit();
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return 0;
      return 2; // commander already printed the one-line reason.
    }
    if (error instanceof UsageError) {
      process.stderr.write(`flagship: ${error.message}\n`);
      return 2;
    }
    const err = error as Error;
    process.stderr.write(
      `flagship: internal error: ${err?.message ?? String(error)}\nThis is a bug in flagship; please report it with the command you ran.${process.env.FLAGSHIP_DEBUG ? `\n${err?.stack}` : ' (FLAGSHIP_DEBUG=1 shows the stack.)'}\n`,
    );
    return 2;
  }
}
