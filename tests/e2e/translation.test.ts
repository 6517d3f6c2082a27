/**
 * End-to-end translation hand-off with the real CLI on a copy of the shipped
 * manuscript: lock it, change one sentence and see `lock --verify` name exactly
 * that segment; export XLIFF for Russian, translate a few segments, import,
 * check --lang ru and build --lang ru, then find the Cyrillic text and the
 * localised headings in the PDF's text. One PDF is rendered for the whole file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyShipped, fillTargets } from '../helpers/translation.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/flagship.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CI: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface LockJson {
  files: Array<{
    path: string;
    segments?: Array<{ id: string; kind: string; line: number; text: string }>;
  }>;
}

let root: string;
beforeAll(() => {
  root = copyShipped();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('translation hand-off (CLI, shipped manuscript)', () => {
  let lock: LockJson;

  it('locks the shipped manuscript and verifies it', () => {
    const locked = run(['lock'], root);
    expect(locked.stderr).toBe('');
    expect(locked.code).toBe(0);
    expect(locked.stdout).toMatch(
      /^locked \d+ segments in \d+ files \(version [\d.]+, \w+ draft\) in manuscript\/translation\.lock\.json/,
    );
    lock = JSON.parse(
      readFileSync(path.join(root, 'manuscript/translation.lock.json'), 'utf8'),
    ) as LockJson;
    const verify = run(['lock', '--verify'], root);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/the source matches the lock/);
    // Locking an unchanged source again leaves the lock (and its date) alone.
    const before = readFileSync(path.join(root, 'manuscript/translation.lock.json'), 'utf8');
    const again = run(['lock'], root);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^the source is already locked as it is/);
    expect(readFileSync(path.join(root, 'manuscript/translation.lock.json'), 'utf8')).toBe(before);
  });

  it('names exactly the changed segment when one sentence changes, in json, github and pretty', () => {
    const intro = lock.files.find((f) => f.path === '01-introduction.md')!;
    const para = intro.segments!.find((s) => s.kind === 'paragraph')!;
    const file = path.join(root, 'manuscript/01-introduction.md');
    const original = readFileSync(file, 'utf8');
    const lines = original.split('\n');
    lines[para.line - 1] = `In short, ${lines[para.line - 1]}`;
    writeFileSync(file, lines.join('\n'));

    const json = run(['lock', '--verify', '--format', 'json'], root);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout) as {
      ok: boolean;
      changes: Array<Record<string, unknown>>;
    };
    expect(result.ok).toBe(false);
    expect(result.changes).toEqual([
      expect.objectContaining({
        type: 'changed',
        file: 'manuscript/01-introduction.md',
        line: para.line,
        oldId: para.id,
        kind: 'paragraph',
        old: para.text,
        new: `In short, ${para.text}`,
      }),
    ]);

    const github = run(['lock', '--verify', '--format', 'github'], root);
    expect(github.code).toBe(1);
    expect(github.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error file=manuscript/01-introduction\\.md,line=${para.line},title=translation lock%3A changed::paragraph changed`,
        ),
      ),
    ]);
    const pretty = run(['lock', '--verify'], root);
    expect(pretty.stdout).toContain(`manuscript/01-introduction.md:${para.line} changed paragraph`);
    expect(pretty.stdout).toContain(`+ In short, ${para.text.slice(0, 40)}`);

    // The source moved: no export until it is locked again.
    const refused = run(['xliff', 'export', '--lang', 'ru', '--out', 'xliff-refused'], root);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not exported: the source moved since the lock/);

    writeFileSync(file, original);
    expect(run(['lock', '--verify'], root).code).toBe(0);
  });

  it('refuses a lock edited by hand with one line and exit 2', () => {
    const lockFile = path.join(root, 'manuscript/translation.lock.json');
    const text = readFileSync(lockFile, 'utf8');
    writeFileSync(lockFile, text.replace(/"version": "([\d.]+)"/, '"version": "9.9.9"'));
    const r = run(['lock', '--verify'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^flagship: the translation lock manuscript\/translation\.lock\.json was edited by hand or damaged/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    writeFileSync(lockFile, text);
  });

  it('exports XLIFF, imports a partial Russian translation, checks and builds the Russian edition', () => {
    const exported = run(['xliff', 'export', '--lang', 'ru', '--out', 'xliff'], root);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const files = readdirSync(path.join(root, 'xliff')).sort();
    expect(files).toContain('01-introduction.ru.xlf');
    const lint = spawnSync(
      'xmllint',
      ['--noout', ...files.map((f) => path.join(root, 'xliff', f))],
      {
        encoding: 'utf8',
      },
    );
    expect(lint.status).toBe(0);

    // Translate: every chapter title (mandated Russian titles when manuscript.yaml has them),
    // and the first paragraph of chapter 1 with its codes kept.
    const yaml = parseYaml(readFileSync(path.join(root, 'manuscript/manuscript.yaml'), 'utf8')) as {
      toc: Array<{ id: string; title: string; titles?: Record<string, string> }>;
    };
    const fallback = [
      'Введение',
      'Города в регионе ЕЭК ООН',
      'Инновации',
      'Городское планирование',
      'Управление',
      'Выводы',
    ];
    const titles = new Map(
      yaml.toc.map((e, i) => [e.title, e.titles?.ru ?? fallback[i] ?? 'Глава']),
    );
    const SENTENCE = 'Умные устойчивые города улучшают качество жизни людей всех возрастов';
    let codesKept: string[] = [];
    for (const name of files) {
      const file = path.join(root, 'xliff', name);
      let firstParagraph = name === '01-introduction.ru.xlf';
      writeFileSync(
        file,
        fillTargets(readFileSync(file, 'utf8'), (_id, source) => {
          const title = titles.get(source);
          if (title) return { target: title, state: 'reviewed' };
          if (firstParagraph && !source.includes('\n') && source.length > 80) {
            firstParagraph = false;
            const codes = source.match(/<ph [^>]*\/>/g) ?? [];
            codesKept = codes.map((c) =>
              /disp="([^"]*)"/
                .exec(c)![1]!
                .replace(/&quot;/g, '"')
                .replace(/&amp;/g, '&')
                .replace(/&lt;/g, '<'),
            );
            return { target: `${SENTENCE} ${codes.join(' ')}.` };
          }
          return undefined;
        }),
      );
    }
    const imported = run(['xliff', 'import', ...files.map((f) => `xliff/${f}`)], root);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      new RegExp(
        `✔ ${yaml.toc.length + 1} segment\\(s\\) imported, \\d+ untranslated, 0 error\\(s\\)`,
      ),
    );
    expect(imported.stdout).toMatch(/untranslated/);
    const ruIntro = readFileSync(path.join(root, 'manuscript/ru/01-introduction.md'), 'utf8');
    expect(ruIntro).toContain(SENTENCE);
    expect(ruIntro).toContain(`# ${titles.get(yaml.toc[0]!.title)}`);
    for (const code of codesKept) expect(ruIntro).toContain(code);

    const checked = run(['check', '--lang', 'ru', '--format', 'json'], root);
    const report = JSON.parse(checked.stdout) as {
      diagnostics: Array<{ rule: string; file: string }>;
    };
    const rules = new Set(report.diagnostics.map((d) => d.rule));
    expect(rules.has('translation-untranslated')).toBe(true);
    expect(rules.has('translation-structure')).toBe(false);
    expect(rules.has('translation-missing-chapter')).toBe(false);
    expect(report.diagnostics.some((d) => d.file.startsWith('manuscript/ru/'))).toBe(true);

    const built = run(['build', '--lang', 'ru', '--force', '--out', 'dist/ru.pdf'], root);
    expect(built.stderr).not.toMatch(/internal error/);
    expect(built.code).toBe(0);
    const pdf = path.join(root, 'dist/ru.pdf');
    // the build hyphenates running text with soft hyphens (render/hyphenate.ts): read words whole
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
      .stdout.replace(/\u00ad/g, '')
      .replace(/(\p{L})[-\u2010]\n(\p{L})/gu, '$1$2');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(SENTENCE);
    expect(flat).toContain(titles.get(yaml.toc[0]!.title)!);
    expect(flat).toContain('Содержание');
    expect(flat).toContain('Библиография');
    expect(flat).toMatch(/Вставка \d+\.\d+/);
    expect(text.replace(/\s+/g, '')).toContain('ГЛАВА1');
    expect(flat).not.toContain('Contents');
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(readFileSync(pdf).toString('latin1')).toMatch(/\/Lang \(ru\)/);
    // The Russian edition has its own record; the source edition's build.json is not touched.
    expect(existsSync(path.join(root, 'dist/build.json'))).toBe(false);
    const record = JSON.parse(readFileSync(path.join(root, 'dist/build.ru.json'), 'utf8')) as {
      language: string;
      sources: Record<string, string>;
    };
    expect(record.language).toBe('ru');
    expect(Object.keys(record.sources)).toContain('manuscript/ru/01-introduction.md');
  });
});
