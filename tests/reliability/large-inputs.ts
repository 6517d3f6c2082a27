/**
 * Generators of large manuscripts for the large-input tests: a chapter of a
 * given size in realistic Markdown (sections, paragraphs with citations,
 * lists, tables, boxes), a bibliography of N entries, and single lines of
 * 100,000 characters of several kinds (prose, citations, and the adversarial
 * patterns whose parse cost is superlinear in micromark).
 */

const WORDS =
  'smart sustainable cities urban planning governance data infrastructure mobility energy housing residents municipal services innovation digital public private partnership indicators resilience climate inclusion ageing population transport water waste health education economy'.split(
    ' ',
  );

function words(seed: number, n: number): string {
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

export function bibKey(i: number): string {
  return `author${i}y${2000 + (i % 25)}`;
}

/** A bibliography of `n` entries (articles, books, reports; some accents and corporate authors). */
export function largeBibliography(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = bibKey(i);
    const year = 2000 + (i % 25);
    if (i % 3 === 0)
      parts.push(
        `@article{${key},\n  author = {M\\"uller, Anna and Dupont, Jean and others},\n  title = {${words(i, 8)}},\n  journal = {Journal of ${words(i + 1, 2)}},\n  volume = {${i % 40}},\n  pages = {1--${10 + (i % 90)}},\n  year = {${year}}\n}\n`,
      );
    else if (i % 3 === 1)
      parts.push(
        `@book{${key},\n  author = {{United Nations Economic Commission for Europe}},\n  title = {${words(i, 6)}},\n  publisher = {United Nations},\n  address = {Geneva},\n  year = {${year}}\n}\n`,
      );
    else
      parts.push(
        `@techreport{${key},\n  author = {Ivanova, Olga},\n  title = {${words(i, 10)}},\n  institution = {ITU},\n  number = {Y.${4900 + (i % 99)}},\n  year = {${year}},\n  url = {https://example.org/${key}}\n}\n`,
      );
  }
  return parts.join('\n');
}

/** A chapter of about `bytes` bytes citing keys of a bibliography of `entries` entries. */
export function largeChapter(bytes: number, entries: number, id = 'introduction'): string {
  const head = `---\nid: ${id}\n---\n# Introduction\n\n`;
  const parts: string[] = [head];
  let size = head.length;
  let i = 0;
  const boxes =
    ':::good-practice{country=ESP city="Barcelona" title="Open data"}\nBarcelona publishes open data.\n:::\n\n' +
    ':::unece-support{title="U4SSC KPIs"}\nUNECE supports cities.\n:::\n\n' +
    ':::recommendations\n1. Do this.\n2. Do that.\n:::\n\n';
  parts.push(boxes);
  size += boxes.length;
  while (size < bytes) {
    const k = (n: number) => bibKey((i * 7 + n) % entries);
    let block: string;
    switch (i % 6) {
      case 0:
        block = `## Section ${i} {#sec:s${i}}\n\n`;
        break;
      case 1:
      case 2:
        block = `${words(i, 60)} [@${k(0)}; @${k(1)}, p. ${i % 300}] and *${words(i, 3)}* as @${k(2)} shows, **${words(i + 3, 4)}** ([link](https://example.org/${i})).\n\n`;
        break;
      case 3:
        block = `- ${words(i, 12)} [@${k(3)}]\n- ${words(i + 1, 12)}\n- ${words(i + 2, 12)}\n\n`;
        break;
      case 4:
        block = `| City | Value | Note |\n| --- | ---: | --- |\n| ${words(i, 1)} | ${i} | ${words(i, 5)} |\n| ${words(i + 1, 1)} | ${i * 2} | ${words(i + 1, 5)} |\n\n`;
        break;
      default:
        block = `> ${words(i, 30)}\n\n`;
    }
    parts.push(block);
    size += block.length;
    i++;
  }
  return parts.join('');
}

/** Single lines of `length` characters: what a paste without line breaks looks like. */
export const LONG_LINES: Record<string, (length: number) => string> = {
  /** Prose with citations every few words. */
  prose: (n) => `[@${bibKey(0)}] ${words(1, Math.ceil(n / 4))}`.slice(0, n),
  citations: (n) => '[@a; @b, p. 4] @c '.repeat(Math.ceil(n / 18)).slice(0, n),
  /** An unclosed bracket before thousands of keys (was quadratic in flagship's citation scanner). */
  unclosedBracket: (n) => `[${'@a '.repeat(Math.ceil(n / 3))}`.slice(0, n),
  /** Adversarial for micromark: unmatched emphasis markers (quadratic upstream). */
  emphasisMarkers: (n) => '*a'.repeat(Math.ceil(n / 2)).slice(0, n),
  /** Adversarial for micromark: unclosed link openers (quadratic upstream). */
  linkOpeners: (n) => '[a]('.repeat(Math.ceil(n / 4)).slice(0, n),
};
