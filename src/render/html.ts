/**
 * Markdown -> HTML: each chapter and front-matter file's mdast becomes hast with
 * flagship's handlers (directives from the registry, citations, cross-references,
 * footnotes placed where they are referenced, numbered headings), raw HTML is
 * parsed and sanitized, images are inlined as data: URLs from inside the project,
 * and the result is returned per file for the template to assemble.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { FootnoteReference, Heading, Root } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toHast, type Handler } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { h } from 'hastscript';
import rehypeRaw from 'rehype-raw';
import remarkSmartypants from 'remark-smartypants';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import type { Numbering } from '../core/numbering.js';
import type { CiteNode, CrossrefNode } from '../core/syntax/citations.js';
import type { MarkdownDoc, Project, Stage } from '../core/types.js';
import type { Citations } from './cite.js';
import type { BuildRenderContext } from './context.js';
import { directiveHandlers, type AnyDirective } from './handlers/index.js';
import type { I18n } from './i18n.js';
import type { DocNotes } from './notes.js';
import { hyphenateTree } from './hyphenate.js';
import { IMAGE_TYPES } from '../util/mime.js';

const smartQuotes = unified().use(remarkSmartypants, { dashes: 'oldschool' });

/** What the sanitizer keeps: Markdown's HTML plus the elements and classes the templates style. */
export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'section',
    'aside',
    'figure',
    'figcaption',
    'caption',
    'header',
    'span',
    'div',
    'mark',
    'abbr',
    'small',
    'cite',
  ],
  attributes: {
    // The default schema only lets a few fixed class names through on some elements; the
    // templates style flagship's own classes, so lift those restrictions (classes are inert).
    ...Object.fromEntries(
      Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [
        tag,
        list.filter((a) => !(Array.isArray(a) && a[0] === 'className')),
      ]),
    ),
    '*': [
      ...(defaultSchema.attributes?.['*'] ?? []),
      'className',
      'id',
      'data*',
      'role',
      'ariaHidden',
      'lang',
      'title',
    ],
    img: [...(defaultSchema.attributes?.img ?? []), 'src', 'alt'],
    th: [...(defaultSchema.attributes?.th ?? []), 'align', 'scope'],
    td: [...(defaultSchema.attributes?.td ?? []), 'align'],
  },
  protocols: { ...defaultSchema.protocols, src: ['data'] },
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed'],
};

export interface DocHtml {
  doc: MarkdownDoc;
  /** Chapter number, 0 for front matter. */
  chapter: number;
  /** Element id of the file's title heading. */
  titleId: string;
  title: string;
  /** The file's content (title heading included). */
  content: ElementContent[];
  /** Sections (##) for the table of contents. */
  sections: Array<{ id: string; number: string; title: string }>;
  /** Text of every heading as the PDF outline shows it ("1.2 Title"). */
  headings: string[];
}

export interface HtmlStageOptions {
  project: Project;
  numbering: Numbering;
  stage: Stage;
  lang: string;
  i18n: I18n;
  citations: Citations;
  notes: Map<MarkdownDoc, DocNotes>;
}

