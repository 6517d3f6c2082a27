/**
 * What a chapter holds, counted once for `status` and `diff`: boxes by kind,
 * words, citations, footnotes, figures, tables, TODO markers and review comments.
 */
import type { Root } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { CiteNode } from '../core/syntax/citations.js';
import { isOpenComment } from '../rules/draft-marker.js';
import { countWords, plainText } from './text.js';

const MARKER = /\b(TODO|TBD|FIXME|XXX)\b/g;

export interface ChapterInventory {
  /** Container directives by name (good-practice: 2, ...). */
  elements: Record<string, number>;
  words: number;
  /** Citation items ([@a; @b] counts 2). */
  citations: number;
  /** Distinct cited keys. */
  citedKeys: string[];
  footnotes: number;
  figures: number;
  tables: number;
  todos: number;
  comments: number;
  openComments: number;
}

export function inventory(tree: Root): ChapterInventory {
  const inv: ChapterInventory = {
    elements: {},
    words: 0,
    citations: 0,
    citedKeys: [],
    footnotes: 0,
    figures: 0,
    tables: 0,
    todos: 0,
    comments: 0,
    openComments: 0,
  };
  const keys = new Set<string>();
  visit(tree, (node, _index, parent) => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'yaml':
        return SKIP;
      case 'containerDirective': {
        const name = (node as ContainerDirective).name;
        inv.elements[name] = (inv.elements[name] ?? 0) + 1;
        if (name === 'figure') inv.figures += 1;
        if (name === 'table') inv.tables += 1;
        return;
      }
      case 'table':
        // A GFM table inside a :::table directive is that table, not a second one.
        if (!(
          parent?.type === 'containerDirective' && (parent as ContainerDirective).name === 'table'
        ))
          inv.tables += 1;
        return;
      case 'footnoteDefinition':
        inv.footnotes += 1;
        return;
      case 'cite':
        for (const item of (node as CiteNode).items) {
          inv.citations += 1;
          keys.add(item.key.normalize('NFC'));
        }
        return;
      case 'textDirective':
        if ((node as TextDirective).name === 'comment') {
          inv.comments += 1;
          if (isOpenComment(node as TextDirective)) inv.openComments += 1;
          return SKIP;
        }
        return;
      case 'text':
      case 'html':
        inv.todos += [...(node as { value: string }).value.matchAll(MARKER)].length;
        return;
      default:
        return;
    }
  });
  inv.words = countWords(plainText(tree));
  inv.citedKeys = [...keys].sort();
  return inv;
}
