/**
 * The lists of boxes, figures and tables printed after the contents: number,
 * title and (filled in after layout, like the contents) page number. Read from
 * the rendered chapters, so they list exactly what is printed, with the ids the
 * build verifies in the printed PDF.
 */
import type { Element, ElementContent } from 'hast';
import type { DocHtml } from './html.js';

export interface ListEntry {
  kind: 'box' | 'figure' | 'table';
  /** "3.2" */
  number: string;
  title: string;
  /** The element id the entry links to. */
  id: string;
}

const classes = (e: Element) => (e.properties.className as string[] | undefined) ?? [];

function text(node: ElementContent | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value.replace(/\u00ad/g, '');
  if (node.type !== 'element') return '';
  // Footnote calls and notes inside a caption are not part of its title.
  if (classes(node).some((c) => c === 'footnote' || c === 'fn-call' || c === 'fn-sep')) return '';
  return node.children.map(text).join('');
}

function find(node: Element, className: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (classes(child).includes(className)) return child;
    const deeper = find(child, className);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Every numbered box, figure and table of the chapters, in reading order. */
export function listEntries(chapters: DocHtml[]): ListEntry[] {
  const out: ListEntry[] = [];
  const walk = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const id = typeof node.properties.id === 'string' ? node.properties.id : undefined;
      const cls = classes(node);
      const number = (label: Element | undefined) =>
        /([\dA-Z]+(?:\.\d+)+)\s*$/.exec(text(label).trim())?.[1];
      if (id && cls.includes('box') && typeof node.properties.dataBox === 'string') {
        const title = text(find(node, 'box-title')).trim() || text(find(node, 'box-kind-name'));
        out.push({ kind: 'box', number: node.properties.dataBox, title, id });
      } else if (id && (cls.includes('figure') || cls.includes('table-block'))) {
        const n = number(find(node, 'caption-label'));
        if (n)
          out.push({
            kind: cls.includes('figure') ? 'figure' : 'table',
            number: n,
            title: text(find(node, 'caption-text')).trim(),
            id,
          });
      }
      walk(node.children);
    }
  };
  for (const chapter of chapters) walk(chapter.content);
  return out;
}
