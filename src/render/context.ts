/**
 * What the Markdown -> HTML stage shares with flagship's own directive handlers
 * beyond the registry's RenderContext: the layout's words, the chapter being
 * rendered, review comments collected for the end of the chapter, and images.
 */
import type { ElementContent } from 'hast';
import type { RenderContext } from './handlers/index.js';
import type { I18n } from './i18n.js';

export interface ReviewComment {
  /** "3.2": chapter and running number. */
  number: string;
  id: string;
  by?: string;
  text: ElementContent[];
}

export interface BuildRenderContext extends RenderContext {
  i18n: I18n;
  /** Chapter number (1-based) of the file being rendered; 0 in front matter. */
  chapter: number;
  /** Absolute directory of the Markdown file being rendered (images resolve from it). */
  docDir: string;
  /** Directories images may be read from (the project). */
  allowDirs: string[];
  /** Review comments of the current file, in order (for the list at its end). */
  comments: ReviewComment[];
  /** Image files read, for build.json. */
  assets: Set<string>;
  /** True while rendering a figure's or table's source line: citations there stay inline. */
  inlineCites?: boolean;
  /** Problems found while rendering (a missing image), reported by the build. */
  warnings: string[];
}

export function buildContext(ctx: RenderContext): BuildRenderContext {
  return ctx as BuildRenderContext;
}
