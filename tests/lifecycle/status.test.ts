// flagship status: every column of the completeness matrix, the blockers per draft, due dates, formats.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeStatus, type StatusReport, type StatusRow } from '../../src/lifecycle/status.js';
import { formatStatus } from '../../src/lifecycle/status-format.js';
import { inventory } from '../../src/lifecycle/inventory.js';
import { parseMarkdownTree } from '../../src/core/parse.js';
import { VFile } from 'vfile';
import { copyFixture, edit, flagship, remove, write } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = copyFixture();
});
afterEach(() => remove(dir));

const status = (options: { draft?: string; today?: string } = {}) =>
  computeStatus({ cwd: dir, manuscript: 'manuscript', today: '2020-01-20', ...options });
const row = (report: StatusReport, id: string): StatusRow => {
  const found = report.rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};

function inv(markdown: string) {
  const file = new VFile({ path: 'x.md', value: markdown });
  return inventory(
    parseMarkdownTree({ path: 'x.md', file, text: markdown, sha256: '', readable: true }),
  );
}

describe('inventory of a chapter', () => {
  it('counts words of the text, boxes included, without code, comments or front matter', () => {
    const counted = inv(
      '---\nid: x\n---\n# Two words\n\nOne two three.:comment[not counted at all]{by="A"}\n\n```\ncode is not counted\n```\n\n:::good-practice{title="T"}\nFour five.\n:::\n',
    );
    expect(counted.words).toBe(7);
  });
  it('counts citation items, distinct keys, footnotes, figures, tables, TODOs and comments', () => {
    const counted = inv(
      [
        '# T',
        '',
        'See [@a; @b, p. 4] and @a. TODO write. TBD too.[^n]',
        '',
        '[^n]: A note.',
        '',
        ':::figure{#fig:x}',
        'Caption',
        ':::',
        '',
        ':::table{#tbl:y}',
        'Caption',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
        ':::',
        '',
        '| c |',
        '|---|',
        '| 3 |',
        '',
        'x:comment[open]{by="A"} y:comment[done]{by="B" resolved}',
      ].join('\n'),
    );
    expect(counted.citations).toBe(3);
    expect(counted.citedKeys).toEqual(['a', 'b']);
    expect(counted.footnotes).toBe(1);
    expect(counted.figures).toBe(1);
    expect(counted.tables).toBe(2); // the :::table and a bare GFM table; the table inside :::table is not counted twice
    expect(counted.todos).toBe(2);
    expect(counted.comments).toBe(2);
    expect(counted.openComments).toBe(1);
    expect(counted.elements).toEqual({ figure: 1, table: 1 });
  });
});

