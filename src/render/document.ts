/**
 * Assemble the publication: the template (templates/publication.html) filled with
 * manuscript.yaml's metadata, the table of contents, front matter, chapters and
 * references, and the CSS (publication.css + print.css for the PDF, + screen.css
 * for the HTML edition). Templates come from the project's `templates/` when it
 * has them, else from flagship's own.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { fromHtml } from 'hast-util-from-html';
import type { Config } from '../core/config-schema.js';
import type { DocHtml } from './html.js';
import type { I18n } from './i18n.js';
import { listEntries } from './lists.js';

const PLURAL = { box: 'boxes', figure: 'figures', table: 'tables' } as const;

export const PACKAGED_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

/** The templates directory: manuscript.yaml `templates`, else <project>/templates, else flagship's. */
export function templatesDir(manuscriptDir: string, config: Config): string {
  if (typeof config.templates === 'string') return path.resolve(manuscriptDir, config.templates);
  const own = path.resolve(manuscriptDir, '..', 'templates');
  if (existsSync(path.join(own, 'publication.html'))) return own;
  return PACKAGED_TEMPLATES;
}

/** A template file from `dir`, falling back to flagship's copy. */
export function templateFile(dir: string, name: string): string {
  const own = path.join(dir, name);
  return existsSync(own) ? own : path.join(PACKAGED_TEMPLATES, name);
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Fill `{{name}}` (escaped) and `{{{name}}}` (HTML) placeholders. Unknown names become empty. */
export function fill(template: string, values: Record<string, string>, i18n: I18n): string {
  return template
    .replace(/\{\{\{\s*([\w.-]+)\s*\}\}\}/g, (_, name: string) => values[name] ?? '')
    .replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) =>
      escape(name.startsWith('t.') ? i18n.t(name.slice(2), values) : (values[name] ?? '')),
    )
    .replace(/<p class="[^"]*">\s*<\/p>\n?/g, '');
}

export interface AssembleOptions {
  config: Config;
  i18n: I18n;
  templates: string;
  front: DocHtml[];
  chapters: DocHtml[];
  bibliography: string[];
  /** Metadata values for the template (version, date, commit, draft, stamp, ...). */
  values: Record<string, string>;
  /** CSS added after the template's (the draft stamp text). */
  extraCss: string;
  /** `print` for the PDF, `screen` for the HTML edition. */
  medium: 'print' | 'screen';
}

function tocEntry(
  className: string,
  target: string,
  label: string,
  text: ElementContent[] | string,
): ElementContent {
  return h('li', { className: [className] }, [
    h('a', { href: `#${target}`, dataTocTarget: target }, [
      h('span', { className: ['toc-label'] }, label),
      h('span', { className: ['toc-text'] }, text),
      h('span', { className: ['toc-leader'], ariaHidden: 'true' }),
      h('span', { className: ['toc-page'] }),
    ]),
  ]);
}

export function assemble(options: AssembleOptions): string {
  const { i18n, front, chapters } = options;
  const items: ElementContent[] = [];
  for (const doc of front) items.push(tocEntry('toc-front', doc.titleId, '', doc.title));
  for (const doc of chapters) {
    items.push(tocEntry('toc-chapter', doc.titleId, String(doc.chapter), doc.title));
    for (const section of doc.sections)
      items.push(tocEntry('toc-section', section.id, section.number, section.title));
  }
  if (options.bibliography.length > 0)
    items.push(tocEntry('toc-back', 'references', '', i18n.t('references')));
  const toc = h('nav', { className: ['toc'] }, [
    h('h1', { id: 'contents' }, i18n.t('contents')),
    h('ol', items),
  ]);
  // Lists of boxes, figures and tables, after the contents, numbered like it after layout.
  const entries = listEntries(chapters);
  const lists = (['box', 'figure', 'table'] as const)
    .map((kind) => ({
      kind,
      entries: entries.filter((e) => e.kind === kind),
    }))
    .filter((list) => list.entries.length > 0)
    .map((list) =>
      h('section', { className: ['toc-list', `toc-list-${list.kind}`] }, [
        h('h2', { id: `list-of-${list.kind}` }, i18n.t(`list-of-${PLURAL[list.kind]}`)),
        h(
          'ol',
          list.entries.map((e) => tocEntry(`toc-${e.kind}`, e.id, e.number, e.title)),
        ),
      ]),
    );
  const listsNav =
    lists.length > 0 ? h('nav', { className: ['toc', 'toc-lists'] }, lists) : undefined;
  const frontHtml = front
    .map((doc) =>
      toHtml(
        h(
          'section',
          { className: ['front-matter'], id: `front-section-${doc.doc.id}` },
          doc.content,
        ),
      ),
    )
    .join('\n');
  const chapterHtml = chapters
    .map((doc, i) =>
      toHtml(
        h(
          'section',
          {
            className: ['chapter'],
            id: `chapter-section-${doc.chapter}`,
            dataChapter: String(doc.chapter),
            dataBodyStart: i === 0 ? '' : undefined,
          },
          doc.content,
        ),
      ),
    )
    .join('\n');
  const references =
    options.bibliography.length > 0
      ? toHtml(
          h(
            'section',
            { className: ['references'], dataBodyStart: chapters.length === 0 ? '' : undefined },
            [
              h('header', { dataChapterOpening: '' }, [
                h('h1', { id: 'references' }, i18n.t('references')),
              ]),
              h(
                'div',
                { className: ['csl-bib-body'] },
                options.bibliography.flatMap(
                  (entry) => fromHtml(entry, { fragment: true }).children as ElementContent[],
                ),
              ),
            ],
          ),
        )
      : '';
  const css = ['publication.css', options.medium === 'print' ? 'print.css' : 'screen.css']
    .map((name) => readFileSync(templateFile(options.templates, name), 'utf8'))
    .join('\n');
  const template = readFileSync(templateFile(options.templates, 'publication.html'), 'utf8');
  let html = fill(
    template,
    {
      ...options.values,
      lang: i18n.lang,
      css: `${css}\n${options.extraCss}`,
      toc: toHtml(toc) + (listsNav ? `\n${toHtml(listsNav)}` : ''),
      front: frontHtml,
      chapters: chapterHtml,
      references,
    },
    i18n,
  );
  if (options.medium === 'screen' && options.values.stamp)
    html = html.replace(
      /<body([^>]*)>/,
      `<body$1>\n<div class="screen-stamp">${escape(options.values.stamp)}</div>`,
    );
  return html;
}
