/**
 * Helpers of the figure and table rules: the parts of a `:::figure` / `:::table`
 * directive (caption, image or table, source and note paragraphs) as
 * docs/manuscript.md describes them.
 */
import type { Image, Paragraph, RootContent, Table } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { MarkdownDoc } from '../core/types.js';
import { visit } from 'unist-util-visit';
import { nodesOfType } from './nodes.js';

export interface FloatParts {
  node: ContainerDirective;
  caption?: Paragraph;
  source?: Paragraph;
  images: Image[];
  tables: Table[];
}

const SOURCE = /^\s*Sources?\s*:/;
const NOTE = /^\s*Notes?\s*:/;

function onlyImages(p: Paragraph): boolean {
  return p.children.every(
    (c) =>
      c.type === 'image' ||
      c.type === 'imageReference' ||
      (c.type === 'text' && c.value.trim() === ''),
  );
}

export function floatParts(node: ContainerDirective): FloatParts {
  const parts: FloatParts = { node, images: [], tables: [] };
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'paragraph') continue;
    const p = child as Paragraph;
    const text = toString(p);
    if (SOURCE.test(text)) parts.source ??= p;
    else if (!NOTE.test(text) && !onlyImages(p) && text.trim() !== '') parts.caption ??= p;
  }
  visit(node, (n) => {
    if (n.type === 'image') parts.images.push(n as Image);
    if (n.type === 'table') parts.tables.push(n as Table);
  });
  return parts;
}

/** Every `:::figure` or `:::table` of a document. */
export function floats(doc: MarkdownDoc, name: 'figure' | 'table'): FloatParts[] {
  const found: FloatParts[] = [];
  for (const node of nodesOfType<ContainerDirective>(doc.tree, 'containerDirective')) {
    if (node.name === name) found.push(floatParts(node));
  }
  return found;
}
