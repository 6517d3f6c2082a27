/**
 * Test helper for directive handlers: parse an inline manuscript (no files kept)
 * and render one chapter's tree to HTML with mdast-util-to-hast, sending
 * directives to the registry's handler of the given name only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toHast, type State } from 'mdast-util-to-hast';
import { loadSources } from '../../src/core/load.js';
import { numberProject } from '../../src/core/numbering.js';
import { parseProject } from '../../src/core/parse.js';
import type { Project } from '../../src/core/types.js';
import type { DirectiveHandler, RenderContext } from '../../src/render/handlers/index.js';

export function parseChapters(chapters: Record<string, string>): Project {
  const root = mkdtempSync(path.join(tmpdir(), 'flagship-render-'));
  try {
    const dir = path.join(root, 'manuscript');
    mkdirSync(dir, { recursive: true });
    const toc = Object.keys(chapters)
      .map((name) => `  - id: ${name.replace(/^\d+-/, '').replace(/\.md$/, '')}\n    title: T`)
      .join('\n');
    writeFileSync(
      path.join(dir, 'manuscript.yaml'),
      `title: Test\nversion: 0.1.0\ndraft: first\nbibliography: ../references.bib\ntoc:\n${toc}\n`,
    );
    writeFileSync(path.join(root, 'references.bib'), '');
    for (const [name, text] of Object.entries(chapters)) writeFileSync(path.join(dir, name), text);
    return parseProject(loadSources({ cwd: root, manuscript: 'manuscript' }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Render chapter `index` of the project with `handler` for directives named `name`. */
export function renderWith(
  project: Project,
  index: number,
  name: string,
  handler: DirectiveHandler,
  extra: Partial<RenderContext> = {},
): string {
  const ctx: RenderContext = {
    project,
    numbering: numberProject(project),
    stage: 'second',
    lang: 'en',
    ...extra,
  };
  const doc = project.chapters[index]!;
  const tree = {
    ...doc.tree,
    children: doc.tree.children.filter((n) => n.type !== 'yaml'),
  } as Root;
  const directive = (state: State, node: never) => {
    const d = node as { name: string };
    if (d.name === name) return handler(node, state, ctx);
    return state.all(node) as ElementContent[];
  };
  const hast = toHast(tree, {
    handlers: {
      textDirective: directive,
      leafDirective: directive,
      containerDirective: directive,
      crossref: () => undefined,
      cite: () => undefined,
    } as never,
  }) as HastRoot;
  return toHtml(hast);
}
