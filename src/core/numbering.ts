/**
 * Numbers and labels of the publication's numbered things, per chapter:
 * boxes (good-practice, unece-support, recommendations) "Box 3.2", figures
 * "Figure 3.1", tables "Table 3.1", sections "3.2" / "3.2.1". Labels come from
 * `{#box:x}` / `id=` on directives and `{#sec:x}` on headings. Renderers and the
 * cross-reference rules read the same numbering, so the PDF and the checks agree.
 */
import type { Heading, Node } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { MarkdownDoc, Project } from './types.js';
import { visit } from 'unist-util-visit';

export const BOX_DIRECTIVES = ['good-practice', 'unece-support', 'recommendations'] as const;

export type NumberedKind = 'box' | 'figure' | 'table' | 'section';

export interface Numbered {
  kind: NumberedKind;
  /** "3.2" */
  number: string;
  /** The label written in the source (`box:open-data`), if any. */
  label?: string;
  doc: MarkdownDoc;
  node: Node;
  /** Chapter number (1-based, reading order). */
  chapter: number;
}

export interface Numbering {
  /** Every numbered node in reading order. */
  all: Numbered[];
  /** Labelled nodes by label (the first when a label is duplicated). */
  byLabel: Map<string, Numbered>;
  /** Labels written more than once, with every place they are written. */
  duplicates: Map<string, Numbered[]>;
  /** Number of a node (for renderers). */
  byNode: Map<Node, Numbered>;
}

function kindOf(node: Node): NumberedKind | undefined {
  if (node.type === 'containerDirective') {
    const name = (node as ContainerDirective).name;
    if ((BOX_DIRECTIVES as readonly string[]).includes(name)) return 'box';
    if (name === 'figure') return 'figure';
    if (name === 'table') return 'table';
  }
  if (node.type === 'heading' && (node as Heading).depth >= 2 && (node as Heading).depth <= 3)
    return 'section';
  return undefined;
}

function labelOf(node: Node): string | undefined {
  if (node.type === 'containerDirective')
    return (node as ContainerDirective).attributes?.id ?? undefined;
  const data = (node as Heading).data as { id?: string } | undefined;
  return data?.id;
}

const computed = new WeakMap<Project, Numbering>();

/**
 * Number the project once: rules and renderers ask for it several times per run
 * (about 45 ms each on 60,000 words); a project's trees keep their structure
 * after parsing, so the numbering of a project object does not change.
 */
export function numberProject(project: Project): Numbering {
  let numbering = computed.get(project);
  if (!numbering) {
    numbering = computeNumbering(project);
    computed.set(project, numbering);
  }
  return numbering;
}

function computeNumbering(project: Project): Numbering {
  const numbering: Numbering = {
    all: [],
    byLabel: new Map(),
    duplicates: new Map(),
    byNode: new Map(),
  };
  project.chapters.forEach((doc, index) => {
    const chapter = index + 1;
    const counters = { box: 0, figure: 0, table: 0 };
    let h2 = 0;
    let h3 = 0;
    visit(doc.tree, (node) => {
      const kind = kindOf(node);
      if (!kind) return;
      let number: string;
      if (kind === 'section') {
        if ((node as Heading).depth === 2) {
          h2 += 1;
          h3 = 0;
          number = `${chapter}.${h2}`;
        } else {
          h3 += 1;
          number = `${chapter}.${h2}.${h3}`;
        }
      } else {
        counters[kind] += 1;
        number = `${chapter}.${counters[kind]}`;
      }
      const entry: Numbered = { kind, number, doc, node, chapter, label: labelOf(node) };
      numbering.all.push(entry);
      numbering.byNode.set(node, entry);
      if (entry.label) {
        const first = numbering.byLabel.get(entry.label);
        if (first)
          numbering.duplicates.set(entry.label, [
            ...(numbering.duplicates.get(entry.label) ?? [first]),
            entry,
          ]);
        else numbering.byLabel.set(entry.label, entry);
      }
    });
  });
  return numbering;
}

/** "Box 3.2", "Figure 3.1", "Table 3.1", "Section 3.2". */
export function displayName(entry: Numbered): string {
  const word = { box: 'Box', figure: 'Figure', table: 'Table', section: 'Section' }[entry.kind];
  return `${word} ${entry.number}`;
}
