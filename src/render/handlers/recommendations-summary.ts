/**
 * `::recommendations-summary`: a table of every chapter's recommendations, from
 * the `:::recommendations` boxes of all chapters, numbered by chapter ("3.1")
 * with the chapter numbers of numbering.ts, one heading row per chapter.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Node, Nodes, Parent } from 'mdast';
import { finalChapter, recommendationsOf } from '../../core/recommendations.js';
import type { DirectiveHandler, RenderContext } from './index.js';

/** The build passes the edition's words (render/context.ts); tests and other callers may not. */
type WithI18n = RenderContext & {
  i18n?: { t(key: string, vars?: Record<string, string>): string };
};

const ENGLISH: Record<string, string> = {
  chapter: 'Chapter',
  'recommendations-summary-number': 'No.',
  'recommendations-summary-recommendation': 'Recommendation',
  'recommendations-summary-caption': 'Policy recommendations of the chapters',
};

function word(ctx: RenderContext, key: string): string {
  const translated = (ctx as WithI18n).i18n?.t(key);
  return translated !== undefined && translated !== key ? translated : (ENGLISH[key] ?? key);
}

/** A copy of a node without review comments (they belong to their own chapter's list). */
function withoutComments<T extends Node>(node: T): T {
  const children = (node as unknown as Parent).children;
  if (!Array.isArray(children)) return node;
  return {
    ...node,
    children: children
      .filter((c) => !(c.type === 'textDirective' && c.name === 'comment'))
      .map((c) => withoutComments(c)),
  } as T;
}

/** The hast of one item: a single paragraph is unwrapped into the cell. */
function itemContent(state: Parameters<DirectiveHandler>[1], node: Node): ElementContent[] {
  const out = state.all(withoutComments(node) as Nodes) as ElementContent[];
  const blocks = out.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (blocks.length === 1 && blocks[0]!.type === 'element' && blocks[0]!.tagName === 'p')
    return (blocks[0] as Element).children;
  return out;
}

/** Set while a summary is being rendered. */
let rendering = false;

export const recommendationsSummary: DirectiveHandler = (node, state, ctx) => {
  // A summary written inside a recommendation would contain itself, without end (found by
  // fuzzing: a stack overflow stopped the build). Inside a summary it renders as nothing.
  if (rendering) return [];
  rendering = true;
  try {
    return summaryTable(node, state, ctx);
  } finally {
    rendering = false;
  }
};

const summaryTable: DirectiveHandler = (_node, state, ctx) => {
  // The final chapter's own recommendations follow in its own box: the summary
  // lists the other chapters', as the hand-written-summary rule expects.
  const final = finalChapter(ctx.project);
  const items = recommendationsOf(ctx.numbering).filter((r) => r.doc !== final);
  const rows: Element[] = [];
  let chapter = -1;
  for (const item of items) {
    if (item.chapter !== chapter) {
      chapter = item.chapter;
      rows.push(
        h('tr', { className: ['recommendations-summary-chapter'] }, [
          h(
            'th',
            { colSpan: 2, scope: 'colgroup' },
            `${word(ctx, 'chapter')} ${chapter}. ${item.doc.title ?? ''}`.trim(),
          ),
        ]),
      );
    }
    const content = itemContent(state, item.node);
    rows.push(
      h('tr', { dataNumber: item.number }, [
        h('td', { className: ['recommendation-number'] }, item.number),
        h('td', { className: ['recommendation-text'] }, content),
      ]),
    );
  }
  return h('table', { className: ['recommendations-summary'] }, [
    h('caption', word(ctx, 'recommendations-summary-caption')),
    h('thead', [
      h('tr', [
        h('th', { scope: 'col' }, word(ctx, 'recommendations-summary-number')),
        h('th', { scope: 'col' }, word(ctx, 'recommendations-summary-recommendation')),
      ]),
    ]),
    h('tbody', rows),
  ]);
};
