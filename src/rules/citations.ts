/**
 * Citation helpers shared by the citation rules: every citation of the
 * manuscript with its document, and the set of cited keys.
 */
import { isCrossrefKey, type CiteNode } from '../core/syntax/citations.js';
import type { MarkdownDoc, Project } from '../core/types.js';
import { nodesOfType } from './nodes.js';
import { allDocs } from './util.js';

export interface CitationUse {
  doc: MarkdownDoc;
  node: CiteNode;
  key: string;
}

export function citationUses(project: Project): CitationUse[] {
  const uses: CitationUse[] = [];
  for (const doc of allDocs(project)) {
    for (const node of nodesOfType<CiteNode>(doc.tree, 'cite')) {
      // A bracket may mix citations and cross-references (`[@a; see @box:x]`);
      // the cross-reference items are checked by the cross-reference rules.
      for (const item of node.items)
        if (!isCrossrefKey(item.key)) uses.push({ doc, node, key: item.key.normalize('NFC') });
    }
  }
  return uses;
}

/** Keys listed under `nocite` in manuscript.yaml (`'*'` cites every entry). */
export function nocite(project: Project): Set<string> {
  const value = project.config.nocite;
  return new Set(
    Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [],
  );
}
