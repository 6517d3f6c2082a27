/**
 * The redline for reviewers: the new version rendered with insertions and
 * deletions marked (HTML), and printed to PDF with Chromium. It opens with the
 * change summary, then every chapter as merged by `merge.ts`.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toHast, type State } from 'mdast-util-to-hast';
import { UsageError } from '../core/errors.js';
import type { MarkdownDoc, Project } from '../core/types.js';
import { atomicWrite } from '../util/atomic-write.js';
import type { ChangeReport } from './compare.js';
import { formatDiffPretty, versionText } from './diff-format.js';
import { mergeTrees, type MergeNotes } from './merge.js';

export interface RedlineChapter {
  id: string;
  title: string;
  status: string;
  tree: Root;
}

/** Merged trees of every chapter, in the new reading order; removed chapters at the end. */
export function redlineChapters(
  before: Project,
  after: Project,
  report: ChangeReport,
): RedlineChapter[] {
  const byId = (docs: MarkdownDoc[], id: string) => docs.find((d) => (d.id ?? d.file.path) === id);
  return report.chapters.map((change) => {
    const a = byId(before.chapters, change.id);
    const b = byId(after.chapters, change.id);
    const notes: MergeNotes = { moved: new Map() };
    for (const m of change.sections.moved) {
      const message = m.fromChapter
        ? `Section moved here from chapter ${m.fromChapter}.`
        : `Section moved (was at line ${m.fromLine}).`;
      notes.moved.set(m.key, message);
      notes.moved.set(m.title, message);
    }
    const tree =
      change.status === 'added'
        ? mergeTrees(undefined, b?.tree)
        : change.status === 'removed'
          ? mergeTrees(a?.tree, undefined)
          : mergeTrees(a?.tree, b?.tree, notes);
    return {
      id: change.id,
      title: (b ?? a)?.title ?? change.id,
      status: change.status,
      tree,
    };
  });
}

const STYLE_MARKS = `
ins, .fs-ins { color: #05602b; background: #dcf5e3; text-decoration: underline; }
del, .fs-del { color: #a30f0f; background: #fbe0e0; text-decoration: line-through; }
.fs-inserted { border-left: 4px solid #1a8a45; padding-left: 8px; background: #f0fbf3; }
.fs-deleted { border-left: 4px solid #c62828; padding-left: 8px; color: #a30f0f; text-decoration: line-through; background: #fdf1f1; }
.fs-note { font: italic 9pt sans-serif; color: #5b3b00; background: #fff4d6; border-left: 4px solid #e0a100; padding: 2px 8px; }
.fs-summary { break-after: page; }
.fs-summary pre { white-space: pre-wrap; font-size: 8pt; background: #f6f6f6; padding: 8px; }
`;

