/**
 * The build benchmarks (flagship build vs a bare Chromium print of flagship's
 * own HTML vs pandoc + WeasyPrint; a one-chapter rebuild vs a full build).
 * Skipped with a note while `flagship build` does not exist in this tree.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export async function buildBenchmarks({ root }) {
  if (!existsSync(path.join(root, 'build', 'render', 'build.js')))
    return [
      {
        group: 'build',
        id: 'flagship-build',
        name: 'flagship build',
        skipped: 'flagship build is not in this tree yet',
      },
    ];
  return [];
}