function insideAny(file: string, dirs: string[]): boolean {
  return dirs.some((dir) => {
    const rel = path.relative(dir, file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

/** Replace every <img src> by a data: URL of a project file, or by a visible note. */
function inlineImages(tree: HastRoot, ctx: BuildRenderContext): void {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    const src = String(node.properties.src ?? '');
    if (src.startsWith('data:')) return;
    let problem: string | undefined;
    if (/^[a-z][a-z0-9+.-]*:/i.test(src)) problem = `remote image not loaded: ${src}`;
    else {
      let file = path.resolve(ctx.docDir, decodeURI(src.split(/[?#]/)[0] ?? ''));
      const mime = IMAGE_TYPES[path.extname(file).toLowerCase()];
      if (!existsSync(file)) problem = `${ctx.i18n.t('missing-figure')}: ${src}`;
      else {
        file = realpathSync(file);
        if (!insideAny(file, ctx.allowDirs))
          problem = `image outside the project not loaded: ${src}`;
        else if (!mime) problem = `unsupported image type: ${src}`;
        else {
          ctx.assets.add(file);
          node.properties.src = `data:${mime};base64,${readFileSync(file).toString('base64')}`;
          return;
        }
      }
    }
    ctx.warnings.push(problem);
    parent.children[index] = h('span', { className: ['missing-image'] }, `[${problem}]`);
  });
}

/** Footnote content as phrasing (block elements become spans), so it can sit inside a paragraph. */
function toInline(nodes: ElementContent[]): ElementContent[] {
  const phrasing = new Set([
    'a',
    'em',
    'strong',
    'code',
    'sup',
    'sub',
    'span',
    'br',
    'img',
    'del',
    'i',
    'b',
    'abbr',
    'cite',
    'mark',
    'small',
  ]);
  return nodes.map((node) => {
    if (node.type !== 'element') return node;
    const children = toInline(node.children);
    if (phrasing.has(node.tagName)) return { ...node, children };
    return h('span', { className: [`fn-${node.tagName}`] }, children);
  });
}

function citationHast(html: string): ElementContent[] {
  return fromHtml(html, { fragment: true }).children as ElementContent[];
}

/**
 * A footnote: its text (which Paged.js floats to the foot of the page) followed by the
 * call. The text comes first because Paged.js drops the space that follows a floated
 * note ("money;⁸Box" instead of "money;⁸ Box").
 */
function footnote(number: number, id: string, content: ElementContent[]): ElementContent[] {
  return [
    h('span', { className: ['footnote'], id, dataNote: String(number) }, [
      h('span', { className: ['fn-mark'] }, String(number)),
      ' ',
      ...content,
    ]),
    h('sup', { className: ['fn-call'] }, [h('a', { href: `#${id}` }, String(number))]),
  ];
}

/**
 * With a note style, a citation in running text becomes a note call: drop the space
 * before it and put it after a following punctuation mark ("text [@a]." -> "text.¹"),
 * as Pandoc does and the UN Editorial Manual sets notes.
 */
function placeNoteCalls(tree: Root, notes: DocNotes): void {
  visit(tree, (node) => {
    const children = (node as { children?: Array<{ type: string; value?: string }> }).children;
    if (!children) return;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (
        child.type !== 'cite' ||
        notes.cites.get(child as unknown as CiteNode)?.note === undefined
      )
        continue;
      if ((child as unknown as CiteNode).mode !== 'parenthetical') continue;
      const before = children[i - 1];
      const after = children[i + 1];
      if (before?.type === 'text') before.value = before.value!.replace(/\s+$/, '');
      const punct = after?.type === 'text' ? /^[.,;:!?]+/.exec(after.value!) : null;
      if (punct && before?.type === 'text') {
        before.value += punct[0];
        after!.value = after!.value!.slice(punct[0].length);
      }
    }
  });
}

/** The i18n key of a numbered kind's plural ("boxes 5.3 and 5.4"). */
const PLURAL: Record<string, string> = {
  box: 'boxes',
  figure: 'figures',
  table: 'tables',
  section: 'sections',
};

/**
 * `(@box:a; @box:b)` written as two references in parentheses: one reference of two
 * items, so it prints "(boxes 5.3 and 5.4)" like `[@box:a; @box:b]`.
 */
function mergeCrossrefs(tree: Root): void {
  visit(tree, (node) => {
    const kids = (node as { children?: Array<{ type: string; value?: string }> }).children;
    if (!kids) return;
    for (let i = kids.length - 3; i >= 0; i--) {
      const [a, sep, b] = [kids[i], kids[i + 1], kids[i + 2]] as unknown as [
        CrossrefNode,
        { type: string; value?: string },
        CrossrefNode,
      ];
      if (a.type !== 'crossref' || b.type !== 'crossref' || a.bracketed || b.bracketed) continue;
      if (sep.type !== 'text' || !/^\s*;\s*$/.test(sep.value ?? '')) continue;
      a.items = [...a.items, ...b.items];
      kids.splice(i + 1, 2);
    }
  });
}

/** Two note calls in a row read "21,22", not "2122": put a superscript comma between them. */
function separateNoteCalls(tree: HastRoot): void {
  const isCall = (n: unknown) =>
    (n as Element)?.type === 'element' &&
    (n as Element).tagName === 'sup' &&
    ((n as Element).properties.className as string[] | undefined)?.includes('fn-call');
  const isNote = (n: unknown) =>
    (n as Element)?.type === 'element' &&
    ((n as Element).properties.className as string[] | undefined)?.includes('footnote');
  visit(tree, 'element', (node) => {
    node.children = node.children.filter((n) => !(n.type === 'text' && n.value === ''));
    const kids = node.children;
    for (let i = kids.length - 2; i >= 1; i--)
      if (isCall(kids[i - 1]) && isNote(kids[i]) && isCall(kids[i + 1]))
        kids.splice(i, 0, h('sup', { className: ['fn-sep'] }, ','));
  });
}

/** Convert one Markdown file to hast. */
export function renderDoc(
  doc: MarkdownDoc,
  chapter: number,
  options: HtmlStageOptions,
  ctx: BuildRenderContext,
): DocHtml {
  const { numbering, citations, i18n } = options;
  const notes = options.notes.get(doc);
  const prefix = chapter > 0 ? `c${chapter}` : `f-${doc.id ?? 'front'}`;
  const titleId = chapter > 0 ? `chapter-${doc.id ?? chapter}` : `front-${doc.id ?? 'front'}`;
  const sections: DocHtml['sections'] = [];
  const headings: string[] = [];
  let title = doc.title ?? doc.id ?? '';
  let inNote = false;

  const unresolved = (key: string) =>
    h(
      'strong',
      { className: ['cite-unresolved'], title: i18n.t('unresolved-citation') },
      `${key}?`,
    );

  const cite: Handler = (state, node) => {
    const citeNode = node as unknown as CiteNode;
    const info = notes?.cites.get(citeNode);
    const html = info ? (citations.html[info.cluster] ?? '') : '';
    const missing = citeNode.items
      .filter((i) => citations.unresolved.has(i.key))
      .map((i) => unresolved(i.key));
    const formatted: ElementContent[] = html ? citationHast(html) : [];
    const body: ElementContent[] = [...formatted];
    missing.forEach((m, i) =>
      body.push(...(body.length > 0 || i > 0 ? [{ type: 'text' as const, value: '; ' }] : []), m),
    );
    if (ctx.inlineCites && citations.isNote) return h('span', { className: ['citation'] }, body);
    if (citations.isNote && !inNote && info?.note !== undefined) {
      const narrative =
        citeNode.mode === 'narrative' ? citations.narrative.get(info.cluster) : undefined;
      const lead: ElementContent[] = narrative ? citationHast(narrative) : [];
      if (formatted.length === 0) return [...lead, ...(lead.length ? [] : missing)];
      return [...lead, ...footnote(info.note, `${prefix}-fn-${info.note}`, body)];
    }
    if (citeNode.mode === 'narrative' && info) {
      const author = citations.narrative.get(info.cluster);
      if (author && formatted.length > 0)
        return h('span', { className: ['citation'] }, [...citationHast(author), ' ', ...formatted]);
    }
    return h('span', { className: ['citation'] }, body);
  };

  const crossref: Handler = (state, node, parent) => {
    const ref = node as unknown as CrossrefNode;
    const siblings = (parent as { children?: Array<{ type: string; value?: string }> } | undefined)
      ?.children;
    const at = siblings?.indexOf(node as never) ?? -1;
    const previous = at > 0 ? siblings![at - 1] : undefined;
    // A sentence starts here: at the start of a paragraph or after . ! ? (then "Section" keeps its capital).
    const sentenceStart =
      at <= 0 || (previous?.type === 'text' && /(^|[.!?:]\s+)$/.test(previous.value ?? ''));
    const out: ElementContent[] = [];
    const kindWord = (kind: string, first: boolean) =>
      kind === 'section' && !(first && sentenceStart && !ref.bracketed)
        ? i18n.t('section-in-text')
        : i18n.t(kind);
    const entries = ref.items.map((item) => numbering.byLabel.get(item.label));
    const sameKind =
      ref.items.length > 1 &&
      entries.every((e, i) => e && e.kind === entries[0]!.kind && !ref.items[i]!.suffix) &&
      ref.items.slice(1).every((item) => !item.prefix);
    if (sameKind) {
      // `[@box:a; @box:b]` -> "boxes 5.3 and 5.4": one plural word, numbers joined with "and".
      const kind = entries[0]!.kind;
      const prefixText = ref.items[0]!.prefix.replace(
        new RegExp(`\\s*(${i18n.t(kind)}|${i18n.t(PLURAL[kind] ?? kind)})\\s*$`, 'i'),
        '',
      );
      if (prefixText) out.push({ type: 'text', value: `${prefixText} ` });
      out.push({ type: 'text', value: `${i18n.t(PLURAL[kind] ?? kind)}\u00a0` });
      entries.forEach((entry, i) => {
        if (i > 0)
          out.push({
            type: 'text',
            value: i === entries.length - 1 ? ` ${i18n.t('and')} ` : ', ',
          });
        out.push(h('a', { className: ['xref'], href: `#${entry!.label}` }, entry!.number));
      });
    } else
      ref.items.forEach((item, i) => {
        if (i > 0) out.push({ type: 'text', value: ref.bracketed ? '; ' : ', ' });
        const entry = entries[i];
        if (!entry) {
          if (item.prefix) out.push({ type: 'text', value: `${item.prefix} ` });
          out.push(h('strong', { className: ['xref-unresolved'] }, `${item.label}?`));
        } else {
          const word = kindWord(entry.kind, i === 0 && !item.prefix);
          // `[Box @box:x]` names the kind itself: print "Box 3.2" once.
          const prefixText = item.prefix.replace(
            new RegExp(`\\s*(${i18n.t(entry.kind)}|${word})\\s*$`, 'i'),
            '',
          );
          if (prefixText) out.push({ type: 'text', value: `${prefixText} ` });
          // A non-breaking space: "Box" and "4.3" never part at a line end.
          out.push(
            h(
              'a',
              { className: ['xref'], href: `#${entry.label}` },
              `${word}\u00a0${entry.number}`,
            ),
          );
        }
        if (item.suffix) out.push({ type: 'text', value: ` ${item.suffix}` });
      });
    // `[see @box:x]` keeps its brackets as parentheses: "(see Box 4.3)".
    if (ref.bracketed) return [{ type: 'text', value: '(' }, ...out, { type: 'text', value: ')' }];
    return out;
  };

  const footnoteReference: Handler = (state, node) => {
    const ref = node as FootnoteReference;
    const number = notes?.numbers.get(ref.identifier);
    const def = notes?.definitions.get(ref.identifier);
    if (number === undefined || !def)
      return h('sup', { className: ['fn-missing'] }, `[^${ref.identifier}?]`);
    const id = `${prefix}-fn-${number}`;
    const firstUse = !(state as unknown as { flagshipSeen?: Set<string> }).flagshipSeen?.has(
      ref.identifier,
    );
    const seen = ((state as unknown as { flagshipSeen?: Set<string> }).flagshipSeen ??= new Set());
    seen.add(ref.identifier);
    if (!firstUse)
      return h('sup', { className: ['fn-call'] }, [h('a', { href: `#${id}` }, String(number))]);
    const was = inNote;
    inNote = true;
    const content = toInline(state.all(def) as ElementContent[]);
    inNote = was;
    return footnote(number, id, content);
  };

  const heading: Handler = (state, node) => {
    const head = node as Heading;
    const children = state.all(head) as ElementContent[];
    if (head.depth === 1) {
      title = toString(head).trim();
      headings.push(title);
      if (chapter === 0) return h('h1', { className: ['front-title'], id: titleId }, children);
      return h('header', { className: ['chapter-head'], dataChapterOpening: '' }, [
        h('p', { className: ['chapter-number'] }, `${i18n.t('chapter')} ${chapter}`),
        h('h1', { className: ['chapter-title'], id: titleId }, children),
      ]);
    }
    const entry = numbering.byNode.get(head);
    const id =
      entry?.label ??
      (entry ? `sec-${entry.number}` : `${prefix}-h-${head.position?.start.line ?? 0}`);
    const number = chapter > 0 ? entry?.number : undefined;
    if (head.depth === 2) sections.push({ id, number: number ?? '', title: toString(head).trim() });
    headings.push(`${number ? `${number} ` : ''}${toString(head).trim()}`);
    return h(`h${head.depth}`, { id }, [
      ...(number ? [h('span', { className: ['section-number'] }, number), ' '] : []),
      ...children,
    ]);
  };

  const directive: Handler = (state, node) => {
    const d = node as unknown as ContainerDirective | LeafDirective | TextDirective;
    const handler = directiveHandlers[d.name];
    const sdgNote = d.name === 'sdg' ? notes?.sdgNotes.get(d) : undefined;
    if (handler && sdgNote !== undefined) {
      // The first citation of an SDG target in the chapter: its text as a footnote.
      const out = handler(d as AnyDirective, state, ctx);
      const label = (Array.isArray(out) ? out[0] : out) as Element | undefined;
      const text = label?.type === 'element' ? label.properties.dataNote : undefined;
      if (typeof text === 'string')
        return [
          ...(Array.isArray(out) ? out : out ? [out] : []),
          ...footnote(sdgNote, `${prefix}-fn-${sdgNote}`, [{ type: 'text', value: text }]),
        ] as ElementContent[];
      return out;
    }
    if (handler) return handler(d as AnyDirective, state, ctx);
    // Unknown directives (reported by check): keep their text visible, never drop content.
    const content = state.all(d) as ElementContent[];
    return d.type === 'textDirective'
      ? h('span', { className: ['directive', `directive-${d.name}`] }, content)
      : h('div', { className: ['directive', `directive-${d.name}`] }, content);
  };

  // Typographic quotes and apostrophes ("for all ages" -> “for all ages”, region's -> region’s),
  // as UN publications set them; only text nodes change, so the numbering's node keys hold.
  smartQuotes.runSync(doc.tree);
  if (citations.isNote && notes) placeNoteCalls(doc.tree, notes);
  mergeCrossrefs(doc.tree);
  const tree = {
    ...doc.tree,
    children: doc.tree.children.filter((n) => n.type !== 'yaml'),
  } as Root;
  const hast = toHast(tree, {
    allowDangerousHtml: true,
    handlers: {
      cite,
      crossref,
      footnoteReference,
      footnoteDefinition: () => undefined,
      heading,
      containerDirective: directive,
      leafDirective: directive,
      textDirective: directive,
    } as Record<string, Handler>,
  }) as HastRoot;
  if (ctx.comments.length > 0) {
    hast.children.push(
      h('section', { className: ['review-comments'] }, [
        h('p', { className: ['review-comments-title'] }, i18n.t('review-comments')),
        h(
          'ul',
          { className: ['review-comment-list'] },
          ctx.comments.map((c) =>
            h('li', { id: c.id }, [
              h('a', { className: ['comment-number'], href: `#${c.id}-ref` }, `C${c.number}`),
              ' ',
              ...(c.by ? [h('span', { className: ['comment-by'] }, `${c.by}: `)] : []),
              ...c.text,
            ]),
          ),
        ),
      ]),
    );
  }
  separateNoteCalls(hast);
  // rehype-raw re-parses the whole tree with parse5 (about 1 s on 60,000 words):
  // run it only when the file has raw HTML to parse.
  let hasRaw = false;
  visit(hast, 'raw', () => {
    hasRaw = true;
    return EXIT;
  });
  // Parse raw HTML first, so its images are inlined (or refused) like Markdown's, then sanitize.
  const parsed = (hasRaw ? unified().use(rehypeRaw).runSync(hast) : hast) as HastRoot;
  inlineImages(parsed, ctx);
  const clean = unified().use(rehypeSanitize, SANITIZE_SCHEMA).runSync(parsed) as HastRoot;
  // Paged.js hangs on an element id that starts with a digit (raw HTML may bring one).
  visit(clean, 'element', (node) => {
    const id = node.properties.id;
    if (typeof id === 'string' && /^[^A-Za-z_]/.test(id)) node.properties.id = `id-${id}`;
  });
  // Soft hyphens for justified running text (Chromium has no hyphenation dictionaries here).
  hyphenateTree(clean, options.lang);
  const content = clean.children as ElementContent[];
  return { doc, chapter, titleId, title, content, sections, headings };
}
