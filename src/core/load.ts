/**
 * The load stage: find and read everything a manuscript directory holds
 * (manuscript.yaml, chapters NN-*.md, front/*.md, the bibliography) into a
 * Project, reporting problems as diagnostics rather than throwing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { LineCounter, parseDocument } from 'yaml';
import { DEFAULT_CONFIG, validateConfig, type Config } from './config-schema.js';
import { UsageError } from './errors.js';
import { report } from './report.js';
import { displayPath, readSource, type Source } from './source.js';

export interface LoadOptions {
  /** Manuscript directory (default: ./manuscript). */
  manuscript?: string;
  cwd?: string;
  /** Override of manuscript.yaml's `bibliography`, relative to the working directory. */
  bibliography?: string;
}

const CHAPTER_FILE = /^\d+[-_].*\.md$/i;

function listMarkdown(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .sort((a, b) => {
      const na = Number(/^\d+/.exec(a)?.[0] ?? Infinity);
      const nb = Number(/^\d+/.exec(b)?.[0] ?? Infinity);
      return na === nb ? a.localeCompare(b) : na - nb;
    })
    .map((name) => path.join(dir, name));
}

export function resolveManuscriptDir(options: LoadOptions): string {
  const cwd = options.cwd ?? process.cwd();
  const dir = path.resolve(cwd, options.manuscript ?? 'manuscript');
  if (!existsSync(dir))
    throw new UsageError(
      `the manuscript directory ${displayPath(dir, cwd)} does not exist; pass --manuscript DIR or run from the project root.`,
    );
  if (!statSync(dir).isDirectory())
    throw new UsageError(
      `${displayPath(dir, cwd)} is not a directory; --manuscript takes the directory that holds manuscript.yaml.`,
    );
  return dir;
}

/** Read manuscript.yaml into a validated Config, reporting on its vfile. */
export function loadConfig(dir: string, cwd: string): { file: VFile; config: Config } {
  const abs = path.join(dir, 'manuscript.yaml');
  if (!existsSync(abs)) {
    const file = new VFile({ path: displayPath(abs, cwd) });
    report(
      file,
      'config-invalid',
      'there is no manuscript.yaml in the manuscript directory; create it with the title, version, draft and toc (see docs/manuscript.md).',
      { line: 1, column: 1 },
    );
    return { file, config: structuredClone(DEFAULT_CONFIG) };
  }
  const source = readSource(abs, cwd);
  if (!source.readable) return { file: source.file, config: structuredClone(DEFAULT_CONFIG) };
  const lines = new LineCounter();
  const doc = parseDocument(source.text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    // Odd YAML (a list as a key) must not print a Node warning on stderr: it is reported or ignored.
    logLevel: 'error',
  });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const at = lines.linePos(error.pos[0]);
      report(
        source.file,
        'config-invalid',
        `manuscript.yaml is not valid YAML: ${error.message.split('\n')[0]}.`,
        { line: at.line, column: at.col },
      );
    }
    return { file: source.file, config: structuredClone(DEFAULT_CONFIG) };
  }
  return { file: source.file, config: validateConfig(doc, lines, source.file) };
}

/** Line of a top-level key in manuscript.yaml, for diagnostics about its value. */
export function configKeyLine(configFile: VFile, key: string): { line: number; column: number } {
  const text = String(configFile.value ?? '');
  const index = text.search(new RegExp(`^${key}\\s*:`, 'm'));
  if (index < 0) return { line: 1, column: 1 };
  return { line: text.slice(0, index).split('\n').length, column: 1 };
}

/** What the load stage read: configuration and raw sources, not yet parsed. */
export interface Sources {
  dir: string;
  cwd: string;
  configFile: VFile;
  config: Config;
  chapters: Source[];
  front: Source[];
  bibliography: Source;
}

export function loadSources(options: LoadOptions = {}): Sources {
  const cwd = options.cwd ?? process.cwd();
  const dir = resolveManuscriptDir(options);
  const { file: configFile, config } = loadConfig(dir, cwd);
  const chapterDir = path.resolve(dir, typeof config.chapters === 'string' ? config.chapters : '.');
  const frontDir = path.resolve(dir, typeof config.front === 'string' ? config.front : 'front');
  const chapters = listMarkdown(chapterDir, CHAPTER_FILE).map((abs) => readSource(abs, cwd));
  const front = listMarkdown(frontDir, /\.md$/i).map((abs) => readSource(abs, cwd));
  const bibPath = options.bibliography
    ? path.resolve(cwd, options.bibliography)
    : path.resolve(dir, config.bibliography);
  const bibliography = readSource(bibPath, cwd);
  if (!existsSync(bibPath)) {
    bibliography.file.messages.length = 0;
    report(
      configFile,
      'bib-missing',
      `the bibliography ${displayPath(bibPath, cwd)} does not exist; fix \`bibliography:\` (a path relative to manuscript.yaml) or create the file.`,
      configKeyLine(configFile, 'bibliography'),
    );
  }
  return { dir, cwd, configFile, config, chapters, front, bibliography };
}
