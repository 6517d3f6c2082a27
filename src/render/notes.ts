/**
 * Before any HTML is made, walk the publication in reading order once to number
 * the footnotes of each file (Markdown footnotes and, with a note style, citation
 * notes: "1, 2, 3" per chapter) and to register every citation with the CSL
 * processor in order, each with the note it sits in.
 */
import type { FootnoteDefinition, Node, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { CiteNode } from '../core/syntax/citations.js';
import type { MarkdownDoc } from '../core/types.js';
import type { Cluster } from './cite.js';
import { checkSdgId, sdgTarget } from '../core/reference.js';

/** The id of a known SDG target written in `:sdg[...]` ("11.2"), else undefined. */
function sdgTargetId(written: string): string | undefined {
  const result = checkSdgId(written.trim().replace(/^(?:SDGs?|Goal|Target)\s*(?:target\s*)?/i, ''));
  return result.ok && result.kind === 'target' && sdgTarget(result.id) ? result.id : undefined;
}

export interface CiteInfo {
  /** Index of the cluster in the registered list. */
  cluster: number;
  /** Footnote number this citation creates (note styles, running text only). */
  note?: number;
}

export interface DocNotes {
  /** Footnote identifier -> its number in this file. */
  numbers: Map<string, number>;
  definitions: Map<string, FootnoteDefinition>;
  cites: Map<CiteNode, CiteInfo>;
  /** `:sdg[11.2]` directives that carry the target's text as a note (first citation in the file). */
  sdgNotes: Map<Node, number>;
}

export interface Notes {
  clusters: Cluster[];
  byDoc: Map<MarkdownDoc, DocNotes>;
}

/**
 * `resolves(key)` tells whether a key is in the bibliography: a citation none of whose
 * keys resolve is shown inline as **key?** and takes no note number.
 */
const isCaptioned = (node: Node) =>
  node.type === 'containerDirective' &&
  ['figure', 'table'].includes((node as unknown as { name: string }).name);

/** A `Source:` / `Sources:` / `Note:` paragraph of a figure or table. */
export const isSourceLine = (node: Node) =>
  node.type === 'paragraph' && /^\s*(Sources?|Note)\s*:/i.test(toString(node));

export function collectNotes(
  docs: MarkdownDoc[],
  isNote: boolean,
  resolves: (key: string) => boolean = () => true,
): Notes {
  const clusters: Cluster[] = [];
  const byDoc = new Map<MarkdownDoc, DocNotes>();
  let global = 0;
  for (const doc of docs) {
    const notes: DocNotes = {
      numbers: new Map(),
      definitions: new Map(),
      cites: new Map(),
      sdgNotes: new Map(),
    };
    const sdgSeen = new Set<string>();
    byDoc.set(doc, notes);
    let local = 0;
    const visitDefs = (node: Node) => {
      if (node.type === 'footnoteDefinition') {
        const def = node as FootnoteDefinition;
        if (!notes.definitions.has(def.identifier)) notes.definitions.set(def.identifier, def);
      }
      for (const child of (node as Parent).children ?? []) visitDefs(child);
    };
    visitDefs(doc.tree as Root);
    const walk = (node: Node, noteIndex: number, inNote: boolean, inSource = false): void => {
      if (node.type === 'footnoteDefinition') return;
      if (node.type === 'footnoteReference') {
        const id = (node as unknown as { identifier: string }).identifier;
        if (notes.numbers.has(id)) return;
        local += 1;
        global += 1;
        notes.numbers.set(id, local);
        const def = notes.definitions.get(id);
        if (def) for (const child of def.children) walk(child, global, true);
        return;
      }
      if (node.type === 'cite') {
        const cite = node as CiteNode;
        const info: CiteInfo = { cluster: clusters.length };
        let index = inNote ? noteIndex : 0;
        if (isNote && !inNote && cite.items.some((i) => resolves(i.key))) {
          local += 1;
          global += 1;
          info.note = local;
          index = global;
        }
        clusters.push({
          items: cite.items,
          mode: cite.mode,
          noteIndex: index,
          ...(inSource ? { inline: true } : {}),
        });
        notes.cites.set(cite, info);
        return;
      }
      // The first time a chapter cites an SDG target, a note gives the target's text.
      if (
        node.type === 'textDirective' &&
        (node as unknown as { name: string }).name === 'sdg' &&
        !inNote &&
        !inSource
      ) {
        const id = sdgTargetId(toString(node));
        if (id && !sdgSeen.has(id)) {
          sdgSeen.add(id);
          local += 1;
          global += 1;
          notes.sdgNotes.set(node, local);
        }
        return;
      }
      if (isCaptioned(node)) {
        // Sources and notes of figures and tables cite inline, never in a footnote.
        for (const child of (node as Parent).children)
          walk(child, noteIndex, inNote || isSourceLine(child), isSourceLine(child));
        return;
      }
      for (const child of (node as Parent).children ?? []) walk(child, noteIndex, inNote, inSource);
    };
    walk(doc.tree as Root, 0, false);
  }
  return { clusters, byDoc };
}
