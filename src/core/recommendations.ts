/**
 * The publication's recommendations: the items of every chapter's
 * `:::recommendations` boxes, numbered by chapter ("3.1", "3.2", ...) with the
 * chapter numbers of `numbering.ts`. The `recommendations-summary` rule and the
 * `::recommendations-summary` renderer read the same list.
 */
import type { ListItem, Paragraph, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Numbering } from './numbering.js';
import type { MarkdownDoc, Project } from './types.js';

export interface Recommendation {
  /** Chapter number (reading order), as in numbering.ts. */
  chapter: number;
  /** "3.1": chapter, then the item's place among the chapter's recommendations. */
  number: string;
  doc: MarkdownDoc;
  box: ContainerDirective;
  /** The list item (or paragraph, for a box written without a list). */
  node: ListItem | Paragraph;
  /** Plain text of the item. */
  text: string;
}

/** Items of one recommendations box: its top-level list items, else its paragraphs. */
export function itemsOf(box: ContainerDirective): Array<ListItem | Paragraph> {
  const children = box.children as RootContent[];
  const items = children.flatMap((c) => (c.type === 'list' ? c.children : []));
  if (items.length > 0) return items;
  return children.filter((c): c is Paragraph => c.type === 'paragraph' && !c.data?.directiveLabel);
}

export function recommendationsOf(numbering: Numbering): Recommendation[] {
  const out: Recommendation[] = [];
  const count = new Map<number, number>();
  for (const entry of numbering.all) {
    if (entry.kind !== 'box') continue;
    const box = entry.node as ContainerDirective;
    if (box.name !== 'recommendations') continue;
    for (const node of itemsOf(box)) {
      const n = (count.get(entry.chapter) ?? 0) + 1;
      count.set(entry.chapter, n);
      out.push({
        chapter: entry.chapter,
        number: `${entry.chapter}.${n}`,
        doc: entry.doc,
        box,
        node,
        text: toString(node).replace(/\s+/g, ' ').trim(),
      });
    }
  }
  return out;
}

/**
 * The final chapter: the last chapter of the mandated table of contents (none
 * while that chapter has no file), or the last file when there is no `toc`.
 */
export function finalChapter(project: Project): MarkdownDoc | undefined {
  const lastId = project.config.toc.at(-1)?.id;
  if (lastId === undefined) return project.chapters.at(-1);
  return project.chapters.find((c) => c.id === lastId);
}
