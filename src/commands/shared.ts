/**
 * Small helpers shared by the command modules: the exit code a command ends with,
 * and the options they have in common.
 */
import { Option } from 'commander';
import { STAGES } from '../core/types.js';

let exitCode = 0;

export function setExit(code: number): void {
  exitCode = Math.max(exitCode, code);
}

export function takeExit(): number {
  const code = exitCode;
  exitCode = 0;
  return code;
}

/**
 * The options every command that reads the manuscript takes, declared once so that
 * their flags, defaults and help text stay the same across commands.
 */
export function manuscriptOption(): Option {
  return new Option('-m, --manuscript <dir>', 'manuscript directory').default('manuscript');
}

/** `--draft <stage>`; `what` says what the stage is used for in this command. */
export function draftOption(what = 'draft stage'): Option {
  return new Option('-d, --draft <stage>', `${what} (default: manuscript.yaml \`draft\`)`).choices(
    STAGES,
  );
}

export function bibliographyOption(): Option {
  return new Option(
    '--bibliography <file>',
    'bibliography file (default: manuscript.yaml `bibliography`)',
  );
}
