/**
 * The parse stage: Markdown text -> mdast with front matter, GFM, generic
 * directives, heading ids, citations and cross-references; front matter YAML
 * read with positions so errors point at the right line.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Heading, Root, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type {} from 'mdast-util-directive';
import type { Processor } from 'unified';
import { LineCounter, parseDocument } from 'yaml';
import { report } from './report.js';
import type { Source } from './source.js';
import citations from './syntax/citations.js';
import headingIds from './syntax/heading-ids.js';
import restoreBareDirectives from './syntax/restore-bare-directives.js';
import type { MarkdownDoc, Project } from './types.js';
import type { Sources } from './load.js';
import { parseBibliographyCached, type Bibliography } from './bibliography.js';
import { cached } from './cache.js';
import { recordMessages, replayMessages, type RecordedMessage } from './recorded-messages.js';

let processors: { parser: Processor<Root>; transforms: Processor } | undefined;

/**
 * remark and its extensions, loaded on the first parse: a run whose files are all
 * cached (`cache.ts`) never needs them (about 0.1 s of start-up). Node 20.19 and
 * later load ES modules with `require`, synchronously, so parsing stays synchronous.
 */
function remark(): { parser: Processor<Root>; transforms: Processor } {
  if (!processors) {
    const require = createRequire(import.meta.url);
    const { unified } = require('unified') as typeof import('unified');
    const parser = unified()
      .use((require('remark-parse') as typeof import('remark-parse')).default)
      .use((require('remark-frontmatter') as typeof import('remark-frontmatter')).default, ['yaml'])
      .use((require('remark-gfm') as typeof import('remark-gfm')).default)
      .use((require('remark-directive') as typeof import('remark-directive')).default);
    const transforms = unified().use(restoreBareDirectives).use(headingIds).use(citations);
    processors = {
      parser: parser as unknown as Processor<Root>,
      transforms: transforms as unknown as Processor,
    };
  }
  return processors;
}

/** Parse Markdown into the tree every rule and renderer reads. */
export function parseMarkdownTree(source: Source): Root {
  if (!source.readable) return { type: 'root', children: [] };
  const { parser, transforms } = remark();
  const tree = parser.parse(source.file);
  return transforms.runSync(tree, source.file) as Root;
}

function readFrontmatter(tree: Root, source: Source): Record<string, unknown> {
  const node = tree.children[0];
  if (node?.type !== 'yaml') return {};
  const yamlNode = node as Yaml;
  const lines = new LineCounter();
  const doc = parseDocument(yamlNode.value, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    // Odd YAML (a list as a key) must not print a Node warning on stderr: it is reported or ignored.
    logLevel: 'error',
  });
  const firstLine = (yamlNode.position?.start.line ?? 1) + 1; // the line after `---`
  for (const error of doc.errors) {
    const at = lines.linePos(error.pos[0]);
    report(
      source.file,
      'frontmatter-invalid',
      `front matter is not valid YAML: ${error.message.split('\n')[0]}; fix the YAML between the \`---\` lines.`,
      {
        line: firstLine + at.line - 1,
        column: at.col,
      },
    );
  }
  if (doc.errors.length > 0) return {};
  let value: unknown;
  try {
    // Parses cleanly but cannot be resolved: an alias to an unset anchor, or an alias bomb.
    value = doc.toJSON();
  } catch (error) {
    report(
      source.file,
      'frontmatter-invalid',
      `front matter cannot be read: ${String((error as Error).message ?? error).split('\n')[0]}; fix the YAML between the \`---\` lines.`,
      { line: firstLine, column: 1 },
    );
    return {};
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    report(
      source.file,
      'frontmatter-invalid',
      'front matter must be a mapping such as `id: introduction`.',
      yamlNode,
    );
    return {};
  }
  return value as Record<string, unknown>;
}

/** Reading-order number from a file name such as `03-innovation.md`. */
export function orderFromName(file: string): number | undefined {
  const match = /^(\d+)[-_]/.exec(path.basename(file));
  return match ? Number(match[1]) : undefined;
}

/** What parsing a Markdown file yields; it depends on nothing but the file's bytes. */
export interface ParsedMarkdown {
  tree: Root;
  frontmatter: Record<string, unknown>;
  title: string | undefined;
  messages: RecordedMessage[];
}

/** Parse one file's content (what the cache stores). Exported for the parse workers. */
export function parseContent(source: Source): ParsedMarkdown {
  const before = source.file.messages.length;
  const tree = parseMarkdownTree(source);
  const frontmatter = readFrontmatter(tree, source);
  const h1 = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  return {
    tree,
    frontmatter,
    title: h1 ? toString(h1).trim() : undefined,
    messages: recordMessages(source.file.messages.slice(before)),
  };
}

/**
 * Parse one Markdown file. The result is cached by the SHA-256 of its bytes
 * (`cache.ts`): a hit returns a fresh copy of the tree and re-creates the parse
 * messages on this file's vfile, so it reports exactly what a parse would.
 */
export function parseDoc(
  source: Source,
  kind: MarkdownDoc['kind'],
  cwd: string = process.cwd(),
): MarkdownDoc {
  if (!source.readable) return toDoc(source, kind, parseContent(source));
  let computed = false;
  const parsed = cached('markdown', source.sha256, cwd, () => {
    computed = true;
    return parseContent(source);
  });
  return computed ? toDoc(source, kind, parsed) : docFrom(source, kind, parsed);
}

/**
 * The document of a parse made elsewhere (the cache, a parse worker): its
 * recorded messages are re-created on this source's vfile.
 */
export function docFrom(
  source: Source,
  kind: MarkdownDoc['kind'],
  parsed: ParsedMarkdown,
): MarkdownDoc {
  replayMessages(source.file, parsed.messages);
  return toDoc(source, kind, parsed);
}

function toDoc(source: Source, kind: MarkdownDoc['kind'], parsed: ParsedMarkdown): MarkdownDoc {
  const { tree, frontmatter } = parsed;
  const slug = path.basename(source.path, '.md').replace(/^\d+[-_]/, '');
  const id =
    typeof frontmatter.id === 'string' ? frontmatter.id : kind === 'front' ? slug : undefined;
  return {
    kind,
    path: source.path,
    file: source.file,
    text: source.text,
    sha256: source.sha256,
    tree,
    frontmatter,
    id,
    title: parsed.title,
    order: orderFromName(source.path),
    readable: source.readable,
  };
}

/** Parts of the parse stage already done (by `parse-parallel.ts`), by source. */
export interface ParsedParts {
  docs?: Map<Source, MarkdownDoc>;
  bibliography?: Bibliography;
}

/** The parse stage over a whole manuscript: every Markdown file and the bibliography. */
export function parseProject(sources: Sources, done: ParsedParts = {}): Project {
  const doc = (s: Source, kind: MarkdownDoc['kind']) =>
    done.docs?.get(s) ?? parseDoc(s, kind, sources.cwd);
  const front = sources.front.map((s) => doc(s, 'front'));
  const chapters = sources.chapters.map((s) => doc(s, 'chapter'));
  const bibliography =
    done.bibliography ?? parseBibliographyCached(sources.bibliography, sources.cwd);
  return {
    dir: sources.dir,
    cwd: sources.cwd,
    configFile: sources.configFile,
    config: sources.config,
    chapters,
    front,
    bibliography,
    files: [
      sources.configFile,
      ...front.map((d) => d.file),
      ...chapters.map((d) => d.file),
      bibliography.file,
    ],
  };
}
