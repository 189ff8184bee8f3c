// The static pages of the first-content bench (bench/first-content.mjs) for the idea wall, the card
// and the map: the text each widget shows once complete (demo feed, default attributes, German),
// as plain HTML in the same order and structure, so "a static page with the same content" is that.
// Labels and text helpers (clamping, dates, rule wording, sorting) come from the widgets' own
// modules in src/, bundled at build time with esbuild (already a dev dependency; it resolves their
// imports, which a plain TypeScript transpile would not), never copied by hand.
import { build } from 'esbuild';

const root = new URL('../src/', import.meta.url);
const de = (v) => (v && typeof v === 'object' ? (v.de ?? Object.values(v)[0]) : v) ?? '';
export const esc = (s) => String(de(s)).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A module of src/ (TypeScript, with its imports), bundled by esbuild into memory and imported. */
async function load(file) {
  const out = await build({
    entryPoints: [new URL(file, root).pathname],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].contents).toString('base64')}`);
}

/** The German tables of `defineStrings({ de, en })` exports in src/, merged (later wins). */
export async function stringTable(...specs) {
  const table = {};
  for (const spec of specs) {
    const [file, name] = spec.split('#');
    const mod = await load(file);
    Object.assign(table, (name ? mod[name] : Object.values(mod).find((v) => v?.de)).de);
  }
  return table;
}

/** The German tables of `defineStrings({ de, en })` exports in src/ (merged, later wins) as a `t(key, vars)`. */
export async function strings(...specs) {
  const table = await stringTable(...specs);
  return (key, vars = {}) => {
    const plural = 'count' in vars ? `${key}_${new Intl.PluralRules('de').select(vars.count)}` : key;
    const s = table[plural] ?? table[`${key}_other`] ?? table[key];
    if (s === undefined) throw new Error(`bench: no string "${key}" in ${specs.join(', ')}`);
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

/** `<idea-wall src>` complete: header, status summary, toolbar, count, all cards newest first. */
export async function wallHtml(d, now = new Date()) {
  const t = await strings('idea-wall/idea-wall.strings.ts');
  const { clampText } = await load('idea-wall/idea-wall.model.ts');
  const { formatLongDate } = await load('core/long-date.ts');
  const { builtinStatuses, statusIcon } = await load('core/follow-through.ts');
  const date = (v) => formatLongDate('de', new Date(v)) ?? v;
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

/**
 * `<ehrenamt-card src>` complete (default sections): the card pictures, programme, who gets it
 * (the rules as the card words them), how to apply, the self-check's form, and the partners: tools,
 * category chips with counts, the first page of 20 by name and the "more" button.
 */
/**
 * What the card's static page and its least Lit widget (bench/embed/lit-ehrenamt-card.js) share:
 * the string table, the parsed programme, its rules as the card words them (a tree of sentences:
 * a plain "all of these" as its parts, "any" of plain rules on one line), the self-check's
 * questions and the categories (the feed's over the defaults, as the card merges them).
 */
async function cardParts(raw) {
  const card = 'ehrenamt-card/';
  const specs = [
    `${card}ehrenamt-card.strings.ts`,
    `${card}ehrenamt-card.rule-text.ts#ruleStrings`,
    `${card}ehrenamt-card.check.ts#checkStrings`,
  ];
  const t = await strings(...specs);
  const { parseProgramme } = await load(`${card}ehrenamt-card.model.ts`);
  const { describe } = await load(`${card}ehrenamt-card.rule-text.ts`);
  const { questionsFor } = await load(`${card}ehrenamt-card.rules.ts`);
  const { defaultCategories } = await load(`${card}ehrenamt-card.categories.ts`);
  const { sortByName } = await load(`${card}ehrenamt-card.sort.ts`);
  const p = parseProgramme(raw, { baseUrl: 'http://x/demo/data/ehrenamt.json', lang: 'de', warn: () => {} });
  const c = { l10n: { lang: 'de', t, plural: (k, count, vars) => t(k, { ...vars, count }) }, t: de };
  const item = (r) => {
    if (r.type === 'any' && !r.label && r.of.every((x) => !['all', 'any', 'text'].includes(x.type)))
      return { text: r.of.map((x) => describe(c, x)).join(t('or')) };
    return { text: describe(c, r), kids: r.type === 'all' || r.type === 'any' ? r.of.map(item) : undefined };
  };
  const rules = p.tiers.map((x) => x.rule && (x.rule.type === 'all' && !x.rule.label ? x.rule.of : [x.rule]).map(item));
  const byId = new Map();
  for (const cat of [...defaultCategories, ...p.categories]) byId.set(cat.id, { ...byId.get(cat.id), ...cat });
  const q = questionsFor(p.tiers.filter((x) => x.rule).map((x) => x.rule));
  return { t, table: await stringTable(...specs), p, rules, byId, q, sortByName };
}

