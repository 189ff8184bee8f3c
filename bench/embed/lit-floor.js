// The least Lit widget (bench/first-content.mjs, "least Lit widget" column): what any widget on
// this project's stack pays before its first content, without our core or loader. One LitElement
// with a shadow root that fetches its feed (`fetch` + `response.json()`), keeps it as state and
// renders it with Lit templates; each widget's module (lit-<tag>.js) adds its view and styles.
// Bundled per widget by rollup at bench-build time, with `lit` from node_modules, minified like
// our build. `bench-labels` is the widget's German string table, written at bench-build time
// from src/ (a widget carries its strings too).
import { LitElement, html, nothing } from 'lit';

export { html, nothing };
export { repeat } from 'lit/directives/repeat.js';
export { default as labels } from 'bench-labels';

/** A feed text: plain, or `{ de, en }`. */
export const de = (v) => (v && typeof v === 'object' ? (v.de ?? Object.values(v)[0]) : v) ?? '';

const plurals = new Intl.PluralRules('de');
/** `table[key]` with `{name}` filled in; with `count`, its German plural form (`key_one`, `key_other`). */
export const tr = (table, key, vars = {}) => {
  const s = ('count' in vars && table[`${key}_${plurals.select(vars.count)}`]) || table[`${key}_other`] || table[key] || key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
};

/** Only http(s) and relative URLs become links or images (feed content is never trusted). */
export const safeUrl = (u, base) => {
  try {
    const url = new URL(u, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
};

const months = 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(' ');
/** "12. März 2025" without an Intl formatter (a page's first one loads ICU's locale data). */
export const longDate = (v) => {
  const d = new Date(v);
  return Number.isNaN(+d) ? String(v) : `${d.getDate()}. ${months[d.getMonth()]} ${d.getFullYear()}`;
};
/** "1.–30. Juni 2025", "1. Juni – 31. Juli 2025", as `formatRange` writes them. */
export const longRange = (a, b) => {
  const [x, y] = [new Date(a), new Date(b)];
  if (x.getFullYear() !== y.getFullYear()) return `${longDate(x)} – ${longDate(y)}`;
  if (x.getMonth() !== y.getMonth()) return `${x.getDate()}. ${months[x.getMonth()]} – ${longDate(y)}`;
  return x.getDate() === y.getDate() ? longDate(y) : `${x.getDate()}.–${longDate(y)}`;
};

export class FeedWidget extends LitElement {
  static properties = { src: {}, data: { state: true }, failed: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    if (this.data || !this.src) return;
    // The two-step page's loader started the feed already (window.__feed), as our loader does.
    (window.__feed ?? fetch(this.src).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))).then(
      (data) => (this.data = data),
      (error) => {
        console.warn(`${this.localName}: feed ${this.src} not read`, error);
        this.failed = true;
      },
    );
  }

  render() {
    if (this.failed) return html`<p role="alert">Die Inhalte konnten nicht geladen werden.</p>`;
    return this.data ? html`<div part="base">${this.view(this.data)}</div>` : nothing;
  }
}
