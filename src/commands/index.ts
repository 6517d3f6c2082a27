/** Every command of the CLI; each module registers itself on the program. */
import type { Command } from 'commander';
import { register as check } from './check.js';
import { register as rules } from './rules.js';
import { register as status } from './status.js';
import { register as comments } from './comments.js';
import { register as diff } from './diff.js';
import { register as release } from './release.js';
import { register as lock } from './lock.js';
import { register as xliff } from './xliff.js';
import { register as watch } from './watch.js';
import { register as buildCommand } from './build.js';

export const COMMANDS: Array<(program: Command) => void> = [
  check,
  rules,
  status,
  comments,
  diff,
  release,
  lock,
  xliff,
  watch,
  buildCommand,
];