/** The least Lit widgets' string tables (bench/embed/lit-<tag>.js imports it as `bench-labels`). */
export const litLabels = {
  'idea-wall': async () => {
    const { builtinStatuses, statusIcon } = await load('core/follow-through.ts');
    return { t: await stringTable('idea-wall/idea-wall.strings.ts'), statuses: builtinStatuses, icons: statusIcon };
  },
  'ehrenamt-card': async (raw) => {
    const { table, rules, byId, q } = await cardParts(raw);
    const categories = [...byId.values()].map(({ id, label, aliases }) => ({ id, label: de(label), aliases }));
    return { t: table, rules, categories, questions: { numbers: [...q.numbers], flags: [...q.flags.values()].map(de) } };
  },
  'mitfahrbank-map': async () => ({
    t: await stringTable('mitfahrbank-map/mitfahrbank-map.strings.ts'),
    m: await stringTable('map/st-map.strings.ts'),
  }),
  'jugend-budget': async () => ({}),
  'partner-logos': async () => ({}),
};

export async function cardHtml(raw) {
  const { t, p, rules: tree, byId, q, sortByName } = await cardParts(raw);
  const validity = (y) => (y === 'unlimited' ? t('validityUnlimited') : t('validity', { count: y }));
  const item = (r) => `<li>${esc(r.text)}${r.kids ? `<ul>${r.kids.map(item).join('')}</ul>` : ''}</li>`;
  const rules = (i) => `<ul>${tree[i].map(item).join('')}</ul>`;
  const a = p.apply;
  const dd = (k, v) => (v ? `<dt>${esc(t(k))}</dt><dd>${esc(v)}</dd>` : '');
  const n = q.numbers;
  const number = (label, unit) => `<p><label>${esc(label)} <input type="number"> ${esc(unit)}</label></p>`;
  // As the card merges them: the feed's categories over the defaults, then looked up by id or alias.
  const index = new Map();
  for (const cat of byId.values()) {
    index.set(cat.id.toLowerCase(), cat);
    cat.aliases?.forEach((x) => index.set(x, cat));
  }
  const categoryOf = (x) => index.get(x.category.toLowerCase()) ?? index.get('9');
  const all = sortByName([...p.partners]);
  const counts = new Map();
  for (const x of all) counts.set(categoryOf(x).id, (counts.get(categoryOf(x).id) ?? 0) + 1);
  const page = all.slice(0, 20);
  const partner = (x) =>
    `<li><h4>${esc(x.name)}</h4><p>${esc(categoryOf(x).label)}</p>${x.benefit ? `<p>${esc(x.benefit)}</p>` : ''}` +
    x.locations
      .map((l) => `<p>${esc([l.street, [l.postalCode, l.city].filter(Boolean).join(' ')].filter(Boolean).join(', '))}</p>`)
      .join('') +
    (x.hours ? `<p>${esc(t('hours'))}: ${esc(x.hours)}</p>` : '') +
    `<p>${[x.website && `<a href="${esc(x.website)}">${esc(new URL(x.website).host.replace(/^www\./, ''))}</a>`, x.phone && `${esc(t('phone'))}: ${esc(x.phone)}`, x.email && `${esc(t('email'))}: ${esc(x.email)}`].filter(Boolean).join('<br>')}</p></li>`;
  return (
    p.tiers
      .map(
        (x) =>
          `<p>${esc(de(p.issuer) || de(p.region))}<br>${esc(p.name)}<br>${esc(x.name)}<br>${esc(p.region)}${x.validityYears ? ` ${esc(validity(x.validityYears))}` : ''}</p>`,
      )
      .join('') +
    `<h3>${esc(p.name)}</h3>${p.description ? `<p>${esc(p.description)}</p>` : ''}` +
    (p.benefits.length ? `<h4>${esc(t('benefitsHeading'))}</h4><ul>${p.benefits.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>` : '') +
    (p.tiers.length
      ? `<h4>${esc(t('whoHeading'))}</h4>${p.tiers.map((x, i) => `<p><strong>${esc(x.name)}</strong>${x.description ? ` – ${esc(x.description)}` : ''}</p>${x.rule ? rules(i) : ''}`).join('')}`
      : '') +
    (a
      ? `<h4>${esc(t('applyHeading'))}</h4>${a.note ? `<p>${esc(a.note)}</p>` : ''}<p>${[de(a.office), de(a.address)].filter(Boolean).map(esc).join('<br>')}</p>` +
        `<dl>${dd('hours', de(a.hours))}${dd('phone', a.phone)}${dd('email', a.email)}${dd('costs', de(a.costs))}</dl>` +
        `<p>${a.url ? `<a href="${esc(a.url)}">${esc(t('applyOnline'))}</a> ` : ''}${a.formUrl ? `<a href="${esc(a.formUrl)}">${esc(t('applyForm'))}</a>` : ''}</p>`
      : '') +
    (q.numbers.size || q.flags.size
      ? `<h3>${esc(t('checkHeading'))}</h3><p>${esc(t('checkIntro'))}</p><p>${esc(t('nonBinding'))}</p><form>` +
        (n.has('age') ? number(t('qAge'), t('unitYears')) : '') +
        (n.has('hoursPerWeek') || n.has('hoursPerYear')
          ? `<fieldset><legend>${esc(t('qHours'))}</legend><input type="number"> <select><option>${esc(`${t('qHoursAmount')} ${t('perWeek')}`)}</option><option>${esc(`${t('qHoursAmount')} ${t('perYear')}`)}</option></select></fieldset>`
          : '') +
        (n.has('years') ? number(t('qYears'), t('unitYears')) : '') +
        (n.has('allowance') ? number(t('qAllowance'), t('unitEuro')) : '') +
        (q.flags.size
          ? `<fieldset><legend>${esc(t('qFlags'))}</legend>${[...q.flags].map(([, x]) => `<p><label><input type="checkbox"> ${esc(x)}</label></p>`).join('')}</fieldset>`
          : '') +
        `<p><button>${esc(t('check'))}</button> <button type="reset">${esc(t('reset'))}</button></p></form>`
      : '') +
    `<h3>${esc(t('partnersHeading'))}</h3><p><label>${esc(t('search'))} <input type="search"></label> <button type="button">${esc(t('nearMe'))}</button> <label>${esc(t('sortBy'))} <select><option>${esc(t('sortName'))}</option><option>${esc(t('sortDistance'))}</option></select></label></p>` +
    `<p><button type="button">${esc(t('allCategories'))}</button>${[...byId.values()]
      .filter((x) => counts.has(x.id))
      .map((x) => ` <button type="button">${esc(x.label)} (${counts.get(x.id)})</button>`)
      .join('')}</p>` +
    `<p>${esc(t('found', { count: all.length }))}${page.length < all.length ? ` – ${esc(t('shownOf', { count: page.length }))}` : ''}</p>` +
    `<ul>${page.map(partner).join('')}</ul>` +
    (all.length > page.length
      ? `<p><button type="button">${esc(t('more', { count: Math.min(20, all.length - page.length) }))}</button></p>`
      : '')
  );
}
