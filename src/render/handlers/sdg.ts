/**
 * `:sdg[11]` and `:sdg[11.7]`: a Sustainable Development Goal or target. Renders
 * its label ("SDG 11", "SDG target 11.7"; only the number after words that
 * already say it, as in "Target :sdg[8.6]" or "targets :sdg[11.2] and :sdg[11.7]")
 * with the goal's or target's text as a tooltip (`title`) and in `data-note`,
 * ready to be printed as a footnote. An unknown id (reported by check) is kept as written.
 */
import { h } from 'hastscript';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { checkSdgId, sdgGoal, sdgTarget } from '../../core/reference.js';
import type { DirectiveHandler, RenderContext } from './index.js';
import { textBefore } from './reference-context.js';

/** The build passes the edition's words (render/context.ts); tests and other callers may not. */
type WithI18n = RenderContext & {
  i18n?: { t(key: string, vars?: Record<string, string>): string };
};

const ENGLISH: Record<string, string> = {
  'sdg-goal': 'SDG {id}',
  'sdg-target': 'SDG target {id}',
  'sdg-goal-note': 'Goal {id}: {text}',
  'sdg-target-note': 'Target {id}: {text}',
};

/** A word of the layout from the edition's i18n strings, English when it has none. */
export function word(ctx: RenderContext, key: string, vars: Record<string, string>): string {
  const i18n = (ctx as WithI18n).i18n;
  const translated = i18n?.t(key, vars);
  if (translated !== undefined && translated !== key) return translated;
  return (ENGLISH[key] ?? key).replace(/\{(\w+)\}/g, (all, name: string) => vars[name] ?? all);
}

/** The text of a goal or target, for a footnote or tooltip: "Target 11.7: By 2030, ...". */
export function sdgNote(id: string, ctx: RenderContext): string | undefined {
  const target = sdgTarget(id);
  if (target) return word(ctx, 'sdg-target-note', { id, text: target.text });
  const goal = /^\d+$/.test(id) ? sdgGoal(Number(id)) : undefined;
  return goal ? word(ctx, 'sdg-goal-note', { id, text: goal.title }) : undefined;
}

const SAYS_TARGET = /\btargets?\s*$/i;
const SAYS_GOAL = /\b(?:SDGs?|Goals?)\s*$/i;

export const sdg: DirectiveHandler = (node, _state, ctx) => {
  const directive = node as TextDirective;
  const written = toString(directive).trim();
  const result = checkSdgId(written.replace(/^(?:SDGs?|Goal|Target)\s*(?:target\s*)?/i, ''));
  if (!result.ok) return h('span', { className: ['sdg', 'sdg-unknown'] }, written);
  const before = textBefore(ctx.project, node);
  const previousKind =
    before.previous?.name === 'sdg' ? checkSdgId(toString(before.previous).trim()) : undefined;
  const bare =
    (result.kind === 'target' ? SAYS_TARGET : SAYS_GOAL).test(before.text) ||
    (previousKind?.ok === true && previousKind.kind === result.kind);
  const label = bare
    ? result.id
    : word(ctx, result.kind === 'target' ? 'sdg-target' : 'sdg-goal', { id: result.id });
  const note = sdgNote(result.id, ctx);
  return h('span', { className: ['sdg'], dataSdg: result.id, title: note, dataNote: note }, label);
};
