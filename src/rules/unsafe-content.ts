/**
 * unsafe-content: text pasted from Word, web pages and e-mail must not carry
 * anything that would run, fetch from the network or read outside the project
 * when the PDF is printed in a headless browser (on a CI machine with secrets).
 * Reports raw HTML `<script>`, event-handler attributes (`onerror=`),
 * `<iframe>`/`<object>`/`<embed>` and kin, `javascript:` links, remote images
 * and stylesheets, CSS `url()` to remote hosts, `file://` URLs, and images or
 * included files whose real path (symlinks followed) leaves the project
 * directory (the manuscript directory's parent, as the renderer allows).
 *
 * The renderer sanitizes and blocks all of this anyway; this rule makes each
 * case a diagnostic at its line, so the author learns what was dropped.
 * Raw HTML is parsed with hast-util-from-html (parse5), as the renderer does.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import type { fromHtml as FromHtml } from 'hast-util-from-html';
import type { Definition, Html, Image, ImageReference, Link, Root } from 'mdast';
import type { Point, Position } from 'unist';
import { visit } from 'unist-util-visit';
import { report } from '../core/report.js';
import type { MarkdownDoc, Rule } from '../core/types.js';
import { nodesOf, nodesOfType } from './nodes.js';
import { allDocs } from './util.js';

/** Elements that embed or run other content, or change where the page loads from. */
const EMBEDDING = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'portal',
  'form',
]);

/** Attributes whose URL the browser fetches (as opposed to `<a href>`, which it only links). */
const FETCHED = new Set([
  'src',
  'srcSet',
  'poster',
  'background',
  'data',
  'codeBase',
  'archive',
  'xLinkHref',
  'formAction',
  'action',
  'ping',
  'longDesc',
  'manifest',
]);

/** Directive attributes that name a file to include or show. */
const FILE_ATTRIBUTES = ['src', 'file', 'include', 'image', 'path', 'href'];

const SCRIPT_URL = /^\s*(?:javascript|vbscript|livescript)\s*:/i;
const DATA_HTML = /^\s*data\s*:\s*(?:text\/html|application\/xhtml|image\/svg)/i;
const FILE_URL = /^\s*file\s*:/i;
const REMOTE = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\/|^\s*(?:https?|ftp|wss?)\s*:/i;
const HAS_SCHEME = /^\s*[a-z][a-z0-9+.-]*:/i;
/** `url(...)` and `@import "..."` in CSS, with the address they name. */
const CSS_URL = /url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]*)\3/gi;

type Problem = { reason: string; place: Point | Position | undefined };

