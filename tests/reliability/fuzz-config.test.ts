/**
 * Fuzzing manuscript.yaml: generated YAML and random edits of a valid file
 * never crash `check`; every problem is a config-invalid (or other) diagnostic
 * at a line of the file.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mutated, yamlText } from './arbitraries.js';
import { fixtureFiles, fuzzCheck, fuzzRuns } from './fuzz-support.js';

const base = fixtureFiles();

describe('fuzz: manuscript.yaml', () => {
  it('never throws on generated or mutated configuration', async () => {
    const files = fc
      .oneof(yamlText, mutated(base['manuscript/manuscript.yaml']!, yamlText))
      .map((yaml) => ({ ...base, 'manuscript/manuscript.yaml': yaml }));
    const report = await fuzzCheck('config-check', files, {
      runs: fuzzRuns(100),
      extra: (result) => {
        // An invalid configuration is always said to be invalid, never silently defaulted.
        if (result.project.configFile.messages.length === 0) return;
        expect(result.diagnostics.some((d) => d.file === 'manuscript/manuscript.yaml')).toBe(true);
      },
    });
    expect(report.failed).toBe(false);
  });
});
