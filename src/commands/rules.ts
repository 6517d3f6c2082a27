/** `flagship rules`: list every rule id with its severity per stage and what it checks. */
import type { Command } from 'commander';
import { SEVERITY } from '../core/severity.js';
import { RULES } from '../rules/index.js';
import { STAGE_DIAGNOSTICS } from '../rules/stage-diagnostics.js';

export function register(program: Command): void {
  program
    .command('rules')
    .description(
      'list the rule ids, their severity in the first, second and final draft, and what they check',
    )
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) => {
      const all = [...RULES, ...STAGE_DIAGNOSTICS].map((r) => ({
        id: r.id,
        severity: SEVERITY[r.id] ?? ['error', 'error', 'error'],
        description: r.description,
        fix: r.fix,
      }));
      all.sort((a, b) => a.id.localeCompare(b.id));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
        return;
      }
      for (const r of all)
        process.stdout.write(
          `${r.id.padEnd(24)} ${r.severity.join('/').padEnd(22)} ${r.description}\n`,
        );
    });
}
