/**
 * Registry of directive renderers: how each `:::name`, `::name` or `:name[...]`
 * directive becomes HTML (hast). The Markdown -> HTML stage looks a directive up
 * here by name; each handler lives in its own file beside this one.
 */
import type { ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Numbering } from '../../core/numbering.js';
import type { Project, Stage } from '../../core/types.js';
import { box } from './box.js';
import { comment } from './comment.js';
import { figure } from './figure.js';
import { kpi } from './kpi.js';
import { recommendationsSummary } from './recommendations-summary.js';
import { sdg } from './sdg.js';
import { table } from './table.js';

export type AnyDirective = ContainerDirective | LeafDirective | TextDirective;

/** What a handler may need besides the node: the project, the numbering, the stage, the language. */
export interface RenderContext {
  project: Project;
  numbering: Numbering;
  stage: Stage;
  /** BCP 47 language of the edition being rendered (`en`, `fr`, `ru`). */
  lang: string;
}

export type DirectiveHandler = (
  node: AnyDirective,
  state: State,
  ctx: RenderContext,
) => ElementContent | ElementContent[] | undefined;

/** Handlers by directive name. Add an entry per handler file. */
export const directiveHandlers: Record<string, DirectiveHandler> = {
  'good-practice': box,
  'unece-support': box,
  recommendations: box,
  figure,
  table,
  comment,
  sdg,
  kpi,
  'recommendations-summary': recommendationsSummary,
};
