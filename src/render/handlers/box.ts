/**
 * Boxes: `:::good-practice`, `:::unece-support`, `:::recommendations` become
 * numbered asides ("Box 3.2") styled per kind by the template CSS. Good practices
 * show their city and country; recommendations number their items "3.1, 3.2".
 */
import type { Element, ElementContent } from 'hast';
import type { List, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { h } from 'hastscript';
import { memberStates } from '../../core/reference.js';
import { buildContext } from '../context.js';
import type { DirectiveHandler } from './index.js';
import { blocks } from './util.js';

/** "3.1", "3.2" for the items of the recommendations box of chapter 3. */
function recommendationsList(
  list: List,
  chapter: number,
  state: Parameters<DirectiveHandler>[1],
): Element {
  const items = list.children.map((item, i) => {
    const number = chapter > 0 ? `${chapter}.${i + 1}` : String(i + 1);
    const content = blocks(state, item.children as RootContent[]);
    return h('li', { className: ['recommendation'], dataNumber: number }, [
      h('span', { className: ['recommendation-number'] }, number),
      h('div', { className: ['recommendation-text'] }, content),
    ]);
  });
  return h('ol', { className: ['recommendation-list'] }, items);
}

export const box: DirectiveHandler = (node, state, rawCtx) => {
  const ctx = buildContext(rawCtx);
  const directive = node as ContainerDirective;
  const entry = ctx.numbering.byNode.get(node);
  const attributes = directive.attributes ?? {};
  const kind = directive.name;
  const label = entry ? `${ctx.i18n.t('box')} ${entry.number}` : ctx.i18n.t('box');
  const title = attributes.title ?? '';
  const country = attributes.country
    ? (memberStates().find((m) => m.iso3 === attributes.country?.toUpperCase())?.currentName ??
      attributes.country)
    : undefined;
  const place = [attributes.city, country].filter(Boolean).join(', ');
  const header: ElementContent[] = [
    h('p', { className: ['box-kind'] }, [
      h('span', { className: ['box-label'] }, label),
      h('span', { className: ['box-kind-name'] }, ctx.i18n.t(kind)),
    ]),
  ];
  if (title) header.push(h('p', { className: ['box-title'] }, title));
  if (place) header.push(h('p', { className: ['box-place'] }, place));
  const body: ElementContent[] = [];
  const children = directive.children.filter(
    (c) =>
      !(
        c.type === 'paragraph' &&
        c.data &&
        (c.data as { directiveLabel?: boolean }).directiveLabel
      ),
  ) as RootContent[];
  for (const child of children) {
    if (kind === 'recommendations' && child.type === 'list' && child.ordered !== false)
      body.push(recommendationsList(child, entry?.chapter ?? ctx.chapter, state));
    else body.push(...blocks(state, [child]));
  }
  const id = entry?.label ?? (entry ? `box-${entry.number}` : undefined);
  return h(
    'aside',
    {
      className: ['box', `box-${kind}`],
      id,
      dataBox: entry?.number,
      // Shown at the top of the page a long box continues on ("Box 2.4 (continued)").
      dataContinued: `${label} (${ctx.i18n.t('continued')})`,
      role: 'note',
    },
    [...header, h('div', { className: ['box-body'] }, body)],
  );
};
