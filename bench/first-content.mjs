// The demo-size feeds every town has (23 ideas, the card, 14 benches, 8 logos): first content of
// each widget with the README's embed snippet, against a static page that has the same content
// in its HTML (one document, no script: the physical limit), side by side in one run, at normal
// speed, at 4× CPU slowdown and with 150 ms round trips (DevTools network emulation). Also the
// goals of issue 18 as widget ÷ baseline ratios over this table and the ideas/map tables.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = fileURLToPath(new URL('./.data/first/', import.meta.url));
const de = (v) => (v && typeof v === 'object' ? (v.de ?? Object.values(v)[0]) : v) ?? '';
const esc = (s) => String(de(s)).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const read = (f) => JSON.parse(readFileSync(`${root}demo/data/${f}`, 'utf8'));

/** The widgets, their feeds, and the same content as plain HTML. */
const widgets = {
  'idea-wall': {
    feed: 'ideas.json',
    html: (d) =>
      `<h2>${esc(d.title)}</h2><p>${esc(d.intro)}</p><ul>${d.ideas.map((i) => `<li><h3>${esc(i.title)}</h3><p>${esc(i.description)}</p><p>${esc(i.status)} · ${i.supporters ?? 0} Unterstützer</p></li>`).join('')}</ul>`,
  },
  'ehrenamt-card': {
    feed: 'ehrenamt.json',
    html: (d) =>
      `<h2>${esc(d.name)}</h2><p>${esc(d.description)}</p><ul>${(d.benefits ?? []).map((b) => `<li>${esc(b)}</li>`).join('')}</ul>` +
      (d.tiers ?? []).map((t) => `<h3>${esc(t.name)}</h3><p>${esc(t.description)}</p>`).join('') +
      `<p><a href="${esc(d.apply?.url)}">Antrag</a> ${esc(d.apply?.office)}</p>` +
      // The widget's default sections include the partner list: the static page lists them too.
      `<h2>Partner</h2><ul>${(d.partners ?? []).map((p) => `<li><h3>${esc(p.name)}</h3><p>${esc(p.benefit)}</p><p>${(p.locations ?? []).map((l) => `${esc(l.street)}, ${esc(l.postalCode)} ${esc(l.city)}`).join('; ')}</p></li>`).join('')}</ul>`,
  },
  'mitfahrbank-map': {
    feed: 'benches.json',
    html: (d) =>
      `<h2>${esc(d.region?.title)}</h2><p>${esc(d.region?.intro)}</p><ul>${d.benches.map((b) => `<li><h3>${esc(b.name)}</h3><p>${esc(b.location)}</p><p>${(b.destinations ?? []).map((x) => esc(x.name)).join(', ')}</p></li>`).join('')}</ul>`,
  },
  'partner-logos': {
    feed: 'partners.json',
    html: (d) =>
      d.groups
        .map(
          (g) =>
            `<h2>${esc(g.heading)}</h2><ul>${g.partners.map((p) => `<li><a href="${esc(p.url)}">${p.logo ? `<img src="${esc(new URL(p.logo.src, 'http://x/demo/data/').pathname)}" alt="${esc(p.name)}" width="${p.logo.width}" height="${p.logo.height}">` : esc(p.name)}</a></li>`).join('')}</ul>`,
        )
        .join(''),
  },
};

// Inline (no request of its own): stamps the first frame in which `check()` holds, after layout.
const probe = (check) => `<script>
window.__first = new Promise((resolve) => {
  const tick = () => {
    let ok = false;
    try { ok = (${check})(); } catch {}
    if (!ok) return requestAnimationFrame(tick);
    document.documentElement.getBoundingClientRect();
    const first = performance.now();
    // Where the widget's time went: its code and its feed arrived (resource timing), it was defined.
    const ends = (test) => performance.getEntriesByType('resource').filter((e) => test(e.name)).map((e) => e.responseEnd);
    const end = (test) => (ends(test).length ? Math.max(...ends(test)) : null);
    if (location.search.includes('trace')) console.log(JSON.stringify(performance.getEntriesByType('resource').map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd)])));
    resolve({ first, code: end((u) => u.includes('/dist/')), feed: end((u) => u.includes('/demo/data/')), defined: window.__defined });
  };
  requestAnimationFrame(tick);
});
</script>`;
const page = (title, head, body) =>
  `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}</head><body><main>${body}</main></body></html>`;

