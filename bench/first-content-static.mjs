// The static pages of the first-content bench (bench/first-content.mjs) for the idea wall, the card
// and the map: the text each widget shows once complete (demo feed, default attributes, German),
// as plain HTML in the same order and structure, so "a static page with the same content" is that.
// Labels come from the widgets' strings files, read at build time (TypeScript → JS with the
// project's own compiler), never copied by hand.
import { build } from 'esbuild';

const root = new URL('../src/', import.meta.url);
const de = (v) => (v && typeof v === 'object' ? (v.de ?? Object.values(v)[0]) : v) ?? '';
export const esc = (s) => String(de(s)).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A module of src/ (TypeScript, with its imports), bundled by esbuild into memory and imported. */
async function load(file) {
  const out = await build({ entryPoints: [new URL(file, root).pathname], bundle: true, format: 'esm', write: false, logLevel: 'error' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].contents).toString('base64')}`);
}

/** The German table of a `defineStrings({ de, en })` export in src/<file>, as a `t(key, vars)`. */
export async function strings(file, name) {
  const mod = await load(file);
  const table = (name ? mod[name] : Object.values(mod).find((v) => v?.de)).de;
  const t = (key, vars = {}) => {
    const plural = 'count' in vars ? `${key}_${new Intl.PluralRules('de').select(vars.count)}` : key;
    const s = table[plural] ?? table[`${key}_other`] ?? table[key];
    if (s === undefined) throw new Error(`bench: no string "${key}" in src/${file}`);
    return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  };
  return t;
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

/** `<idea-wall src>` complete: header, status summary, toolbar, count, all cards newest first. */
export async function wallHtml(d, now = new Date()) {
  const t = await strings('idea-wall/idea-wall.strings.ts');
  const { clampText } = await load('idea-wall/idea-wall.model.ts');
  const { longDate } = await load('idea-wall/long-date.ts');
  const { builtinStatuses, statusIcon } = await load('core/follow-through.ts');
  const date = (v) => longDate({ lang: 'de', date: (x) => x }, v);
  const today = now.toISOString().slice(0, 10);
  const ideas = d.ideas
    .map((i, index) => ({ ...i, index }))
    .sort((a, b) => Date.parse(b.created) - Date.parse(a.created) || a.index - b.index);
  const cats = new Map((d.categories ?? []).map((c) => [c.id, c]));
  const counts = builtinStatuses.map((s) => [s, ideas.filter((i) => i.status === s).length]).filter(([, n]) => n);
  const card = (i) => {
    const steps = [...(i.timeline ?? []), ...(i.answer?.date ? [i.answer] : [])].filter((s) => s.date);
    // The latest dated step; on a tie the timeline's first, as the widget picks it.
    const last = steps.reduce((best, s) => (!best || s.date > best.date ? s : best), undefined);
    const open = !['done', 'declined', 'withdrawn'].includes(i.status);
    const facts = [
      last && [t('asOf', { date: date(last.date) }), clampText(de(last.text), 90)],
      i.responsible && [`${t('responsible')}:`, clampText(de(i.responsible), 90)],
      i.due &&
        open && [
          `${t('due')}:`,
          `${date(i.due)}${i.due.slice(0, 10) < today ? ` <strong><span aria-hidden="true">⚠ </span>${t('overdue')}</strong>` : ''}`,
        ],
    ].filter(Boolean);
    return (
      `<li><p>${i.category ? esc(cats.get(i.category)?.label) : ''} ${i.reference ? esc(t('reference', { ref: i.reference })) : ''}</p>` +
      `<h4>${esc(i.title)}</h4>${i.description ? `<p>${esc(clampText(de(i.description), 240))}</p>` : ''}` +
      (i.progress !== undefined ? `<p>${esc(t('progressValue', { value: Math.round(i.progress) }))}</p>` : '') +
      (facts.length
        ? `<dl>${facts.map(([k, v]) => `<dt>${esc(k)}</dt> <dd>${v.includes('<strong>') ? v : esc(v)}</dd>`).join('')}</dl>`
        : '') +
      `<p>${statusIcon[i.status]} ${esc(t(`status.${i.status}`))}${i.supporters ? ` ${esc(t('supporters', { count: i.supporters }))}` : ''}</p></li>`
    );
  };
  const select = (label, options) =>
    `<label>${esc(label)} <select>${options.map((o) => `<option>${esc(o)}</option>`).join('')}</select></label>`;
  return (
    `<h3>${esc(d.title)}</h3>${d.intro ? `<p>${esc(d.intro)}</p>` : ''}` +
    `<p><button type="button">${esc(t('ideas', { count: ideas.length }))}</button>${counts.map(([s, n]) => ` <button type="button">${statusIcon[s]} ${n} ${esc(t(`status.${s}`))}</button>`).join('')}</p>` +
    `<p><label>${esc(t('search'))} <input type="search"></label> ${select(t('category'), [t('allCategories'), ...(d.categories ?? []).map((c) => c.label)])} ${select(
      t('sort'),
      ['newest', 'support', 'status', 'random'].map((k) => t(`sort.${k}`)),
    )}</p>` +
    `<p>${esc(t('ideas', { count: ideas.length }))}</p><p><a href="#end">${esc(t('skipWall', { count: ideas.length }))}</a></p>` +
    `<ul>${ideas.map(card).join('')}</ul><p id="end">${esc(t('wallEnd'))}</p>`
  );
}
