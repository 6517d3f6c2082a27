/**
 * Test helpers for the translation hand-off: copy the shipped manuscript (or a
 * fixture) to a temp directory, and "translate" exported XLIFF programmatically
 * by writing a `<target>` into chosen units.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURES } from './fixture.js';

export const REPO = path.resolve(import.meta.dirname, '../..');

/** A temp copy of the shipped manuscript with what its manuscript.yaml points at. */
export function copyShipped(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'flagship-shipped-'));
  cpSync(path.join(REPO, 'manuscript'), path.join(root, 'manuscript'), {
    recursive: true,
    filter: (src) => !/[\\/]manuscript[\\/](fr|ru)([\\/]|$)/.test(src),
  });
  cpSync(path.join(REPO, 'references.bib'), path.join(root, 'references.bib'));
  if (existsSync(path.join(REPO, 'templates')))
    cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  return root;
}

/** A temp copy of tests/fixtures/translation. */
export function copyFixture(name = 'translation'): string {
  const root = mkdtempSync(path.join(tmpdir(), 'flagship-translation-'));
  cpSync(path.join(FIXTURES, name), root, { recursive: true });
  return root;
}

export interface Translated {
  /** Inner XML of the `<target>`. */
  target: string;
  state?: 'translated' | 'reviewed' | 'final';
}

/**
 * Give units a target: `translate(unitId, sourceInnerXml)` returns the target
 * (inner XML, codes included) or undefined to leave the unit untranslated.
 */
export function fillTargets(
  xml: string,
  translate: (id: string, source: string) => Translated | undefined,
): string {
  return xml.replace(
    /<segment id="([^"]+)" state="[a-z]+">\n(\s*)<source>([\s\S]*?)<\/source>\n(?:\s*<target>[\s\S]*?<\/target>\n)?/g,
    (whole, id: string, indent: string, source: string) => {
      const t = translate(id, source);
      if (!t) return whole;
      return `<segment id="${id}" state="${t.state ?? 'translated'}">\n${indent}<source>${source}</source>\n${indent}<target>${t.target}</target>\n`;
    },
  );
}