const STYLE = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Serif", "Liberation Serif", serif; font-size: 11pt; line-height: 1.45; color: #111; }
h1, h2, h3, h4 { font-family: "Noto Sans", "Liberation Sans", sans-serif; }
ins, .fs-ins { color: #05602b; background: #dcf5e3; text-decoration: underline; }
del, .fs-del { color: #a30f0f; background: #fbe0e0; text-decoration: line-through; }
.fs-inserted { border-left: 4px solid #1a8a45; padding-left: 8px; background: #f0fbf3; }
.fs-deleted { border-left: 4px solid #c62828; padding-left: 8px; color: #a30f0f; text-decoration: line-through; background: #fdf1f1; }
.fs-note { font: italic 9pt sans-serif; color: #5b3b00; background: #fff4d6; border-left: 4px solid #e0a100; padding: 2px 8px; }
.fs-summary pre { white-space: pre-wrap; font-size: 8.5pt; background: #f6f6f6; padding: 8px; }
.fs-legend ins, .fs-legend del { padding: 0 3px; }
.chapter { break-before: page; }
.fs-status { font: 9pt sans-serif; color: #555; text-transform: uppercase; letter-spacing: .05em; }
.box { border: 1px solid #7a9cc6; background: #f4f8fd; padding: 6px 12px; margin: 12px 0; }
.box-kind { font: bold 9pt sans-serif; color: #2a4d7a; text-transform: uppercase; margin: 0; }
.box-title { font-weight: bold; margin: 2px 0 6px; }
.comment { font: 8.5pt sans-serif; color: #6a4c00; background: #fff3c4; padding: 0 3px; }
.cite { color: #1f3f6a; }
`;

const KIND_NAMES: Record<string, string> = {
  'good-practice': 'Good practice',
  'unece-support': 'UNECE support',
  recommendations: 'Recommendations',
  figure: 'Figure',
  table: 'Table',
};

/** mdast -> hast for the redline: flagship's directives drawn simply (box, comment, citation as written). */
function renderTree(tree: Root): ElementContent[] {
  const hast = toHast(tree, {
    handlers: {
      cite: (_state: State, node: { raw: string }) => h('span', { className: ['cite'] }, node.raw),
      crossref: (_state: State, node: { raw: string }) =>
        h('span', { className: ['crossref'] }, node.raw),
      containerDirective(state: State, node: ContainerDirective) {
        const attrs = node.attributes ?? {};
        const children = node.children.filter(
          (c) =>
            !(
              c.type === 'paragraph' &&
              (c.data as { directiveLabel?: boolean } | undefined)?.directiveLabel
            ),
        );
        const place = [attrs.city, attrs.country].filter(Boolean).join(', ');
        const header: ElementContent[] = [
          h('p', { className: ['box-kind'] }, KIND_NAMES[node.name] ?? node.name),
        ];
        if (attrs.title) header.push(h('p', { className: ['box-title'] }, attrs.title));
        if (place) header.push(h('p', { className: ['box-place'] }, place));
        const result = h('aside', { className: ['box', `box-${node.name}`] }, [
          ...header,
          ...(state.all({ ...node, children } as ContainerDirective) as ElementContent[]),
        ]);
        return state.applyData(node, result) as Element;
      },
      leafDirective(state: State, node: LeafDirective) {
        return h(
          'div',
          { className: [`directive-${node.name}`] },
          state.all(node) as ElementContent[],
        );
      },
      textDirective(state: State, node: TextDirective) {
        if (node.name === 'comment') {
          const by = node.attributes?.by;
          if (node.attributes && 'resolved' in node.attributes) return [];
          return h('span', { className: ['comment'] }, [
            '[Comment',
            by ? ` by ${by}` : '',
            ': ',
            ...(state.all(node) as ElementContent[]),
            ']',
          ]);
        }
        return h(
          'span',
          { className: [`directive-${node.name}`] },
          state.all(node) as ElementContent[],
        );
      },
    } as never,
  }) as HastRoot | Element;
  return (hast.type === 'root' ? hast.children : [hast]) as ElementContent[];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function redlineHtml(before: Project, after: Project, report: ChangeReport): string {
  const chapters = redlineChapters(before, after, report);
  const title = `${after.config.title}: changes from ${versionText(report.from)} to ${versionText(report.to)}`;
  const body: ElementContent[] = [
    h('header', { className: ['fs-summary'] }, [
      h('h1', `Redline: ${after.config.title}`),
      h(
        'p',
        `Changes from ${versionText(report.from)} (version ${report.from.version}, ${report.from.draft} draft) to ${versionText(report.to)} (version ${report.to.version}, ${report.to.draft} draft).`,
      ),
      h('p', { className: ['fs-legend'] }, [
        'Legend: ',
        h('ins', 'inserted text'),
        ', ',
        h('del', 'deleted text'),
        '; blocks added or removed are marked with a green or red bar; notes in yellow.',
      ]),
      h('h2', 'Summary of changes'),
      h('pre', formatDiffPretty(report, false)),
    ]),
    ...chapters.map((ch) =>
      h('section', { className: ['chapter'], dataStatus: ch.status, id: `chapter-${ch.id}` }, [
        h('p', { className: ['fs-status'] }, `${ch.id}: ${ch.status}`),
        ...renderTree(ch.tree),
      ]),
    ),
  ];
  const html = toHtml(h('main', body));
  return `<!doctype html>
<html lang="${escapeHtml(after.config.language)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${html}
</body>
</html>
`;
}

type PdfModule = typeof import('../render/pdf.js');
type StagesModule = typeof import('../render/stages.js');

/** A module of the render stage, loaded on demand (only redlines need it); undefined when absent. */
async function renderModule<T>(name: string): Promise<T | undefined> {
  try {
    return (await import(new URL(`../render/${name}`, import.meta.url).href)) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/** The summary of changes as an HTML section (the same text as the terminal report). */
function summarySection(report: ChangeReport): string {
  return toHtml(
    h('section', { className: ['fs-summary'] }, [
      h('h1', 'Redline'),
      h(
        'p',
        `Changes from ${versionText(report.from)} (version ${report.from.version}, ${report.from.draft} draft) to ${versionText(report.to)} (version ${report.to.version}, ${report.to.draft} draft).`,
      ),
      h('p', { className: ['fs-legend'] }, [
        'Legend: ',
        h('ins', 'inserted text'),
        ', ',
        h('del', 'deleted text'),
        '; blocks added or removed are marked with a green or red bar; notes in yellow.',
      ]),
      h('h2', 'Summary of changes'),
      h('pre', formatDiffPretty(report, false)),
    ]),
  );
}

/**
 * The redline as the publication itself: the new version's project with merged
 * chapter trees, rendered by the build's render stage and template, with the
 * redline styles and the summary of changes added after the imprint.
 * Undefined when the render stage is not available.
 */
export async function redlinePublicationHtml(
  before: Project,
  after: Project,
  report: ChangeReport,
): Promise<{ print: string; screen: string } | undefined> {
  const stages = await renderModule<StagesModule>('stages.js');
  if (!stages) return undefined;
  const chapters = redlineChapters(before, after, report);
  const docs = chapters.map((ch) => {
    const doc =
      after.chapters.find((d) => (d.id ?? d.file.path) === ch.id) ??
      before.chapters.find((d) => (d.id ?? d.file.path) === ch.id)!;
    return { ...doc, tree: ch.tree };
  });
  const merged: Project = { ...after, chapters: docs };
  const config = after.config;
  const stamp = `Redline: ${report.from.label} → ${report.to.kind === 'working' ? 'working tree' : report.to.label}`;
  const values: Record<string, string> = {
    title: config.title,
    subtitle: config.subtitle ?? '',
    series: config.series ?? '',
    publisher: config.publisher ?? '',
    year: String(config.year ?? ''),
    symbol: config.symbol ?? '',
    place: typeof config.place === 'string' ? config.place : 'Geneva',
    version: `${report.from.version} → ${report.to.version}`,
    date: new Date().toISOString().slice(0, 10),
    commit: report.to.commit ? report.to.commit.slice(0, 7) : 'working tree',
    draft: config.draft,
    stamp,
  };
  const rendered = stages.renderStage({
    project: merged,
    stage: config.draft,
    lang: config.language,
    values,
    stamp,
  });
  const summary = summarySection(report);
  return { print: decorate(rendered.print, summary), screen: decorate(rendered.screen, summary) };
}

/** Add the redline styles and the summary of changes (after the imprint) to a rendered page. */
function decorate(page: string, summary: string): string {
  let html = page.replace('</head>', `<style>${STYLE_MARKS}</style>\n</head>`);
  const imprint = html.indexOf('<section class="imprint"');
  const at = imprint >= 0 ? html.indexOf('</section>', imprint) + '</section>'.length : -1;
  html =
    at > 0
      ? `${html.slice(0, at)}\n${summary}${html.slice(at)}`
      : html.replace(/<body[^>]*>/, (m) => `${m}\n${summary}`);
  return html;
}

/** Print HTML to PDF with the build's Chromium launcher (Paged.js for the publication). */
export async function printRedlinePdf(
  html: string,
  allowDirs: string[],
  paged: boolean,
): Promise<Uint8Array> {
  const pdf = await renderModule<PdfModule>('pdf.js');
  if (!pdf)
    throw new UsageError(
      'the PDF printer (src/render/pdf.ts) is not available in this build; write the HTML redline with --html instead.',
    );
  return (await pdf.printPdf({ html, allowDirs, paged })).pdf;
}

export interface RedlineOutputs {
  html?: string;
  pdf?: string;
}

/** Write the HTML and/or PDF redline; returns the files written. */
export async function writeRedline(
  before: Project,
  after: Project,
  report: ChangeReport,
  outputs: RedlineOutputs,
): Promise<string[]> {
  const publication = await redlinePublicationHtml(before, after, report);
  const standalone = publication ? undefined : redlineHtml(before, after, report);
  const written: string[] = [];
  if (outputs.html) {
    atomicWrite(outputs.html, publication?.screen ?? standalone!);
    written.push(outputs.html);
  }
  if (outputs.pdf) {
    const bytes = await printRedlinePdf(
      publication?.print ?? standalone!,
      [],
      publication !== undefined,
    );
    atomicWrite(outputs.pdf, bytes);
    written.push(outputs.pdf);
  }
  return written;
}
