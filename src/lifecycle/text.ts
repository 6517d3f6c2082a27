/**
 * Plain text of manuscript nodes as the lifecycle commands compare and count
 * it: citations and cross-references keep their source form (`[@key]`), review
 * comments are not part of the text, code is left out of word counts.
 */
import type { Parent } from 'mdast';
import type { Node } from 'unist';
import type { TextDirective } from 'mdast-util-directive';

const SKIP_TYPES = new Set(['yaml', 'code', 'html', 'definition', 'footnoteDefinition']);

function isComment(node: Node): boolean {
  return node.type === 'textDirective' && (node as TextDirective).name === 'comment';
}

/** Inline text of a node: what a reader reads, citations as written, comments dropped. */
export function plainText(node: Node, separator = ' '): string {
  if (isComment(node)) return '';
  if (node.type === 'cite' || node.type === 'crossref')
    return (node as unknown as { raw: string }).raw;
  if (node.type === 'text' || node.type === 'inlineCode')
    return (node as unknown as { value: string }).value;
  if (node.type === 'break') return ' ';
  if (node.type === 'image') return (node as unknown as { alt?: string }).alt ?? '';
  if (SKIP_TYPES.has(node.type)) return '';
  if ('children' in node) {
    const parent = node as unknown as Parent;
    const inline = parent.children.every((c) => !isBlock(c));
    return parent.children
      .map((c) => plainText(c, separator))
      .filter((t) => t !== '')
      .join(inline ? '' : separator);
  }
  return '';
}

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'list',
  'listItem',
  'blockquote',
  'table',
  'tableRow',
  'tableCell',
  'containerDirective',
  'leafDirective',
  'code',
  'thematicBreak',
  'html',
  'footnoteDefinition',
]);

function isBlock(node: Node): boolean {
  return BLOCKS.has(node.type);
}

/** Collapse runs of white space to one space. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Words of a text: runs of letters/digits (with inner apostrophes or hyphens). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