describe('computeStatus', () => {
  it('has one row per mandated chapter with each column', async () => {
    const report = await status();
    expect(report.rows.map((r) => [r.order, r.id, r.state])).toEqual([
      [1, 'introduction', 'present'],
      [2, 'governance', 'present'],
      [3, 'conclusions', 'present'],
    ]);
    const intro = row(report, 'introduction').inventory!;
    expect(intro.elements).toMatchObject({
      'good-practice': 1,
      'unece-support': 1,
      recommendations: 1,
    });
    expect(intro.citations).toBe(4);
    expect(intro.footnotes).toBe(1);
    expect(intro.todos).toBe(1);
    expect([intro.openComments, intro.comments]).toEqual([1, 1]);
    const gov = row(report, 'governance').inventory!;
    expect(gov.elements['unece-support'] ?? 0).toBe(0);
    expect([gov.figures, gov.tables]).toEqual([1, 1]);
    expect([gov.openComments, gov.comments]).toEqual([1, 2]);
    expect(row(report, 'conclusions').required).toEqual(['recommendations']);
    expect(row(report, 'conclusions').inventory!.todos).toBe(1);
    expect(report.totals.words).toBe(
      report.rows.reduce((n, r) => n + (r.inventory?.words ?? 0), 0),
    );
  });

  it('counts words as they are written', async () => {
    const before = row(await status(), 'conclusions').inventory!.words;
    edit(
      dir,
      'manuscript/03-conclusions.md',
      ':::recommendations',
      'Five more words are here.\n\n:::recommendations',
    );
    expect(row(await status(), 'conclusions').inventory!.words).toBe(before + 5);
  });

  it('reports what blocks each draft: nothing in the first, the missing box in the second, markers in the final', async () => {
    const first = await status({ draft: 'first' });
    expect(first.ready).toBe(true);
    expect(first.rows.every((r) => r.blockers.length === 0 && r.ready)).toBe(true);
    const second = await status({ draft: 'second' });
    expect(second.ready).toBe(false);
    expect(row(second, 'governance').blockers.map((b) => b.rule)).toEqual(['element-missing']);
    expect(row(second, 'governance').ready).toBe(false);
    expect(row(second, 'introduction').ready).toBe(true);
    expect(row(second, 'introduction').warnings).toBe(2); // TODO and open comment are warnings in a second draft
    const final = await status({ draft: 'final' });
    expect(row(final, 'introduction').blockers.map((b) => b.rule)).toEqual([
      'draft-marker',
      'draft-marker',
    ]);
    expect(row(final, 'conclusions').blockers.map((b) => b.rule)).toEqual(['draft-marker']);
    expect(final.totals.blockers).toBe(5);
  });

  it('shows a mandated chapter without a file as missing, and a chapter outside the mandate', async () => {
    remove(path.join(dir, 'manuscript/03-conclusions.md'));
    write(dir, 'manuscript/04-extra.md', '---\nid: extra\n---\n# Extra\n\nText.\n');
    const report = await status();
    const missing = row(report, 'conclusions');
    expect(missing.state).toBe('missing');
    expect(missing.file).toBeUndefined();
    expect(missing.blockers.map((b) => b.rule)).toEqual(['toc-missing-chapter']);
    const extra = row(report, 'extra');
    expect(extra.state).toBe('unexpected');
    expect(extra.blockers.map((b) => b.rule)).toContain('toc-unexpected-chapter');
    expect(formatStatus(report, 'pretty')).toMatch(/conclusions .*missing: no chapter file/);
  });

  it('lists blockers outside the chapters (manuscript.yaml, bibliography) separately', async () => {
    edit(
      dir,
      'manuscript/manuscript.yaml',
      'bibliography: ../references.bib',
      'bibliography: ../nowhere.bib',
    );
    const report = await status();
    expect(report.general.map((g) => [g.file, g.rule])).toEqual([
      ['manuscript/manuscript.yaml', 'bib-missing'],
    ]);
    expect(formatStatus(report, 'pretty')).toContain(
      'manuscript/manuscript.yaml\n    10: bib-missing',
    );
  });

  it('counts days left to each due date, or days overdue', async () => {
    const early = await status({ today: '2020-01-20' });
    expect(early.dues).toEqual([
      { stage: 'first', due: '2020-01-31', daysLeft: 11 },
      { stage: 'second', due: '2020-04-30', daysLeft: 101 },
      { stage: 'final', due: '2020-06-30', daysLeft: 162 },
    ]);
    const late = await status({ today: '2020-02-05' });
    expect(late.dues[0]!.daysLeft).toBe(-5);
    const text = formatStatus(late, 'pretty');
    expect(text).toContain('first 2020-01-31 (overdue by 5 days)');
    expect(text).toContain('second 2020-04-30 (85 days left)');
    expect(formatStatus(await status({ today: '2020-01-31' }), 'pretty')).toContain(
      '2020-01-31 (due today)',
    );
    await expect(status({ today: '31/01/2020' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('status output', () => {
  it('markdown: a GitHub table with every column and the blockers', async () => {
    const text = formatStatus(await status({ draft: 'second' }), 'markdown');
    expect(text).toContain(
      '| # | chapter | good-practice | unece-support | recommendations | words | citations | footnotes | figures | tables | TODOs | comments | blocks second draft |',
    );
    expect(text).toMatch(
      /\| 01 \| introduction \| 1 \| 1 \| 1 \| \d+ \| 4 \| 1 \| 0 \| 0 \| 1 \| 1 open \/ 1 \| ready \|/,
    );
    expect(text).toMatch(
      /\| 02 \| governance \| 1 \| 0 \| 1 \| \d+ \| 4 \| 0 \| 1 \| 1 \| 0 \| 1 open \/ 2 \| element-missing \|/,
    );
    expect(text).toMatch(/\| 03 \| conclusions \| n\/a \| n\/a \| 1 \|/);
    expect(text).toContain('### What blocks the second draft');
    expect(text).toContain('Not ready for the second draft: 1 error');
  });

  it('json: the whole report', async () => {
    const json = JSON.parse(formatStatus(await status(), 'json')) as StatusReport;
    expect(json.draft).toBe('first');
    expect(json.rows).toHaveLength(3);
    expect(json.rows[1]!.inventory!.figures).toBe(1);
  });

  it('the CLI prints each format and exits 0 even when the draft is not ready', () => {
    const pretty = flagship(dir, 'status', '--draft', 'second', '--today', '2020-01-20');
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toMatch(/^#\s+chapter\s+good-practice/m);
    expect(pretty.stdout).toContain('What blocks the second draft:');
    const md = flagship(dir, 'status', '--format', 'markdown', '--today', '2020-01-20');
    expect(md.stdout).toMatch(/^## ✅ /);
    const json = flagship(dir, 'status', '--format', 'json', '--today', '2020-01-20');
    expect(JSON.parse(json.stdout).today).toBe('2020-01-20');
    expect(flagship(dir, 'status', '--draft', 'third').code).toBe(2);
  });
});
