/**
 * Hyphenation for justified text. Chromium here has no hyphenation dictionaries
 * (`hyphens: auto` does nothing, and it cannot download them), so soft hyphens
 * (U+00AD) are inserted at render time with the `hyphen` package's TeX patterns
 * (en-GB, French, Russian): Chromium breaks a line at a soft hyphen and prints a
 * hyphen there, nowhere else. Only running text is hyphenated: never headings,
 * code, links and cross-references, citations and notes, KPI codes, labels,
 * tables of contents, nor a token that looks like a URL, a symbol or a code
 * (digits, `/`, `@`, `:`, `_`, all capitals).
 */
import { createRequire } from 'node:module';
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

interface Hyphenator {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}

const require = createRequire(import.meta.url);
const PATTERNS: Record<string, string> = { en: 'hyphen/en-gb', fr: 'hyphen/fr', ru: 'hyphen/ru' };
const loaded = new Map<string, Hyphenator | undefined>();

/** The hyphenator of a language (`en`, `fr-CH` -> fr), undefined when there are no patterns. */
export function hyphenatorFor(lang: string): Hyphenator | undefined {
  const base = lang.toLowerCase().split('-')[0]!;
  if (!loaded.has(base)) {
    const name = PATTERNS[base];
    loaded.set(base, name ? (require(name) as Hyphenator) : undefined);
  }
  return loaded.get(base);
}

const SKIP_TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'code',
  'pre',
  'a',
  'kbd',
  'abbr',
  'header',
  'nav',
  'caption',
  'figcaption',
  'sup',
]);
const SKIP_CLASSES = [
  'footnote',
  'citation',
  'cite-unresolved',
  'xref',
  'xref-unresolved',
  'kpi',
  'sdg',
  'box-kind',
  'box-title',
  'box-place',
  'section-number',
  'caption-label',
  'csl-bib-body',
  'comment-marker',
  'recommendation-number',
];
const SOFT = '\u00ad';
/** A token that must stay whole: URL, e-mail, symbol (ECE/HBP/184), code, acronym. */
const VERBATIM = /[\d/@:_\\=]|^www\.|^[\p{Lu}\p{Pd}]+$/u;

/**
 * Words already hyphenated, per hyphenator: a manuscript repeats a few thousand words
 * (60,000 words of text, about 4,000 distinct), so the patterns run once per word
 * (hyphenation 190 -> 40 ms on the benchmark manuscript). Bounded: cleared when full.
 */
const memo = new WeakMap<Hyphenator, Map<string, string>>();
const MEMO_WORDS = 100_000;

function hyphenateWord(word: string, hyphenator: Hyphenator): string {
  let words = memo.get(hyphenator);
  if (!words) memo.set(hyphenator, (words = new Map()));
  let done = words.get(word);
  if (done === undefined) {
    done = hyphenator.hyphenateSync(word, { hyphenChar: SOFT, minWordLength: 6 });
    if (words.size >= MEMO_WORDS) words.clear();
    words.set(word, done);
  }
  return done;
}

/** Insert soft hyphens into one run of text. */
export function hyphenateText(text: string, hyphenator: Hyphenator): string {
  return text.replace(/\S+/g, (token) => {
    if (VERBATIM.test(token) || token.includes(SOFT)) return token;
    return token.replace(/\p{L}{6,}/gu, (word) =>
      /^\p{Lu}{2,}/u.test(word) ? word : hyphenateWord(word, hyphenator),
    );
  });
}

/** Hyphenate the running text of a rendered tree in place. */
export function hyphenateTree(tree: Root, lang: string): void {
  const hyphenator = hyphenatorFor(lang);
  if (!hyphenator) return;
  visit(tree, (node) => {
    if (node.type === 'element') {
      const element = node as Element;
      const classes = (element.properties.className as string[] | undefined) ?? [];
      if (SKIP_TAGS.has(element.tagName) || classes.some((c) => SKIP_CLASSES.includes(c)))
        return SKIP;
      return undefined;
    }
    if (node.type === 'text') node.value = hyphenateText(node.value, hyphenator);
    return undefined;
  });
}
