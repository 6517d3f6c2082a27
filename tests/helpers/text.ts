/**
 * Test helpers for reading what flagship printed: the text of a PDF (pdftotext)
 * or of an HTML edition, with the soft hyphens flagship inserts for hyphenation
 * removed and words broken at a line end (U+2010 or "-" before the break) joined.
 */
import { execFileSync } from 'node:child_process';

/** Remove soft hyphens and join a word hyphenated across a line break. */
export function unhyphenate(text: string): string {
  return text.replace(/\u00ad/g, '').replace(/(\p{L})\u2010\n\s*(\p{Ll})/gu, '$1$2');
}

/** The text of a PDF as pdftotext gives it (extra args such as -layout), unhyphenated. */
export function pdfText(file: string, args: string[] = []): string {
  return unhyphenate(
    execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' }),
  );
}
