/**
 * A chapter seen as the parts a change report talks about: its sections
 * (headings), paragraphs and other text blocks, boxes, recommendation items,
 * cited keys and word count, each with its source line.
 */
import type { Heading, List, ListItem, Node, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { slugify } from '../util/slug.js';
import type { MarkdownDoc } from '../core/types.js';
import { inventory } from './inventory.js';
import { normalizeSpace, plainText } from './text.js';

export interface SectionPart {
  /** Heading id (`{#sec:x}`) or, without one, the slug of its text. */
  key: string;
  hasId: boolean;
  title: string;
  depth: number;
  line: number;
  /** Key of the enclosing section (for H3 and below). */
  parent: string | undefined;
}

export interface BlockPart {
  kind: string;
  text: string;
  line: number;
  /** Key of the section it is in. */
  section: string | undefined;
  node: Node;
}

export interface BoxPart {
  name: string;
  /** `#box:label` / `id=`, if any. */
  label: string | undefined;
  title: string | undefined;
  attributes: Record<string, string>;
  text: string;
  line: number;
  node: ContainerDirective;
}

export interface RecommendationPart {
  number: number;
  text: string;
  line: number;
}

export interface ChapterOutline {
  id: string;
  file: string;
  title: string | undefined;
  sections: SectionPart[];
  blocks: BlockPart[];
  boxes: BoxPart[];
  recommendations: RecommendationPart[];
  citedKeys: string[];
  words: number;
}

const BOX_EXCLUDED = new Set(['recommendations']);

export function lineOf(node: Node): number {
  return node.position?.start.line ?? 0;
}

export function blockText(node: Node): string {
  return normalizeSpace(plainText(node));
}

function attributesOf(node: ContainerDirective): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node.attributes ?? {})) if (v != null) out[k] = v;
  return out;
}

function recommendationItems(node: ContainerDirective): RecommendationPart[] {
  const list = node.children.find((c): c is List => c.type === 'list');
  if (!list) return [];
  return list.children.map((item: ListItem, index) => ({
    number: (list.start ?? 1) + index,
    text: blockText(item),
    line: lineOf(item),
  }));
}

export function outlineChapter(doc: MarkdownDoc): ChapterOutline {
  const sections: SectionPart[] = [];
  const blocks: BlockPart[] = [];
  const boxes: BoxPart[] = [];
  const recommendations: RecommendationPart[] = [];
  const open: SectionPart[] = []; // enclosing sections by depth
  const tree: Root = doc.tree;
  for (const node of tree.children as RootContent[]) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading') {
      const heading = node as Heading;
      if (heading.depth === 1) continue;
      const id = (heading.data as { id?: string } | undefined)?.id;
      const title = blockText(heading);
      while (open.length > 0 && open.at(-1)!.depth >= heading.depth) open.pop();
      const section: SectionPart = {
        key: id ?? slugify(title),
        hasId: id !== undefined,
        title,
        depth: heading.depth,
        line: lineOf(heading),
        parent: open.at(-1)?.key,
      };
      sections.push(section);
      open.push(section);
      continue;
    }
    if (node.type === 'containerDirective') {
      const directive = node as ContainerDirective;
      if (directive.name === 'recommendations') {
        recommendations.push(...recommendationItems(directive));
        continue;
      }
      if (!BOX_EXCLUDED.has(directive.name)) {
        const attributes = attributesOf(directive);
        boxes.push({
          name: directive.name,
          label: attributes.id,
          title: attributes.title,
          attributes,
          text: blockText(directive),
          line: lineOf(directive),
          node: directive,
        });
        continue;
      }
    }
    if (node.type === 'definition' || node.type === 'footnoteDefinition') continue;
    const text = blockText(node);
    if (text === '') continue;
    blocks.push({ kind: node.type, text, line: lineOf(node), section: open.at(-1)?.key, node });
  }
  const inv = inventory(tree);
  return {
    id: doc.id ?? doc.file.path,
    file: doc.file.path,
    title: doc.title,
    sections,
    blocks,
    boxes,
    recommendations,
    citedKeys: inv.citedKeys,
    words: inv.words,
  };
}
