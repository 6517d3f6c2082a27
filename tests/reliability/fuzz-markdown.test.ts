/**
 * Fuzzing the Markdown parse stage (remark + flagship's syntax plugins + front
 * matter) on generated and mutated chapters: it never throws, every position it
 * gives lies inside the file, and through `check` every finding is located.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { parseDoc } from '../../src/core/parse.js';
import { sha256 } from '../../src/core/source.js';
import { chapterText, markdownText, mutated } from './arbitraries.js';
import { fixtureFiles, fuzzCheck, fuzzPure, fuzzRuns } from './fuzz-support.js';

const base = fixtureFiles();

function lines(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

describe('fuzz: Markdown parse stage', () => {
  it('parses any chapter text without throwing, with positions inside the file', () => {
    const chapter = fc.oneof(
      chapterText,
      mutated(base['manuscript/01-introduction.md']!, markdownText),
    );
    const report = fuzzPure(
      'markdown-parse',
      chapter,
      (text) => {
        const file = new VFile({ path: 'manuscript/01-x.md', value: text });
        const doc = parseDoc(
          { path: '/p/manuscript/01-x.md', file, text, sha256: sha256(text), readable: true },
          'chapter',
          '/nonexistent-cwd',
        );
        const max = lines(text);
        visit(doc.tree, (node) => {
          const start = node.position?.start;
          if (!start) return;
          if (start.line < 1 || start.line > max || start.column < 1)
            throw new Error(`${node.type} at ${start.line}:${start.column} is outside the file`);
        });
        for (const m of file.messages) {
          if ((m.line ?? 1) < 1 || (m.line ?? 1) > max)
            throw new Error(`message at line ${m.line} is outside the file: ${m.reason}`);
        }
      },
      { runs: fuzzRuns(400) },
    );
    expect(report.failed).toBe(false);
  });

  it('checks projects with a generated or mutated chapter and reports located findings', async () => {
    const files = fc
      .oneof(chapterText, mutated(base['manuscript/01-introduction.md']!, markdownText))
      .map((chapter) => ({ ...base, 'manuscript/01-introduction.md': chapter }));
    const report = await fuzzCheck('markdown-check', files, { runs: fuzzRuns(60) });
    expect(report.failed).toBe(false);
  });
});
