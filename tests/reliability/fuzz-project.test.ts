/**
 * Fuzzing the whole check path (load -> parse -> check) on projects made from
 * the valid fixture with files replaced by generated text, mutated by random
 * edits or turned into hostile bytes: no exception, and every failure is a
 * diagnostic with a file, line and column inside that file. Fixed seed here;
 * `npm run fuzz` runs many more inputs with a fresh seed.
 */
import { describe, expect, it } from 'vitest';
import { projectFrom } from './arbitraries.js';
import { fixtureFiles, fuzzCheck, fuzzRuns } from './fuzz-support.js';

describe('fuzz: whole projects through flagship check', () => {
  it('never throws and reports every problem as a located diagnostic', async () => {
    const report = await fuzzCheck('project', projectFrom(fixtureFiles()), {
      runs: fuzzRuns(80),
    });
    expect(report.failed).toBe(false);
    expect(report.runs).toBeGreaterThan(0);
    // The generators reach the failure paths, not only valid projects.
    expect(report.withErrors).toBeGreaterThan(0.3);
  });
});
