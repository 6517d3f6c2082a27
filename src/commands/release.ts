/** `flagship release <draft>`: check strictly, build the PDF, record the release and tag it. */
import path from 'node:path';
import { type Command } from 'commander';
import { STAGES } from '../core/types.js';
import { toolVersion } from '../cli.js';
import { shortHash } from '../lifecycle/git.js';
import { formatResult } from '../reporters/index.js';
import { useColor } from '../reporters/pretty.js';
import { bibliographyOption, manuscriptOption, setExit } from './shared.js';

export function register(program: Command): void {
  program
    .command('release')
    .description(
      'check the manuscript for a draft stage, build its PDF and record the release in releases/<draft>-v<version>/ with a git tag',
    )
    .argument('<draft>', `the draft stage to release: ${STAGES.join(', ')}`)
    .addOption(manuscriptOption())
    .addOption(bibliographyOption())
    .addHelpText(
      'after',
      `
The release is refused when the working tree has uncommitted changes (outside releases/, dist/ and .flagship-cache/),
when manuscript.yaml's \`draft\` is another stage, when its \`version\` was already released, and
when \`flagship check --draft <draft>\` finds an error. It writes releases/<draft>-v<version>/ (the
PDF, build.json, manifest.json with the commit and SHA-256 of every source, manifest.json.sha256)
and tags the commit <draft>-v<version>; it commits nothing. See docs/lifecycle.md.
Exit codes: 0 released, 1 the manuscript has errors for that draft, 2 refused or could not run.
Example:
  flagship release first && git push origin first-v0.3.0`,
    )
    .action(async (draft: string, opts: { manuscript: string; bibliography?: string }) => {
      const { release } = await import('../lifecycle/release.js');
      const outcome = await release({
        draft,
        manuscript: opts.manuscript,
        bibliography: opts.bibliography,
        toolVersion: toolVersion(),
      });
      if (!outcome.ok) {
        process.stdout.write(formatResult(outcome.check, 'pretty', { color: useColor() }));
        process.stderr.write(
          `flagship: release refused: the manuscript has ${outcome.check.summary.errors} error(s) for the ${outcome.check.stage} draft; fix them (flagship check --draft ${outcome.check.stage}), commit, then run again.\n`,
        );
        setExit(1);
        return;
      }
      const rel = (file: string) => path.relative(process.cwd(), file) || '.';
      const m = outcome.manifest;
      const warnings = outcome.check.summary.warnings;
      process.stdout.write(
        [
          `Released ${outcome.name} (version ${m.version}, ${m.draft} draft, commit ${shortHash(m.commit)})`,
          `  ${rel(path.join(outcome.dir, m.outputs[0]!.path))}`,
          `  ${rel(path.join(outcome.dir, 'build.json'))}`,
          `  ${rel(path.join(outcome.dir, 'manifest.json'))} (${m.sources.length} source files)`,
          `  git tag ${m.tag}`,
          warnings > 0
            ? `  ${warnings} warning(s) for this draft (flagship check --draft ${m.draft})`
            : '',
          `Next: git push origin ${m.tag}; commit ${rel(outcome.dir)} to keep the record in the repository.`,
        ]
          .filter((l) => l !== '')
          .join('\n') + '\n',
      );
    });
}
