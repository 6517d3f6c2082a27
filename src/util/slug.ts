/**
 * Slugs: stable keys made from titles. `slugify` keeps letters of any script
 * (keys for headings without an id); `fileSlug` is ASCII and short (file names
 * of the PDF and its editions).
 */

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A stable key for a heading without an id: lower case, letters and digits joined by hyphens. */
export function slugify(text: string): string {
  return (
    fold(text)
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

/** The file-name slug of a publication title: ASCII letters and digits, at most 60 characters. */
export function fileSlug(text: string): string {
  return (
    fold(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'publication'
  );
}
