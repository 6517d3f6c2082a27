/**
 * `:::table`: a numbered table ("Table 4.2") with its caption (a real <caption>,
 * so tagged PDF readers announce it), and its source and note below.
 */
import type { Element } from 'hast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { RootContent } from 'mdast';
import { h } from 'hastscript';
import { buildContext } from '../context.js';
import type { DirectiveHandler } from './index.js';
import { sourceAndNote } from './figure.js';
import { blocks, inline, splitParts } from './util.js';

export const table: DirectiveHandler = (node, state, rawCtx) => {
  const ctx = buildContext(rawCtx);
  const directive = node as ContainerDirective;
  const entry = ctx.numbering.byNode.get(node);
  const parts = splitParts(directive.children as RootContent[], true);
  const label = entry ? `${ctx.i18n.t('table')} ${entry.number}` : ctx.i18n.t('table');
  const caption = h('caption', { className: ['caption'] }, [
    h('span', { className: ['caption-label'] }, label),
    h('span', { className: ['caption-text'] }, inline(state, parts.caption)),
  ]);
  const body = blocks(state, parts.body);
  let placed = false;
  for (const child of body)
    if (!placed && child.type === 'element' && child.tagName === 'table') {
      (child as Element).children.unshift(caption);
      placed = true;
    }
  return h(
    'div',
    {
      className: ['table-block'],
      id: entry?.label ?? (entry ? `table-${entry.number}` : undefined),
    },
    [
      ...(placed ? [] : [h('p', { className: ['caption'] }, caption.children)]),
      ...body,
      ...sourceAndNote(parts, state, ctx),
    ],
  );
};
