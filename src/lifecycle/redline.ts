/**
 * The redline for reviewers: the new version rendered as the publication (the
 * build's render stage and template) with insertions and deletions marked, as
 * HTML and printed to PDF with Chromium. After the imprint comes the summary of
 * changes, then every chapter as merged by `merge.ts`.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
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
 */
export async function redlinePublicationHtml(
  before: Project,
  after: Project,
  report: ChangeReport,
): Promise<{ print: string; screen: string }> {
  // Loaded on demand: the report alone needs neither citation formatting nor the template.
  const stages = await import('../render/stages.js');
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
export async function printRedlinePdf(html: string): Promise<Uint8Array> {
  const { printPdf } = await import('../render/pdf.js');
  return (await printPdf({ html, allowDirs: [], paged: true })).pdf;
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
  const written: string[] = [];
  if (outputs.html) {
    atomicWrite(outputs.html, publication.screen);
    written.push(outputs.html);
  }
  if (outputs.pdf) {
    atomicWrite(outputs.pdf, await printRedlinePdf(publication.print));
    written.push(outputs.pdf);
  }
  return written;
}
