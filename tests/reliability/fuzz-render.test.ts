/**
 * Fuzzing the cite and render stages (citation-js formatting, Markdown -> HTML,
 * raw HTML parsing and sanitizing) on generated and mutated projects, without a
 * browser: rendering never throws, and the HTML that would be printed holds
 * nothing that runs or fetches: no script, no event handler, no javascript: or
 * remote URL, no embedded frame or object, images only as data: URLs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { UsageError } from '../../src/core/errors.js';
import { renderStage } from '../../src/render/stages.js';
import { projectFrom, markdownText } from './arbitraries.js';
import { fixtureFiles, fuzzCheck, fuzzRuns } from './fuzz-support.js';

const HOSTILE_TAGS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'base']);
const FETCHING = new Set(['src', 'srcSet', 'poster', 'data', 'background', 'xLinkHref']);

/** What in printed HTML could run or fetch; the templates' own head is allowed. */
export function unsafeInHtml(html: string): string[] {
  const problems: string[] = [];
  const tree = fromHtml(html);
  visit(tree, 'element', (el: Element) => {
    const tag = el.tagName;
    if (HOSTILE_TAGS.has(tag)) problems.push(`<${tag}>`);
    if (tag === 'link' && !/^(data:|[^:]*$)/.test(String(el.properties.href ?? '')))
      problems.push(`<link href=${String(el.properties.href)}>`);
    for (const [name, value] of Object.entries(el.properties ?? {})) {
      const text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
      if (/^on/i.test(name)) problems.push(`${name} on <${tag}>`);
      if (/^\s*(javascript|vbscript)\s*:/i.test(text)) problems.push(`${name}=${text}`);
      if (FETCHING.has(name) && !/^\s*data:/i.test(text))
        problems.push(`${name}=${text} on <${tag}>`);
      if (name === 'style' && /url\(\s*['"]?\s*(?!data:)[a-z]+:/i.test(text))
        problems.push(`style=${text}`);
    }
  });
  return problems;
}

describe('fuzz: cite and render stages', () => {
  it('the printed HTML of the valid fixture is clean (the check below can pass)', async () => {
    // Sanity check of the property on a known input, so it cannot pass vacuously.
    expect(unsafeInHtml('<p><img src="x.png" onerror="y()"><script>1</script></p>')).toEqual([
      'src=x.png on <img>',
      'onError on <img>',
      '<script>',
    ]);
  });

  it('renders any project to HTML without throwing and without anything that runs or fetches', async () => {
    const base = fixtureFiles();
    // Hostile tokens weigh more here: chapters are rich in pasted HTML.
    const files = fc
      .tuple(
        projectFrom(base),
        fc.array(
          fc.constantFrom(
            '<script>alert(1)</script>',
            '<img src="https://x.test/a.png" onerror="x()">',
            '<iframe src="https://x.test"></iframe>',
            '<a href="javascript:alert(1)">x</a>',
            '[x](javascript:alert(1))',
            '![x](https://x.test/a.png)',
            '![x](file:///etc/passwd)',
            '<div style="background:url(https://x.test/b.png)">x</div>',
            '<svg><script>alert(1)</script></svg>',
            '<object data="https://x.test/o"></object>',
            '<base href="https://x.test/">',
            '<link rel="stylesheet" href="https://x.test/s.css">',
          ),
          { maxLength: 6 },
        ),
        markdownText,
      )
      .map(([project, hostile, text]) => ({
        ...project,
        'manuscript/03-extra.md': `---\nid: extra\n---\n# Extra\n\n${hostile.join('\n\n')}\n\n${text}\n\n${hostile.join(' ')}\n`,
      }));
    const report = await fuzzCheck('render', files, {
      runs: fuzzRuns(40),
      extra: (result) => {
        let rendered: ReturnType<typeof renderStage>;
        try {
          rendered = renderStage({
            project: result.project,
            stage: result.stage,
            lang: 'en',
            values: {},
            stamp: '',
          });
        } catch (error) {
          // A clear one-line refusal (e.g. a `csl:` style that does not exist) is not a crash.
          if (error instanceof UsageError) return;
          throw error;
        }
        const problems = unsafeInHtml(rendered.print);
        if (problems.length > 0) throw new Error(`unsafe HTML printed: ${problems.join('; ')}`);
      },
    });
    expect(report.failed).toBe(false);
  });
});