/**
 * Writes bench/.data/first/<tag>.html (the embed snippet), <tag>-static.html and <tag>-floor.html:
 * the snippet with the tag but no feed, stamped at the first frame after the tag is defined. The
 * floor is what the browser spends on code a static page does not have (loader, chunks, module
 * evaluation, the element's first render), before any feed; widget − floor is the feed's part.
 */
export function firstContentPages() {
  mkdirSync(dir, { recursive: true });
  for (const [tag, w] of Object.entries(widgets)) {
    const check = `() => { const r = document.querySelector('${tag}')?.shadowRoot?.querySelector('[part="base"]'); return r && r.textContent.trim().length > 0; }`;
    // The README's snippet: the loader as a module script, the tag with its feed.
    const defined = `<script>customElements.whenDefined('${tag}').then(() => (window.__defined = performance.now()));</script>`;
    writeFileSync(
      `${dir}${tag}.html`,
      page(
        tag,
        `${probe(check)}${defined}<script type="module" src="/dist/stadttraum.js"></script>`,
        `<${tag} src="/demo/data/${w.feed}"></${tag}>`,
      ),
    );
    writeFileSync(
      `${dir}${tag}-floor.html`,
      page(
        `${tag} (floor)`,
        `${probe(`() => !!customElements.get('${tag}')`)}${defined}<script type="module" src="/dist/stadttraum.js"></script>`,
        `<${tag}></${tag}>`,
      ),
    );
    writeFileSync(
      `${dir}${tag}-static.html`,
      page(`${tag} (static)`, probe(`() => document.querySelector('main li, main p')`), w.html(read(w.feed))),
    );
  }
}

const conditions = [
  { name: 'normal', throttle: 1, latency: 0 },
  { name: '4× CPU slowdown', throttle: 4, latency: 0 },
  { name: '150 ms round trips', throttle: 1, latency: 150 },
];

