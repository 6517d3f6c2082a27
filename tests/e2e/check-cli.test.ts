/**
 * End-to-end: the real `flagship check` binary (built by `npm test`'s pretest)
 * on fixture manuscripts: exit codes, JSON, GitHub annotations, pretty output.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject } from '../helpers/fixture.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/flagship.js');
const roots: string[] = [];

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function project(edits: Parameters<typeof makeProject>[1] = {}) {
  const root = makeProject('valid', edits);
  roots.push(root);
  return root;
}

afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('flagship check (CLI)', () => {
  it('exits 0 on a complete manuscript and says so', () => {
    const r = run(['check'], project());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ 0 errors, 0 warnings, 0 info in 2 chapters (first draft)');
    expect(r.stderr).toBe('');
  });

  it('exits 1 with the contract JSON when the manuscript has errors', () => {
    const root = project({
      'manuscript/02-governance.md': (t) => t.replace(':::recommendations', ':::recomendations'),
    });
    const r = run(['check', '--draft', 'second', '--format', 'json'], root);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(json.draft).toBe('second');
    expect(json.summary.errors).toBe(2);
    expect(json.diagnostics).toContainEqual({
      file: 'manuscript/02-governance.md',
      line: 16,
      column: 1,
      severity: 'error',
      rule: 'directive-unknown',
      message: 'unknown directive `:::recomendations`; did you mean `:::recommendations`?',
      suggestion: 'recommendations',
    });
    expect(json.diagnostics.map((d: { rule: string }) => d.rule)).toContain('element-missing');
  });

  it('uses the draft of manuscript.yaml by default: a warning in the first draft is not an error', () => {
    const root = project({ 'manuscript/02-governance.md': (t) => `${t}\nSee [@nope].\n` });
    expect(run(['check'], root).code).toBe(0);
    expect(run(['check', '--draft', 'final'], root).code).toBe(1);
  });

  it('prints GitHub annotations', () => {
    const root = project({ 'manuscript/02-governance.md': (t) => `${t}\nSee [@nope].\n` });
    const r = run(['check', '--format', 'github', '--draft', 'second'], root);
    expect(r.stdout.split('\n')[0]).toBe(
      '::error file=manuscript/02-governance.md,line=22,col=5,title=citation-unresolved::the citation key `nope` is not in references.bib; add the entry or correct the key.',
    );
  });

  it('works on another directory with --manuscript', () => {
    const root = project();
    const r = run(['check', '--manuscript', path.join(root, 'manuscript')], path.dirname(root));
    expect(r.code).toBe(0);
  });

  it('colours only when forced or on a TTY, and honours NO_COLOR', () => {
    const root = project({ 'manuscript/02-governance.md': (t) => `${t}\nTODO.\n` });
    expect(run(['check'], root).stdout).not.toContain('\u001b[');
    expect(run(['check'], root, { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(run(['check'], root, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain(
      '\u001b[',
    );
  });

  it('exits 2 with one line for a missing directory or a bad option', () => {
    const root = project();
    const missing = run(['check', '--manuscript', 'nowhere'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('nowhere does not exist');
    const bad = run(['check', '--draft', 'fourth'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are first, second, final');
    expect(run(['chekc'], root).code).toBe(2);
  });

  it('reports an invalid manuscript.yaml as config-invalid with its line (exit 1)', () => {
    const root = project({
      'manuscript/manuscript.yaml': (t) => t.replace('draft: first', 'draft: [first'),
    });
    const r = run(['check', '--format', 'json'], root);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).diagnostics[0];
    expect(d.rule).toBe('config-invalid');
    expect(d.file).toBe('manuscript/manuscript.yaml');
    expect(d.line).toBeGreaterThanOrEqual(9);
  });

  it('never prints a stack trace for hostile files', () => {
    const root = project({
      'manuscript/02-governance.md': new Uint8Array([0xff, 0xfe, 0x00, 0x41, 0x0a]),
      'references.bib': '@book{a, title = {unclosed\n@@@@{{{{',
      'manuscript/front/01-foreword.md': '',
    });
    const r = run(['check', '--format', 'json'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\n\s+at /);
    const rules = JSON.parse(r.stdout).diagnostics.map((d: { rule: string }) => d.rule);
    expect(rules).toContain('file-unreadable');
    expect(rules).toContain('bib-parse-error');
  });
});

describe('flagship check (CLI): odd YAML', () => {
  it('prints no Node warning for a list used as a YAML key', () => {
    const root = project({
      'manuscript/01-introduction.md': (t) => t.replace('authors: [Jane Doe]', '? [x]\n: y'),
      'manuscript/manuscript.yaml': (t) => `${t}? [a, b]\n: c\n`,
    });
    const r = run(['check'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('flagship CLI plumbing', () => {
  it('stops quietly when its output pipe closes early (| head)', () => {
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} rules | head -1`], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