/** The project directory: the manuscript directory's parent (what the renderer may read). */
function projectRoot(manuscriptDir: string): string {
  const root = path.resolve(manuscriptDir, '..');
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

function inside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Why a local path is refused: it (or the file a symlink points to) is outside the project. */
function outsideProject(url: string, doc: MarkdownDoc, root: string): string | undefined {
  let target: string;
  try {
    target = decodeURI(url.split(/[?#]/)[0] ?? '');
  } catch {
    target = url;
  }
  if (target === '') return undefined;
  const resolved = path.resolve(path.dirname(doc.path), target);
  if (!inside(resolved, root)) return 'is outside the project directory';
  if (!existsSync(resolved)) return undefined; // a missing file is another rule's finding
  try {
    if (!inside(realpathSync(resolved), root))
      return 'is a symbolic link to a file outside the project directory';
  } catch {
    return undefined;
  }
  return undefined;
}

/** Problems with a URL the browser would fetch (an image, a stylesheet, an included file). */
function fetchedUrl(url: string, what: string, doc: MarkdownDoc, root: string): string | undefined {
  if (SCRIPT_URL.test(url))
    return `${what} \`${short(url)}\` is a script URL; it never runs in the PDF: remove it.`;
  if (FILE_URL.test(url))
    return `${what} \`${short(url)}\` is a file:// URL, which is never read; copy the file into the project (e.g. figures/) and use a relative path.`;
  if (REMOTE.test(url))
    return `${what} \`${short(url)}\` is on a remote host, which the build never fetches; download it into the project (e.g. figures/) and use a relative path.`;
  if (url.trim().toLowerCase().startsWith('data:')) return undefined;
  if (HAS_SCHEME.test(url))
    return `${what} \`${short(url)}\` uses a URL scheme the build does not load; use a relative path inside the project.`;
  const outside = outsideProject(url, doc, root);
  if (outside)
    return `${what} \`${short(url)}\` ${outside}, which the build never reads; copy the file into the project (e.g. figures/).`;
  return undefined;
}

/** Problems with a link the reader follows (`<a href>`, `[text](url)`). */
function linkedUrl(url: string): string | undefined {
  if (SCRIPT_URL.test(url))
    return `the link \`${short(url)}\` is a script URL; remove it or link to a web page (https://...).`;
  if (DATA_HTML.test(url))
    return `the link \`${short(url)}\` is a data: URL holding a page or script; link to a web page instead.`;
  if (FILE_URL.test(url))
    return `the link \`${short(url)}\` is a file:// URL to the author's own disk, which readers cannot open; link to a web page or remove it.`;
  return undefined;
}

function cssUrls(css: string, doc: MarkdownDoc, root: string): string[] {
  const out: string[] = [];
  for (const match of css.matchAll(CSS_URL)) {
    const url = match[2] ?? match[4] ?? '';
    const problem = fetchedUrl(url, 'the CSS address', doc, root);
    if (problem) out.push(problem.replace('the CSS address', 'the CSS `url()`'));
  }
  return out;
}

function short(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

/** Place of a point inside a raw HTML node's value, in the Markdown file. */
function placeIn(node: Html, inner: Point | undefined): Point | Position | undefined {
  const start = node.position?.start;
  if (!start || !inner) return node.position;
  return inner.line === 1
    ? { line: start.line, column: start.column + inner.column - 1 }
    : { line: start.line + inner.line - 1, column: inner.column };
}

/**
 * The HTML parser (parse5), loaded only when a file has raw HTML: most manuscripts have
 * none, and loading it costs every `check` about 30 ms.
 */
let fromHtml: typeof FromHtml | undefined;

function hasHtml(docs: MarkdownDoc[]): boolean {
  return docs.some((doc) => nodesOfType(doc.tree, 'html').length > 0);
}

/** Every problem in one raw HTML node. */
function htmlProblems(node: Html, doc: MarkdownDoc, root: string): Problem[] {
  const problems: Problem[] = [];
  let tree: HastRoot;
  try {
    if (!fromHtml) return problems; // run() loads it whenever a tree has raw HTML
    tree = fromHtml(node.value, { fragment: true });
  } catch {
    return problems;
  }
  visit(tree, 'element', (el: Element) => {
    const at = placeIn(node, el.position?.start);
    const add = (reason: string) => problems.push({ reason, place: at });
    const tag = el.tagName.toLowerCase();
    if (tag === 'script')
      add(
        'raw HTML `<script>`: scripts never run in the PDF and are removed; delete it (pasted from a web page?).',
      );
    else if (tag === 'style') {
      const css = el.children.map((c) => ('value' in c ? String(c.value) : '')).join('');
      for (const reason of cssUrls(css, doc, root)) add(reason);
    } else if (EMBEDDING.has(tag))
      add(
        `raw HTML \`<${tag}>\` embeds or loads other content and is removed from the PDF; delete it, or use a figure with an image inside the project.`,
      );
    for (const [name, value] of Object.entries(el.properties ?? {})) {
      const text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
      if (/^on/i.test(name))
        add(
          `the event-handler attribute \`${name.toLowerCase()}\` on \`<${tag}>\` would run script; remove it.`,
        );
      else if (name === 'style') for (const reason of cssUrls(text, doc, root)) add(reason);
      else if (name === 'href' && tag !== 'link') {
        const reason = linkedUrl(text);
        if (reason) add(reason);
      } else if (FETCHED.has(name) || (name === 'href' && tag === 'link')) {
        const urls =
          name === 'srcSet' ? text.split(',').map((s) => s.trim().split(/\s+/)[0]!) : [text];
        const what = tag === 'img' ? 'the image' : `the \`${name.toLowerCase()}\` of \`<${tag}>\``;
        for (const url of urls) {
          const reason = fetchedUrl(url, what, doc, root);
          if (reason) add(reason);
        }
      }
    }
  });
  return problems;
}

/** Every problem of one Markdown file, in document order. */
function docProblems(doc: MarkdownDoc, root: string): Problem[] {
  const problems: Problem[] = [];
  const definitions = new Map<string, Definition>();
  for (const node of nodesOfType<Definition>(doc.tree as Root, 'definition')) {
    definitions.set(node.identifier, node);
  }
  const usedAsImage = new Set<string>();
  for (const node of nodesOf(doc.tree)) {
    switch (node.type) {
      case 'html':
        problems.push(...htmlProblems(node as Html, doc, root));
        break;
      case 'image': {
        const reason = fetchedUrl((node as Image).url, 'the image', doc, root);
        if (reason) problems.push({ reason, place: node.position });
        break;
      }
      case 'imageReference': {
        const def = definitions.get((node as ImageReference).identifier);
        if (!def) break;
        usedAsImage.add(def.identifier);
        const reason = fetchedUrl(def.url, 'the image', doc, root);
        if (reason) problems.push({ reason, place: node.position });
        break;
      }
      case 'link': {
        const reason = linkedUrl((node as Link).url);
        if (reason) problems.push({ reason, place: node.position });
        break;
      }
      case 'containerDirective':
      case 'leafDirective':
      case 'textDirective': {
        const attributes = (node as { attributes?: Record<string, string | null | undefined> })
          .attributes;
        for (const name of FILE_ATTRIBUTES) {
          const value = attributes?.[name];
          if (typeof value !== 'string' || value === '') continue;
          const reason =
            name === 'href'
              ? linkedUrl(value)
              : fetchedUrl(value, `the \`${name}\` attribute`, doc, root);
          if (reason) problems.push({ reason, place: node.position?.start });
        }
        const style = attributes?.style;
        if (typeof style === 'string')
          for (const reason of cssUrls(style, doc, root))
            problems.push({ reason, place: node.position?.start });
        break;
      }
    }
  }
  // Link definitions used as links (not images) with script or file URLs.
  for (const def of definitions.values()) {
    if (usedAsImage.has(def.identifier)) continue;
    const reason = linkedUrl(def.url);
    if (reason) problems.push({ reason, place: def.position });
  }
  return problems;
}

const rule: Rule = {
  id: 'unsafe-content',
  description:
    'No raw `<script>`, event handlers, `<iframe>`/`<object>`/`<embed>`, `javascript:` or `file://` URLs, remote images, stylesheets or CSS `url()`, and no image or included file outside the project directory (symbolic links followed).',
  fix: 'Delete the pasted HTML or script; download remote images into the project (e.g. `figures/`) and refer to them by a relative path; link to web pages with https://.',
  async run({ project }) {
    const root = projectRoot(project.dir);
    // Translations (`check --lang`) come back from translators and agencies: check them too.
    const translated = project.translation
      ? [...project.translation.front, ...project.translation.chapters].filter((d) => d.readable)
      : [];
    const docs = [...allDocs(project), ...translated];
    if (!fromHtml && hasHtml(docs)) ({ fromHtml } = await import('hast-util-from-html'));
    for (const doc of docs) {
      const seen = new Set<string>();
      for (const problem of docProblems(doc, root)) {
        const start =
          problem.place && 'start' in problem.place ? problem.place.start : problem.place;
        const key = `${start?.line}:${start?.column}:${problem.reason}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report(doc.file, 'unsafe-content', problem.reason, problem.place);
      }
    }
  },
};
export default rule;
