/**
 * The project as an edition in another language, for `build --lang`: the
 * translated chapters and front matter of manuscript/<lang>/ in the source's
 * reading order, the chapter titles of the per-language mandate (`titles`),
 * and the publication's title, subtitle and series from `translations.<lang>`
 * in manuscript.yaml. A file without a translation keeps its source (the
 * check stage reports it as translation-missing-chapter first).
 */
import { fileSlug } from '../util/slug.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Image, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Config } from '../core/config-schema.js';
import { UsageError } from '../core/errors.js';
import type { MarkdownDoc, Project } from '../core/types.js';
import { PACKAGED_TEMPLATES, templatesDir } from '../render/document.js';
import { registerCslLocale } from './csl-locale.js';
import { counterpart, loadTranslation, type Translation } from './translation.js';

/** The keys of manuscript.yaml an edition may give in its own language. */
export const EDITION_KEYS = ['title', 'subtitle', 'series', 'publisher', 'place'];

/** `translations.<lang>` of manuscript.yaml: the publication's metadata in that language. */
export function editionMetadata(config: Config, lang: string): Record<string, string> {
  const all = config.translations;
  if (!all || typeof all !== 'object' || Array.isArray(all)) return {};
  const own = (all as Record<string, unknown>)[lang];
  if (!own || typeof own !== 'object' || Array.isArray(own)) return {};
  return Object.fromEntries(
    Object.entries(own as Record<string, unknown>).filter(
      (e): e is [string, string] => EDITION_KEYS.includes(e[0]) && typeof e[1] === 'string',
    ),
  );
}

/**
 * The translated tree with each relative image path that has no file beside the
 * translation pointed at the source's file, so manuscript/<lang>/ needs copies
 * only of figures that are localised.
 */
function withImages(translated: MarkdownDoc, source: MarkdownDoc): Root {
  const tree = structuredClone(translated.tree);
  const here = path.dirname(translated.path);
  const there = path.dirname(source.path);
  visit(tree, 'image', (node: Image) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(node.url) || path.isAbsolute(node.url)) return;
    const file = decodeURI(node.url.split(/[?#]/)[0] ?? '');
    if (existsSync(path.resolve(here, file)) || !existsSync(path.resolve(there, file))) return;
    node.url = path.relative(here, path.resolve(there, file)).split(path.sep).join('/');
  });
  return tree;
}

export function localiseProject(project: Project, lang: string): Project {
  if (lang === project.config.language) return project;
  const translation: Translation = project.translation ?? loadTranslation(project, lang);
  if (translation.chapters.length === 0)
    throw new UsageError(
      `there is no ${lang} translation in ${lang}/ of the manuscript directory; import the translated XLIFF first (\`flagship xliff import\`).`,
    );
  const swap = (doc: MarkdownDoc): MarkdownDoc => {
    const translated = counterpart(project, translation, doc);
    if (!translated?.readable) return doc;
    // Same role and id as the source: the renderer and the numbering treat it as that file.
    return { ...translated, kind: doc.kind, id: doc.id, tree: withImages(translated, doc) };
  };
  const meta = editionMetadata(project.config, lang);
  const source = project.config;
  const config: Config = {
    ...source,
    ...meta,
    // The PDF is named after the source title plus the language: <slug>-ru-final-v1.0.0.pdf.
    slug: `${typeof source.slug === 'string' ? source.slug : fileSlug(source.title)}-${lang}`,
    language: lang,
    toc: project.config.toc.map((entry) => ({
      ...entry,
      title: entry.titles?.[lang] ?? entry.title,
    })),
  };
  // Citations in the edition's language: a CSL locale from the templates, if there is one.
  registerCslLocale(templatesDir(project.dir, config), lang) ??
    registerCslLocale(PACKAGED_TEMPLATES, lang);
  return {
    ...project,
    config,
    chapters: project.chapters.map(swap),
    front: project.front.map(swap),
    translation,
  };
}