async function firstAt(browser, url, c) {
  const context = await browser.createBrowserContext();
  try {
    const p = await context.newPage();
    await p.setViewport({ width: 1280, height: 900 });
    const cdp = await p.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (c.throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: c.throttle });
    // Latency per request (a phone network's round trip); bandwidth left unlimited.
    if (c.latency)
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: c.latency,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    await p.goto(url, { waitUntil: 'domcontentloaded' });
    return await Promise.race([p.evaluate(() => window.__first), new Promise((r) => setTimeout(() => r({ first: NaN }), 30_000))]);
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** Median first content per widget and condition, static page and widget alternating run by run. */
export async function firstContent(browser, origin, { runs = 3, log = console.log } = {}) {
  firstContentPages();
  const rows = [];
  for (const c of conditions) {
    for (const tag of Object.keys(widgets)) {
      const samples = { widget: [], static: [], floor: [] };
      const order = ['widget', 'static', 'floor'];
      for (let r = 0; r < runs; r++) {
        // Side by side, each run in another order.
        for (const v of [...order.slice(r % 3), ...order.slice(0, r % 3)]) {
          samples[v].push(await firstAt(browser, `${origin}/bench/.data/first/${tag}${v === 'widget' ? '' : `-${v}`}.html`, c));
        }
      }
      const m = (v, k) => median(samples[v].map((x) => x[k]));
      const row = {
        tag,
        condition: c.name,
        widget: m('widget', 'first'),
        static: m('static', 'first'),
        floor: m('floor', 'first'),
        code: m('widget', 'code'),
        defined: m('widget', 'defined'),
        feed: m('widget', 'feed'),
      };
      rows.push(row);
      log(`first content ${tag} (${c.name}):`, JSON.stringify(row));
    }
  }
  return rows;
}

const ms = (x) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en')} ms` : '–');
const r2 = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');

export function firstContentMarkdown(rows) {
  const out = ['### First content with the demo-size feeds vs a static page with the same content', ''];
  out.push(
    '| Widget | condition | static page | widget (embed snippet) | widget ÷ static | goal | floor: code, no feed | floor ÷ static | widget: code arrived / defined / feed arrived |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of rows) {
    const goal = r.condition === 'normal' ? 1.5 : r.condition.startsWith('150') ? 2.5 : undefined;
    const v = r2(r.widget, r.static);
    out.push(
      `| \`<${r.tag}>\` | ${r.condition} | ${ms(r.static)} | ${ms(r.widget)} | ${x(v)} | ${goal ? `≤ ${goal}× ${v <= goal ? 'met' : 'not met'}` : '–'} | ${ms(r.floor)} | ${x(r2(r.floor, r.static))} | ${ms(r.code)} / ${ms(r.defined)} / ${ms(r.feed)} |`,
    );
  }
  out.push(
    '',
    'First content: navigation start to the first frame (after layout) in which the widget shows its feed (`[part="base"]` with text) or the static page its first paragraph, stamped by an inline script (no request of its own) on both pages. The widget page is the README\'s snippet (`<script type="module" src="…/stadttraum.js">` and the tag with `src`); the static page has the same text in its HTML (23 ideas, the card, 14 benches, 8 logos, from `demo/data/`). Fresh browser context, HTTP cache off, server on 127.0.0.1 with gzip; "150 ms round trips" = `Network.emulateNetworkConditions` latency 150 ms per request, bandwidth unlimited. The map without consent shows its text and the consent question, no Leaflet (the README snippet has no consent). The floor is the same snippet with the tag but no feed (no `src`), stamped at the first frame after the tag is defined: loader, chunks, module evaluation and the element\'s first render, the browser\'s work for code a static page does not have; floor ÷ static is the part of the ratio no feed handling can remove. The last column splits the widget\'s time: the last of its code chunks received, the tag defined (code parsed and run), the feed received (all from navigation start, medians).',
    '',
  );
  return out.join('\n');
}

/** Issue 18's goals over all tables of a run, as widget ÷ baseline (below 1: the widget is faster). */
export function goalsMarkdown(results) {
  const out = [
    '### Goals of issue 18 (widget ÷ baseline, this run)',
    '',
    '| what | CPU | widget ÷ baseline | goal | |',
    '| --- | --- | ---: | ---: | --- |',
  ];
  const line = (what, cpu, v, goal) =>
    out.push(`| ${what} | ${cpu} | ${x(v)} | ≤ ${goal}× | ${Number.isFinite(v) ? (v <= goal ? 'met' : 'not met') : '–'} |`);
  const cpu = (t) => (t === 1 ? '1×' : `${t}× slower`);
  for (const r of results.map ?? [])
    line(
      `map, ${r.n.toLocaleString('en')} points, shown (vs Leaflet + markercluster)`,
      cpu(r.throttle),
      r2(r.widget.shown, r.leaflet.shown),
      0.5,
    );
  for (const r of results.ideas ?? [])
    line(
      `idea wall, ${r.n.toLocaleString('en')} ideas, usable (vs vanilla DOM)`,
      cpu(r.throttle),
      r2(r.widget.usable, r.vanilla.usable),
      r.n >= 10000 ? 0.5 : 0.7,
    );
  for (const r of results.ideas ?? [])
    if (r.n >= 10000 && r.throttle === 4)
      out.push(
        `| idea wall, 10,000 ideas, one keystroke | 4× slower | ${ms(r.widget.keystroke)} | ≤ 16.7 ms (one frame at 60 Hz) | ${r.widget.keystroke <= 16.7 ? 'met' : 'not met'} |`,
      );
  return out.join('\n') + '\n';
}
