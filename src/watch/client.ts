/**
 * What `flagship watch` adds to every page it serves: a script that listens to
 * the server's events (Server-Sent Events) to reload the page after a rebuild,
 * keeping the scroll position, and an overlay listing the diagnostics of the
 * last check, with a button that renders the PDF on demand.
 */
import type { Diagnostic } from '../core/types.js';

/** URL prefix of the server's own endpoints (never a manuscript path). */
export const PREFIX = '/__flagship';

const STYLE = `
#flagship-overlay{position:fixed;right:12px;bottom:12px;z-index:2147483647;max-width:min(44rem,92vw);max-height:45vh;overflow:auto;
 font:13px/1.4 system-ui,sans-serif;background:#fff;color:#1a1a1a;border:1px solid #bbb;border-radius:6px;box-shadow:0 2px 12px #0003}
#flagship-overlay header{display:flex;gap:.6em;align-items:center;padding:.4em .7em;background:#f3f3f3;position:sticky;top:0}
#flagship-overlay header b{flex:1}
#flagship-overlay button{font:inherit;cursor:pointer}
#flagship-overlay ol{margin:0;padding:.3em .7em .5em 2.2em}
#flagship-overlay li{margin:.25em 0}
#flagship-overlay .error{color:#b00020}#flagship-overlay .warning{color:#8a5a00}#flagship-overlay .info{color:#1d4ed8}
#flagship-overlay code{font-size:12px;color:#555}
#flagship-overlay.collapsed ol{display:none}
@media print{#flagship-overlay{display:none}}`;

function script(): string {
  return `(() => {
  const P = ${JSON.stringify(PREFIX)};
  const key = 'flagship-scroll:' + location.pathname;
  const y = sessionStorage.getItem(key);
  if (y !== null) { sessionStorage.removeItem(key); addEventListener('load', () => scrollTo(0, Number(y))); }
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  let box;
  function overlay(state) {
    if (!box) { box = document.createElement('aside'); box.id = 'flagship-overlay'; document.body.appendChild(box); }
    const d = state.diagnostics || [];
    const shown = d.filter((x) => x.severity !== 'info');
    const s = state.summary || { errors: 0, warnings: 0, infos: 0 };
    const status = state.building ? 'rebuilding…' : state.error ? 'build failed: ' + esc(state.error)
      : s.errors + ' errors, ' + s.warnings + ' warnings, ' + s.infos + ' info (' + esc(state.stage || '') + ' draft)';
    box.className = shown.length || state.error ? '' : 'collapsed';
    box.innerHTML = '<header><b>flagship watch: ' + status + '</b>' +
      '<button type="button" data-pdf>PDF</button><button type="button" data-toggle>–</button></header><ol>' +
      shown.map((x) => '<li class="' + x.severity + '"><code>' + esc(x.file) + ':' + x.line + ':' + x.column +
        '</code> ' + esc(x.message) + ' <code>' + esc(x.rule) + '</code></li>').join('') + '</ol>';
    box.querySelector('[data-toggle]').onclick = () => box.classList.toggle('collapsed');
    box.querySelector('[data-pdf]').onclick = async (e) => {
      e.target.textContent = 'PDF…';
      const r = await fetch(P + '/pdf', { method: 'POST' });
      e.target.textContent = 'PDF';
      if (r.ok) open(P + '/pdf', '_blank'); else alert(await r.text());
    };
  }
  addEventListener('DOMContentLoaded', () => fetch(P + '/state').then((r) => r.json()).then(overlay));
  const events = new EventSource(P + '/events');
  events.addEventListener('building', () => overlay({ building: true }));
  events.addEventListener('state', (e) => overlay(JSON.parse(e.data)));
  events.addEventListener('reload', () => { sessionStorage.setItem(key, String(scrollY)); location.reload(); });
})();`;
}

/** The tags injected before `</head>` (or at the start) of every served HTML page. */
export function clientTags(): string {
  return `<style id="flagship-watch-style">${STYLE}</style><script id="flagship-watch">${script()}</script>`;
}

/**
 * A served copy of a page: the client added and any Content-Security-Policy
 * meta removed (a local preview runs flagship's script; the built file keeps its CSP).
 */
export function injectClient(html: string): string {
  const cleaned = html.replace(
    /<meta[^>]+http-equiv=["']?content-security-policy["']?[^>]*>/gi,
    '',
  );
  const tags = clientTags();
  const head = cleaned.search(/<\/head>/i);
  if (head >= 0) return cleaned.slice(0, head) + tags + cleaned.slice(head);
  return tags + cleaned;
}

/** The page served while there is no HTML edition yet (or the build failed). */
export function placeholderPage(title: string, diagnostics: Diagnostic[], note: string): string {
  const esc = (s: string) =>
    s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} – flagship watch</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem">
<h1>${esc(title)}</h1><p>${esc(note)}</p><p>${diagnostics.length} diagnostics.</p></body></html>`;
}
