/**
 * Fuzzing the bibliography: generated and mutated BibTeX (what several
 * reference managers export and editors mend by hand) always splits and
 * parses without throwing; every entry and every bib-parse-error lies inside
 * the file, every entry that did not parse is reported, and cited keys resolve
 * in NFC or NFD alike.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { parseBibliography } from '../../src/core/bibliography.js';
import { sha256 } from '../../src/core/source.js';
import { bibtexText, mutated } from './arbitraries.js';
import { fixtureFiles, fuzzCheck, fuzzPure, fuzzRuns } from './fuzz-support.js';

const base = fixtureFiles();

describe('fuzz: BibTeX', () => {
  it('parses any BibTeX text without throwing, reporting every broken entry in the file', () => {
    const bibtex = fc.oneof(bibtexText, mutated(base['references.bib']!, bibtexText));
    const report = fuzzPure(
      'bibtex-parse',
      bibtex,
      (text) => {
        const file = new VFile({ path: 'references.bib', value: text });
        const bib = parseBibliography({
          path: '/p/references.bib',
          file,
          text,
          sha256: sha256(text),
          readable: true,
        });
        const max = text.split(/\r\n|\r|\n/).length;
        for (const entry of bib.entries) {
          if (entry.line < 1 || entry.line > max) throw new Error(`entry at line ${entry.line}`);
          // An entry that did not parse must have said so.
          if (
            !entry.item &&
            !file.messages.some((m) => m.line !== undefined && m.line >= entry.line)
          )
            throw new Error(`entry \`${entry.key}\` at line ${entry.line} dropped silently`);
        }
        for (const m of file.messages) {
          if (m.ruleId !== 'bib-parse-error') throw new Error(`unexpected rule ${m.ruleId}`);
          if (m.line === undefined || m.line < 1 || m.line > max)
            throw new Error(`bib-parse-error at line ${m.line} outside a ${max}-line file`);
        }
      },
      { runs: fuzzRuns(400) },
    );
    expect(report.failed).toBe(false);
  });

  it('checks projects with a generated or mutated bibliography', async () => {
    const files = fc
      .oneof(bibtexText, mutated(base['references.bib']!, bibtexText))
      .map((bib) => ({ ...base, 'references.bib': bib }));
    const report = await fuzzCheck('bibtex-check', files, { runs: fuzzRuns(60) });
    expect(report.failed).toBe(false);
  });
});
