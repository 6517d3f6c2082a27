/** `flagship diff`: what changed between two versions, per chapter, with a redline. */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { useColor } from '../reporters/pretty.js';
import { DIFF_FORMATS, type DiffFormat } from '../lifecycle/diff-format.js';
import { bibliographyOption, manuscriptOption } from './shared.js';

interface DiffOptions {
  manuscript: string;
  bibliography?: string;
  format: DiffFormat;
  html?: string | boolean;
  pdf?: string | boolean;
}

function fileName(label: string): string {
  return label.replace(/[^A-Za-z0-9._-]+/g, '_');
}

export function register(program: Command): void {
  program
    .command('diff')
    .description(
      'change report per chapter between two versions (release names or git refs): sections, paragraphs with a word-level redline, boxes, recommendations, citations, words',
    )
    .argument('[from]', 'release name (e.g. first-v0.3.0) or git ref; default: the last release')
    .argument('[to]', 'release name or git ref; default: the working tree (`working`)')
    .addOption(manuscriptOption())
    .addOption(bibliographyOption())
    .addOption(
      new Option('-f, --format <format>', 'terminal report format')
        .choices(DIFF_FORMATS)
        .default('pretty'),
    )
    .option('--html [file]', 'also write an HTML redline (default: dist/redline-<from>-<to>.html)')
    .option('--pdf [file]', 'also write a PDF redline (default: dist/redline-<from>-<to>.pdf)')
    .addHelpText(
      'after',
      `
Versions are read from git: a release under releases/ (checked against its manifest), a tag, a
branch or a commit; \`working\` is the working tree. Exit code 0 (a report, not a gate); 2 when it
could not run. See docs/lifecycle.md.
Examples:
  flagship diff                                  # last release -> working tree
  flagship diff first-v0.3.0 second-v0.4.0 --pdf # redline PDF for the expert group
  flagship diff main HEAD --format json`,
    )
    .action(async (fromArg: string | undefined, toArg: string | undefined, opts: DiffOptions) => {
      // Loaded here: the comparison and the redline bring jsdiff and the render stack.
      const { compareProjects, info } = await import('../lifecycle/compare.js');
      const { formatDiff } = await import('../lifecycle/diff-format.js');
      const { repoRoot } = await import('../lifecycle/git.js');
      const { writeRedline } = await import('../lifecycle/redline.js');
      const { lastRelease, loadSnapshot, WORKING } = await import('../lifecycle/snapshot.js');
      const cwd = process.cwd();
      const root = repoRoot(cwd);
      const from = fromArg ?? lastRelease(root);
      if (from === undefined)
        throw new UsageError(
          'there is no release yet to compare with; name a version, e.g. `flagship diff HEAD` or `flagship diff main`, or release one with `flagship release first`.',
        );
      const to = toArg ?? WORKING[0]!;
      const options = { cwd, manuscript: opts.manuscript, bibliography: opts.bibliography };
      const before = loadSnapshot(root, from, options);
      const after = loadSnapshot(root, to, options);
      const report = compareProjects(
        before.project,
        after.project,
        info(before.label, before.kind, before.project, before.commit),
        info(after.label, after.kind, after.project, after.commit),
      );
      process.stdout.write(formatDiff(report, opts.format, opts.format === 'pretty' && useColor()));
      const base = `redline-${fileName(before.label)}-${fileName(after.kind === 'working' ? 'working' : after.label)}`;
      const htmlOut =
        typeof opts.html === 'string'
          ? opts.html
          : opts.html
            ? path.join('dist', `${base}.html`)
            : undefined;
      const pdfOut =
        typeof opts.pdf === 'string'
          ? opts.pdf
          : opts.pdf
            ? path.join('dist', `${base}.pdf`)
            : undefined;
      if (htmlOut || pdfOut) {
        const written = await writeRedline(before.project, after.project, report, {
          html: htmlOut ? path.resolve(cwd, htmlOut) : undefined,
          pdf: pdfOut ? path.resolve(cwd, pdfOut) : undefined,
        });
        for (const file of written) process.stderr.write(`wrote ${path.relative(cwd, file)}\n`);
      }
    });
}
