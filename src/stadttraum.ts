/**
 * The one script a webmaster pastes: `<script type="module" src=".../stadttraum.js">`.
 * It defines nothing itself; it watches the page and loads a widget's chunk only when that
 * widget's tag appears (also later, e.g. in a CMS's tabs). Chunks resolve against this
 * module's own URL, never the page's.
 */
import { consent } from './core/consent.js';
import { VERSION } from './core/version.js';
import { widgets as registry } from './widgets.js';

const widgets: Record<string, () => Promise<unknown>> = Object.fromEntries(registry.map((w) => [w.tag, w.load]));
const tags = Object.keys(widgets);
const selector = tags.join(',');
const requested = new Set<string>();

function load(tag: string) {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  widgets[tag]().catch((error) => {
    requested.delete(tag);
    console.warn(`[stadttraum] <${tag}> konnte nicht geladen werden; der Inhalt im Tag bleibt sichtbar.`, error);
  });
}

function scan(root: ParentNode) {
  if (root instanceof Element && tags.includes(root.localName)) load(root.localName);
  root.querySelectorAll(selector).forEach((el) => load(el.localName));
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
