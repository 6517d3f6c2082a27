/**
 * Review comments of the manuscript, `:comment[text]{by="name"}`: where each one
 * is (file:line:column), who wrote it, whether it is still open, in which chapter.
 */
import type { TextDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { Project } from '../core/types.js';
import { isOpenComment } from '../rules/draft-marker.js';
import { normalizeSpace, plainText } from './text.js';

export interface ReviewComment {
  file: string;
  line: number;
  column: number;
  /** Chapter (or front matter) id. */
  chapter: string | undefined;
  by: string | undefined;
  open: boolean;
  text: string;
}

export interface CommentFilter {
  /** Reviewer name; matches case-insensitively, whole name or a part of it. */
  by?: string;
  /** Only comments that are still open. */
  open?: boolean;
}

export function collectComments(project: Project): ReviewComment[] {
  const out: ReviewComment[] = [];
  for (const doc of [...project.front, ...project.chapters]) {
    if (!doc.readable) continue;
    visit(doc.tree, (node) => {
      if (node.type === 'code' || node.type === 'inlineCode') return SKIP;
      if (node.type !== 'textDirective' || (node as TextDirective).name !== 'comment') return;
      const comment = node as TextDirective;
      const by = comment.attributes?.by ?? undefined;
      out.push({
        file: doc.file.path,
        line: comment.position?.start.line ?? 1,
        column: comment.position?.start.column ?? 1,
        chapter: doc.id,
        by: by === '' ? undefined : by,
        open: isOpenComment(comment),
        text: normalizeSpace(comment.children.map((c) => plainText(c)).join('')),
      });
      return SKIP;
    });
  }
  return out;
}

export function filterComments(comments: ReviewComment[], filter: CommentFilter): ReviewComment[] {
  const by = filter.by?.trim().toLowerCase();
  return comments.filter(
    (c) =>
      (!filter.open || c.open) && (!by || (c.by !== undefined && c.by.toLowerCase().includes(by))),
  );
}
