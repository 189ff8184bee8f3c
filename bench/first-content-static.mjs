// The static pages of the first-content bench (bench/first-content.mjs) for the idea wall, the card
// and the map: the text each widget shows once complete (demo feed, default attributes, German),
// as plain HTML in the same order and structure, so "a static page with the same content" is that.
// Labels come from the widgets' strings files, read at build time (TypeScript → JS with the
// project's own compiler), never copied by hand.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const root = new URL('..', import.meta.url);
const de = (v) => (v && typeof v === 'object' ? (v.de ?? Object.values(v)[0]) : v) ?? '';
export const esc = (s) => String(de(s)).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The German table of a `defineStrings({ de, en })` export in src/<file>, as a `t(key, vars)`. */
export async function strings(file, name) {
  const js = ts.transpileModule(readFileSync(new URL(`src/${file}`, root), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  // defineStrings only types its table; other imports of a strings file are not needed here.
  const body = `const defineStrings = (t) => t;\n${js.replace(/^import .*$/gm, '')}`;
  const mod = await import(`data:text/javascript,${encodeURIComponent(body)}`);
  const table = (name ? mod[name] : Object.values(mod).find((v) => v?.de)).de;
  return (key, vars = {}) => {
    const plural = 'count' in vars ? `${key}_${new Intl.PluralRules('de').select(vars.count)}` : key;
    const s = table[plural] ?? table[`${key}_other`] ?? table[key];
    if (s === undefined) throw new Error(`bench: no string "${key}" in src/${file}`);
    return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  };
}

/** `<mitfahrbank-map src>` without consent: intro, toolbar, count, the consent question, the region's details. */
export async function mapHtml(d) {
  const t = await strings('mitfahrbank-map/mitfahrbank-map.strings.ts');
  const m = await strings('map/st-map.strings.ts');
  const r = d.region ?? {};
  const names = new Map();
  for (const b of d.benches)
    for (const x of b.destinations ?? []) {
      const n = typeof x === 'string' ? x : x.name;
      if (!names.has(n.toLowerCase())) names.set(n.toLowerCase(), n);
    }
  const options = [...names.values()].sort((a, b) => a.localeCompare(b, 'de'));
  const provider = 'tile.openstreetmap.org';
  const details = (summary, body) => `<details><summary>${esc(summary)}</summary>${body}</details>`;
  return (
    `<h3>${esc(r.title)}</h3><p>${esc(r.intro)}</p>` +
    `<p><label for="d">${esc(t('destination'))}</label> <select id="d"><option>${esc(t('allDestinations'))}</option>${options.map((o) => `<option>${esc(o)}</option>`).join('')}</select>` +
    ` <button type="button">${esc(t('nearest'))}</button> <button type="button">${esc(t('viewMap'))}</button> <button type="button">${esc(t('viewList'))}</button></p>` +
    `<p>${esc(t('count', { count: d.benches.length }))}</p>` +
    `<h4>${esc(m('mapConsentTitle'))}</h4><p>${esc(m('mapConsentText', { provider }))}</p>` +
    `<p><label><input type="checkbox">${esc(m('mapConsentRemember'))}</label></p><p><button type="button">${esc(m('mapConsentLoad'))}</button></p>` +
    (r.howToRide ? details(t('regionHow'), `<p>${esc(r.howToRide)}</p>`) : '') +
    (r.drivers ? details(t('regionDrivers'), `<p>${esc(r.drivers)}</p>`) : '') +
    (r.contact
      ? details(
          t('regionContact'),
          `<p>${[r.contact.name, r.contact.phone, r.contact.email, r.contact.url].filter(Boolean).map(esc).join('<br>')}</p>`,
        )
      : '')
  );
}
