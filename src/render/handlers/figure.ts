/**
 * `:::figure`: a numbered figure ("Figure 2.1") with its caption above the image,
 * as United Nations publications set them, and its source and note below.
 */
import type { ElementContent } from 'hast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { RootContent } from 'mdast';
import { h } from 'hastscript';
import { buildContext, type BuildRenderContext } from '../context.js';
import type { DirectiveHandler } from './index.js';
import { blocks, inline, splitParts, stripLead, type Parts } from './util.js';

/** Source and note lines shared by figures and tables. */
export function sourceAndNote(
  parts: Parts,
  state: Parameters<DirectiveHandler>[1],
  ctx: BuildRenderContext,
): ElementContent[] {
  const out: ElementContent[] = [];
  ctx.inlineCites = true;
  if (parts.note)
    out.push(
      h('p', { className: ['note'] }, [
        h('span', { className: ['note-label'] }, `${ctx.i18n.t('note')}: `),
        ...inline(state, stripLead(parts.note)),
      ]),
    );
  if (parts.source) {
    const plural = /^\s*Sources\s*:/i.test(
      String((parts.source.children[0] as { value?: string })?.value ?? ''),
    );
    out.push(
      h('p', { className: ['source'] }, [
        h(
          'span',
          { className: ['source-label'] },
          `${ctx.i18n.t(plural ? 'sources' : 'source')}: `,
        ),
        ...inline(state, stripLead(parts.source)),
      ]),
    );
  }
  ctx.inlineCites = false;
  return out;
}

export const figure: DirectiveHandler = (node, state, rawCtx) => {
  const ctx = buildContext(rawCtx);
  const directive = node as ContainerDirective;
  const entry = ctx.numbering.byNode.get(node);
  const parts = splitParts(directive.children as RootContent[], true);
  const label = entry ? `${ctx.i18n.t('figure')} ${entry.number}` : ctx.i18n.t('figure');
  return h(
    'figure',
    { className: ['figure'], id: entry?.label ?? (entry ? `figure-${entry.number}` : undefined) },
    [
      h('figcaption', { className: ['caption'] }, [
        h('span', { className: ['caption-label'] }, label),
        h('span', { className: ['caption-text'] }, inline(state, parts.caption)),
      ]),
      h('div', { className: ['figure-body'] }, blocks(state, parts.body)),
      ...sourceAndNote(parts, state, ctx),
    ],
  );
};
