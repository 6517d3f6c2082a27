/**
 * `:comment[text]{by="reviewer"}`: a review comment. First and second drafts show a
 * numbered marker in the text ("C3.2") and list the comments at the end of the
 * chapter; the final draft shows nothing. Resolved comments (`{resolved}`) never show.
 */
import type { TextDirective } from 'mdast-util-directive';
import { h } from 'hastscript';
import { buildContext } from '../context.js';
import type { DirectiveHandler } from './index.js';

export const comment: DirectiveHandler = (node, state, rawCtx) => {
  const ctx = buildContext(rawCtx);
  const directive = node as TextDirective;
  const attributes = directive.attributes ?? {};
  if (ctx.stage === 'final' || 'resolved' in attributes) return [];
  const number = `${ctx.chapter > 0 ? `${ctx.chapter}.` : ''}${ctx.comments.length + 1}`;
  const id = `comment-${ctx.chapter}-${ctx.comments.length + 1}`;
  ctx.comments.push({
    number,
    id,
    by: attributes.by ?? undefined,
    text: state.all(directive) as never,
  });
  return h('a', { className: ['comment-marker'], href: `#${id}`, id: `${id}-ref` }, `C${number}`);
};
