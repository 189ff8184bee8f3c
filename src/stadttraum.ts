/**
 * The one script a webmaster pastes: `<script type="module" async src=".../stadttraum.js">`.
 * It defines nothing itself; it watches the page and loads a widget's chunk only when that
 * widget's tag appears (also later, e.g. in a CMS's tabs). Chunks resolve against this
 * module's own URL, never the page's.
 *
 * Speed on small feeds is a matter of round trips, so when it sees a tag it asks for the
 * widget's whole static import graph at once (`modulepreload`, from the table the build writes),
 * and once the tag is near the viewport (or `eager`) it starts the feed request (`prime`, adopted
 * by the widget's first read), the format adapter the tag names, and for a map whose consent is
 * already given the Leaflet chunk, all in parallel with the code.
 */
import { consent } from './core/consent.js';
import { prime } from './core/prime.js';
import { VERSION } from './core/version.js';
import { widgets } from './widgets.js';

/**
 * Written in by the build (scripts/preload-graph.mjs): `f` the chunk names (`chunks/<name>.js`),
 * per tag `m` the indices of its whole static import graph but the entry chunk (its import() asks
 * for that), `f` per format what the adapter adds, `c` what a map with consent adds (Leaflet).
 * Absent when the sources run unbuilt (tests): then only the feed is primed.
 */
interface PreloadTable {
  f: string[];
  t: Record<string, { m: number[]; f?: Record<string, number[]>; c?: number[] }>;
}
const table = (globalThis as { __ST_PRELOAD__?: PreloadTable }).__ST_PRELOAD__;

/** Formats read by POST (GraphQL): the adapter builds the body, so the widget asks itself. */
const byPost = /^(decidim|consul)$/;

const tags = Object.keys(widgets);
const selector = tags.join(',');
const requested = new Set<string>();
const seen = new WeakSet<Element>();
let observer: IntersectionObserver | undefined;

function preload(files: number[] = []) {
  for (const i of files) {
    // createElement, not markup: safe under a strict CSP with Trusted Types. A chunk two widgets
    // share may get two links: the browser's module map fetches it once.
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(`chunks/${table!.f[i]}.js`, import.meta.url).href;
    document.head.append(link);
  }
}

function load(tag: string) {
  if (requested.has(tag)) return;
  requested.add(tag);
  widgets[tag as keyof typeof widgets]().catch((error) => {
    requested.delete(tag);
    // In the page's language (a console line for the webmaster). The tag's own `lang`, as widgets
    // read it, cost 10 more bytes than the loader's 2 KB budget had.
    const en = /^en/i.test(document.documentElement.lang);
    console.warn(`[stadttraum] <${tag}> ${en ? 'not loaded (content stays)' : 'nicht geladen (Inhalt bleibt)'}`, error);
  });
  preload(table?.t[tag]?.m);
}

/** The tag is near the viewport (or eager): what its first render needs besides code starts now. */
function near(el: Element) {
  const tag = el.localName;
  const entry = table?.t[tag];
  // Feed attributes (`partners-src`: the Ehrenamtskarte's partners); the format is named alike.
  for (const attr of ['src', 'partners-src']) {
    const src = el.getAttribute(attr);
    if (!src) continue;
    const format = el.getAttribute(attr.replace(/src$/, 'format')) ?? (/csv/i.test(src) ? 'csv' : ''); // a spreadsheet export, probably
    preload(entry?.f?.[format]);
    // The same URL and options the widget will use (request.ts), so it adopts this request.
    // A bad URL or `credentials` value fails here and in the widget alike; the widget says so.
    if (!byPost.test(format)) {
      try {
        prime(new URL(src, location.href).href, (el.getAttribute('credentials') ?? 'omit') as RequestCredentials);
      } catch {
        // not a URL
      }
    }
  }
  if (entry?.c && el.getAttribute('view') != 'list' && (el.getAttribute('consent') == 'granted' || consent().has('map'))) preload(entry.c);
}

function watch(el: Element) {
  if (seen.has(el) || customElements.get(el.localName)) return; // defined widgets read on their own
  seen.add(el);
  load(el.localName);
  // Already near the viewport (the usual case at page load): no waiting for the observer's first
  // callback, a frame later. Hidden tags (display: none) have no boxes and wait like the widget.
  // `eager` first: it needs no layout, which getBoundingClientRect() would force.
  if (el.hasAttribute('eager')) return near(el);
  const box = el.getBoundingClientRect();
  if (el.getClientRects().length && box.top < innerHeight + 300 && box.bottom > -300) return near(el);
  // The same margin as the widgets' own observer (core/visibility.ts): nothing is read earlier.
  // (Every browser that runs module scripts has IntersectionObserver.)
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        observer!.unobserve(e.target);
        near(e.target);
      }
    },
    { rootMargin: '300px' },
  );
  observer.observe(el);
}

function scan(root: ParentNode) {
  if (root instanceof Element && tags.includes(root.localName)) watch(root);
  root.querySelectorAll(selector).forEach(watch);
}

if (typeof document !== 'undefined') {
  const ns = (window.stadttraum ??= {});
  ns.version ??= VERSION;
  consent(); // the consent API exists before any widget, for consent managers
  scan(document);
  new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach((n) => n instanceof Element && scan(n));
  }).observe(document.documentElement, { childList: true, subtree: true });
}

// Types for `import 'stadttraum/stadttraum.js'`: the tags it loads (HTMLElementTagNameMap entries)
// and `window.stadttraum`. Type-only, erased from the script: nothing more is loaded at run time.
export type * from './idea-wall/idea-wall.js';
export type * from './mitfahrbank-map/mitfahrbank-map.js';
export type * from './ehrenamt-card/ehrenamt-card.js';
export type * from './partner-logos/partner-logos.js';
export type { ConsentApi, ConsentPurpose } from './core/consent.js';
