// The demo-size feeds every town has (23 ideas, the card, 14 benches, 8 logos): first content of
// each widget with the README's embed snippet, against a static page that has the same content
// in its HTML (one document, no script: the physical limit), side by side in one run, at normal
// speed, at 4× CPU slowdown and with 150 ms round trips (DevTools network emulation). Also the
// goals of issue 18 as widget ÷ baseline ratios over this table and the ideas/map tables.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { cardHtml, litLabels, mapHtml, wallHtml } from './first-content-static.mjs';
import { freshPage } from './fresh-page.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = fileURLToPath(new URL('./.data/first/', import.meta.url));
const de = (v) => (v && typeof v === 'object' ? (v.de ?? Object.values(v)[0]) : v) ?? '';
const esc = (s) => String(de(s)).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const read = (f) => JSON.parse(readFileSync(`${root}demo/data/${f}`, 'utf8'));

/**
 * The least Lit widget's module for `tag` (bench/embed/lit-<tag>.js with lit-floor.js): bundled
 * by rollup with `lit` from node_modules and minified with the options of our build
 * (rollup.config.mjs), into bench/.data/first/<tag>-lit.js; its string table (`bench-labels`)
 * from src/. One file, no core, no loader.
 */
async function litModule(tag, feed) {
  const labels = JSON.stringify(await litLabels[tag](feed));
  const bundle = await rollup({
    input: `${root}bench/embed/lit-${tag}.js`,
    plugins: [
      {
        name: 'bench-labels',
        resolveId: (id) => (id === 'bench-labels' ? '\0bench-labels' : null),
        load: (id) => (id === '\0bench-labels' ? `export default ${labels};` : null),
      },
      // BENCH_LIT_DEV=1 (bench/embed/lit-profile.mjs --names): lit's development build, whose
      // functions keep their names in a CPU profile (slower: for shares of the time, not times).
      nodeResolve(process.env.BENCH_LIT_DEV ? { exportConditions: ['development'] } : {}),
      terser({
        ecma: 2022,
        module: true,
        compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true },
        mangle: !process.env.BENCH_LIT_DEV,
        format: { comments: false },
      }),
    ],
  });
  try {
    await bundle.write({ file: `${dir}${tag}-lit.js`, format: 'es', inlineDynamicImports: true });
  } finally {
    await bundle.close();
  }
}

/** The widgets, their feeds, and the same content as plain HTML. */
const widgets = {
  'idea-wall': { feed: 'ideas.json', html: wallHtml },
  'ehrenamt-card': { feed: 'ehrenamt.json', html: cardHtml },
  // Without consent (the README snippet has none): the consent question, not the Leaflet map.
  'mitfahrbank-map': { feed: 'benches.json', html: mapHtml },
  // The demo page's feed; today (after 1 July 2025) it shows its last phase first: the header, the
  // phases, and what became of the funded projects (greedy by votes, computed by the widget).
  'jugend-budget': {
    feed: 'jugendbudget.json',
    html: budgetHtml,
    // Its first screen is complete once the funded projects replace "Das Ergebnis wird berechnet …".
    ready: '!r.querySelector(\'[role="status"]\')',
  },
  'partner-logos': {
    feed: 'partners.json',
    html: (d) =>
      d.groups
        .map(
          (g) =>
            `<h2>${esc(g.heading)}</h2><ul>${g.partners.map((p) => `<li><a href="${esc(p.url)}">${p.logo ? `<img src="${esc(new URL(p.logo.src, 'http://x/demo/data/').pathname)}" alt="${esc(p.name)}" width="${p.logo.width}" height="${p.logo.height}">` : esc(p.name)}</a></li>`).join('')}</ul>${g.notice ? `<p>${esc(g.notice)}</p>` : ''}`,
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
export async function firstContentPages() {
  mkdirSync(dir, { recursive: true });
  for (const [tag, w] of Object.entries(widgets)) {
    const check = `() => { const r = document.querySelector('${tag}')?.shadowRoot?.querySelector('[part="base"]'); return r && r.textContent.trim().length > 0${w.ready ? ` && ${w.ready}` : ''}; }`;
    // The README's snippet: the loader as an async module script, the tag with its feed. Every script page
    // here (embed, chain, Lit) loads its module with `async` too: the least each can do.
    const defined = `<script>customElements.whenDefined('${tag}').then(() => (window.__defined = performance.now()));</script>`;
    writeFileSync(
      `${dir}${tag}.html`,
      page(
        tag,
        `${probe(check)}${defined}<script type="module" async src="/dist/stadttraum.js"></script>`,
        `<${tag} src="/demo/data/${w.feed}"></${tag}>`,
      ),
    );
    // The same snippet with the optional <head> lines the WordPress plugin prints for a widget set to
    // load at once (`eager`) and EINBINDEN.html offers: modulepreload for the loader and the chunks of
    // its first render (dist/preload.json), and the feed preload; the tag gets `eager` as the plugin needs.
    const manifest = JSON.parse(readFileSync(`${root}dist/preload.json`, 'utf8'));
    const hints = [manifest.loader, ...manifest.widgets[tag].code].map((f) => `<link rel="modulepreload" href="/dist/${f}">`).join('');
    writeFileSync(
      `${dir}${tag}-hints.html`,
      page(
        `${tag} (hints)`,
        `${probe(check)}${defined}${hints}<link rel="preload" as="fetch" crossorigin="anonymous" href="/demo/data/${w.feed}"><script type="module" async src="/dist/stadttraum.js"></script>`,
        `<${tag} eager src="/demo/data/${w.feed}"></${tag}>`,
      ),
    );
    writeFileSync(
      `${dir}${tag}-floor.html`,
      page(
        `${tag} (floor)`,
        `${probe(`() => !!customElements.get('${tag}')`)}${defined}<script type="module" async src="/dist/stadttraum.js"></script>`,
        `<${tag}></${tag}>`,
      ),
    );
    const staticBody = await w.html(read(w.feed));
    const staticCheck = `() => document.querySelector('main li, main p')`;
    writeFileSync(`${dir}${tag}-static.html`, page(`${tag} (static)`, probe(staticCheck), staticBody));
    // The least any script embed can do with the same feed: the static page without its text, and
    // one module (no loader, no framework) that fetches the feed from the same server, parses it
    // and inserts the static page's fragment (the browser's HTML parser: cheaper than any
    // templating). Stamped like the static page. embed ÷ static is the price of being a script
    // embed at all; widget ÷ embed is ours.
    const holder = `<div data-feed="/demo/data/${w.feed}"></div>`;
    writeFileSync(
      `${dir}${tag}-embed.js`,
      `// bench/first-content.mjs: the least a script embed can do (fetch, parse, insert the first screen).
const el = document.querySelector('[data-feed]');
const data = await (window.__feed ?? fetch(el.dataset.feed).then((r) => r.json()));
if (!data || typeof data !== 'object') throw new Error('feed');
el.insertAdjacentHTML('beforeend', ${JSON.stringify(staticBody)});
`,
    );
    writeFileSync(
      `${dir}${tag}-embed.html`,
      page(`${tag} (any script embed)`, `${probe(staticCheck)}<script type="module" async src="${tag}-embed.js"></script>`, holder),
    );
    // The same as a two-step chain, shaped like our loader: a tiny module starts the feed and
    // imports the embed module, so code and feed travel together in the second step.
    writeFileSync(
      `${dir}${tag}-chain.js`,
      `// bench/first-content.mjs: a two-step script embed (a tiny loader, then the embed module with the feed in parallel).
window.__feed = fetch(document.querySelector('[data-feed]').dataset.feed).then((r) => r.json());
import('./${tag}-embed.js');
`,
    );
    writeFileSync(
      `${dir}${tag}-chain.html`,
      page(`${tag} (two-step script embed)`, `${probe(staticCheck)}<script type="module" async src="${tag}-chain.js"></script>`, holder),
    );
    // The least Lit widget: the static page without its text and one module (lit bundled in, no
    // core, no loader) defining <lit-TAG>, a LitElement that fetches the same feed and renders
    // the same first screen with Lit templates from the data (bench/embed/lit-TAG.js), stamped
    // like our widget (its [part="base"] with text). What any widget on our stack pays.
    await litModule(tag, read(w.feed));
    const litTag = `<lit-${tag} src="/demo/data/${w.feed}"></lit-${tag}>`;
    writeFileSync(
      `${dir}${tag}-lit.html`,
      page(
        `${tag} (least Lit widget)`,
        `${probe(check.replace(`'${tag}'`, `'lit-${tag}'`))}<script type="module" async src="${tag}-lit.js"></script>`,
        litTag,
      ),
    );
    // The same behind a loader, the shape of our snippet: a tiny module starts the feed and
    // imports the Lit module, so code and feed travel together in the second step.
    writeFileSync(
      `${dir}${tag}-litchain.js`,
      `// bench/first-content.mjs: the least Lit widget via a loader (the feed started, then the Lit module).
window.__feed = fetch(document.querySelector('lit-${tag}').getAttribute('src')).then((r) => r.json());
import('./${tag}-lit.js');
`,
    );
    writeFileSync(
      `${dir}${tag}-litchain.html`,
      page(
        `${tag} (least Lit widget via a loader)`,
        `${probe(check.replace(`'${tag}'`, `'lit-${tag}'`))}<script type="module" async src="${tag}-litchain.js"></script>`,
        litTag,
      ),
    );
  }
}

export const conditions = [
  { name: 'normal', throttle: 1, latency: 0 },
  { name: '4× CPU slowdown', throttle: 4, latency: 0 },
  { name: '150 ms round trips', throttle: 1, latency: 150 },
];

export async function firstAt(browser, url, c) {
  const { context, page: p } = await freshPage(browser, c);
  try {
    await p.goto(url, { waitUntil: 'domcontentloaded' });
    return await Promise.race([p.evaluate(() => window.__first), new Promise((r) => setTimeout(() => r({ first: NaN }), 30_000))]);
  } finally {
    await context.close();
  }
}

const sorted = (xs) => xs.filter(Number.isFinite).sort((a, b) => a - b);
/** The q-quantile of xs (linear between neighbours); NaN without finite values. */
const quantile = (xs, q) => {
  const s = sorted(xs);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
};
const median = (xs) => quantile(xs, 0.5);
/** Median and interquartile range: the middle half of the runs, which one slow run cannot move. */
const spread = (xs) => ({ median: median(xs), q1: quantile(xs, 0.25), q3: quantile(xs, 0.75), n: sorted(xs).length });

const pageUrl = (origin, tag, v) => `${origin}/bench/.data/first/${tag}${v === 'widget' ? '' : `-${v}`}.html`;

/**
 * The text a visitor sees on the widget page (the widget's `[part="base"]`) and on the static page
 * (`<main>`), as words, twice: at the first content frame, and complete (after `updateComplete`
 * and the frames the card and the idea wall draw their later parts in, until the text stops
 * changing). The static page is only a fair limit if it shows the complete widget's text; at the
 * first frame the widget may show less. Returns the words only one side has, for both.
 */
async function sameText(browser, origin, tag) {
  const words = {};
  for (const v of ['widget', 'static', 'lit']) {
    const host = v === 'lit' ? `lit-${tag}` : tag;
    const context = await browser.createBrowserContext();
    try {
      const p = await context.newPage();
      await p.setViewport({ width: 1280, height: 900 });
      await p.goto(pageUrl(origin, tag, v), { waitUntil: 'domcontentloaded' });
      const first = await p.evaluate(async (tag) => {
        // innerText, but into shadow roots too (the map's consent question is in <st-map>'s).
        const deep = (n) => {
          if (n.nodeType === Node.TEXT_NODE) return n.parentElement?.checkVisibility() ? n.data : '';
          if (n.nodeType !== Node.ELEMENT_NODE) return '';
          if (n.shadowRoot) return [...n.shadowRoot.childNodes].map(deep).join(' ');
          if (n.localName === 'slot') return [...(n.assignedNodes().length ? n.assignedNodes() : n.childNodes)].map(deep).join(' ');
          if (![...n.querySelectorAll('*')].some((e) => e.shadowRoot || e.localName === 'slot')) return n.innerText;
          return n.checkVisibility() ? [...n.childNodes].map(deep).join(' ') : '';
        };
        window.__text = () =>
          deep(document.querySelector(tag)?.shadowRoot?.querySelector('[part="base"]') ?? document.querySelector('main'));
        await window.__first;
        return window.__text();
      }, host);
      // Complete: as if scrolled through (cards off screen skip rendering, `content-visibility:
      // auto`, and innerText leaves them out), once the element settled and two frames in a row
      // show the same text.
      await p.setViewport({ width: 1280, height: 30_000 });
      const complete = await p.evaluate(async (tag) => {
        const text = window.__text;
        await document.querySelector(tag)?.updateComplete;
        const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
        let complete;
        for (let i = 0, last; i < 60; i++, last = complete) {
          await frame();
          complete = text();
          if (complete === last) break;
        }
        return complete;
      }, host);
      words[v] = { first, complete };
    } finally {
      await context.close();
    }
  }
  const split = (t) => t.split(/\s+/).filter(Boolean);
  // As multisets: a word the widget shows twice the static page must show twice too.
  const missing = (a, b) => {
    const left = new Map();
    for (const w of b) left.set(w, (left.get(w) ?? 0) + 1);
    return a.filter((w) => (left.get(w) ?? 0) <= 0 || !left.set(w, left.get(w) - 1));
  };
  const diff = (k, v = 'widget') => {
    const [w, s] = [split(words[v][k]), split(words.static[k])];
    return { words: w.length, staticWords: s.length, onlyWidget: missing(w, s), onlyStatic: missing(s, w) };
  };
  // The least Lit widget against the same static page (its "widget" words are the Lit widget's).
  return { first: diff('first'), complete: diff('complete'), litFirst: diff('first', 'lit'), litComplete: diff('complete', 'lit') };
}

/**
 * One row of the table from one cell's samples (per page variant, run by run: `{ first, code,
 * defined, feed }`): medians with their spread, and every ratio taken run by run (the two pages
 * of one run, seconds apart), then its median.
 */
export function firstRow(tag, condition, samples, text) {
  const of = (v, k) => samples[v].map((x) => x[k]);
  const paired = (v) => samples[v].map((x, i) => x.first / samples.static[i].first);
  return {
    tag,
    condition,
    runs: samples.static.length,
    widget: spread(of('widget', 'first')),
    static: spread(of('static', 'first')),
    floor: spread(of('floor', 'first')),
    ratio: spread(paired('widget')),
    floorRatio: spread(paired('floor')),
    hints: spread(of('hints', 'first')),
    hintsRatio: spread(paired('hints')),
    embed: spread(of('embed', 'first')),
    embedRatio: spread(paired('embed')),
    // What is ours: the widget against the least a script embed can do, run by run.
    ours: spread(samples.widget.map((x, i) => x.first / samples.embed[i].first)),
    chain: spread(of('chain', 'first')),
    chainRatio: spread(paired('chain')),
    // The least Lit widget (one module, lit bundled, no core or loader) and the same via a loader.
    lit: spread(of('lit', 'first')),
    litRatio: spread(paired('lit')),
    // Ours against the least Lit widget, run by run: what our code adds on top of the stack.
    oursLit: spread(samples.widget.map((x, i) => x.first / samples.lit[i].first)),
    litchain: spread(of('litchain', 'first')),
    litchainRatio: spread(paired('litchain')),
    oursLitchain: spread(samples.widget.map((x, i) => x.first / samples.litchain[i].first)),
    code: median(of('widget', 'code')),
    defined: median(of('widget', 'defined')),
    feed: median(of('widget', 'feed')),
    text,
    samples: Object.fromEntries(Object.keys(samples).map((v) => [v, of(v, 'first').map(Math.round)])),
  };
}

/**
 * First content per widget and condition: static page, widget and floor in every run, in a
 * rotating order, and run by run across all cells (every cell's runs are spread over the whole
 * bench, so a burst of load from elsewhere hits all cells alike instead of one). One untimed
 * round first (server cache, the browser's first processes). Ratios are taken per run (widget ÷
 * static of the same run, a few seconds apart) and their median reported with the spread.
 */
export async function firstContent(browser, origin, { runs = 11, log = console.log, tags = Object.keys(widgets) } = {}) {
  await firstContentPages();
  const text = {};
  for (const tag of tags) {
    text[tag] = await sameText(browser, origin, tag);
    for (const [k, t] of Object.entries(text[tag]))
      log(
        `same text ${tag} (${k}): ${t.words} words in the widget, ${t.staticWords} on the static page; only in the widget: ${JSON.stringify(t.onlyWidget.slice(0, 20))}; only on the static page: ${JSON.stringify(t.onlyStatic.slice(0, 20))}`,
      );
  }
  const variants = ['widget', 'static', 'floor', 'hints', 'embed', 'chain', 'lit', 'litchain'];
  const cells = conditions.flatMap((c) => tags.map((tag) => ({ c, tag, samples: Object.fromEntries(variants.map((v) => [v, []])) })));
  for (const tag of tags) for (const v of variants) await firstAt(browser, pageUrl(origin, tag, v), conditions[0]);
  for (let r = 0; r < runs; r++) {
    for (const cell of cells) {
      for (const v of [...variants.slice(r % variants.length), ...variants.slice(0, r % variants.length)])
        cell.samples[v][r] = await firstAt(browser, pageUrl(origin, cell.tag, v), cell.c);
    }
    log(`first content: run ${r + 1} of ${runs} done`);
  }
  return cells.map(({ c, tag, samples }) => {
    const row = firstRow(tag, c.name, samples, text[tag]);
    log(`first content ${tag} (${c.name}):`, JSON.stringify({ ...row, samples: undefined, text: undefined }));
    return row;
  });
}

const ms = (x) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en')} ms` : '–');
const r2 = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');
/** "246 ms (231–262)": median and interquartile range. */
const msIqr = (s) => (Number.isFinite(s.median) ? `${ms(s.median)} (${Math.round(s.q1)}–${Math.round(s.q3)})` : '–');
const xIqr = (s) => (Number.isFinite(s.median) ? `${x(s.median)} (${s.q1.toFixed(2)}–${s.q3.toFixed(2)})` : '–');

/** "412 / 412 words, 0 | 3 only on one side (…)": widget / static words, only widget | only static. */
const sameWords = (t) => {
  const some = (ws) => (ws.length ? ` (${ws.slice(0, 5).join(' ')}${ws.length > 5 ? ' …' : ''})` : '');
  return `${t.words} / ${t.staticWords} words, only widget ${t.onlyWidget.length}${some(t.onlyWidget)}, only static ${t.onlyStatic.length}${some(t.onlyStatic)}`;
};

export function firstContentMarkdown(rows) {
  const out = ['### First content with the demo-size feeds vs a static page with the same content', ''];
  out.push(
    '| Widget | condition | static page | widget (embed snippet) | widget ÷ static | goal | snippet + preload hints (WordPress plugin / EINBINDEN.html) | hints ÷ static | goal | floor: code, no feed | floor ÷ static | any script embed (one module: fetch, parse, insert) | embed ÷ static | widget ÷ embed (ours) | two-step embed (tiny loader, then module + feed) | two-step ÷ static | least Lit widget (one module: lit, fetch, templates) | Lit ÷ static | widget ÷ Lit widget | Lit widget via a loader | via loader ÷ static | widget ÷ Lit via loader | widget: code arrived / defined / feed arrived |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of rows) {
    const goal = r.condition === 'normal' ? 1.5 : r.condition.startsWith('150') ? 2.5 : undefined;
    const met = (v) => (goal ? `≤ ${goal}× ${v <= goal ? 'met' : 'not met'}` : '–');
    out.push(
      `| \`<${r.tag}>\` | ${r.condition} | ${msIqr(r.static)} | ${msIqr(r.widget)} | ${xIqr(r.ratio)} | ${met(r.ratio.median)} | ${msIqr(r.hints)} | ${xIqr(r.hintsRatio)} | ${met(r.hintsRatio.median)} | ${msIqr(r.floor)} | ${xIqr(r.floorRatio)} | ${msIqr(r.embed)} | ${xIqr(r.embedRatio)} | ${xIqr(r.ours)} | ${msIqr(r.chain)} | ${xIqr(r.chainRatio)} | ${msIqr(r.lit)} | ${xIqr(r.litRatio)} | ${xIqr(r.oursLit)} | ${msIqr(r.litchain)} | ${xIqr(r.litchainRatio)} | ${xIqr(r.oursLitchain)} | ${ms(r.code)} / ${ms(r.defined)} / ${ms(r.feed)} |`,
    );
  }
  const texts = new Map(rows.map((r) => [r.tag, r.text]));
  out.push(
    '',
    `Each cell: median of ${rows[0]?.runs ?? '?'} runs, in brackets the interquartile range (the middle half of the runs). Widget ÷ static and floor ÷ static are taken run by run (the two pages of one run load seconds apart) and the median of those ratios is shown, with their interquartile range. Static page, widget, floor, hints, embed, two-step embed, Lit widget and Lit widget via a loader alternate within a run (rotating which goes first), and each run goes through every widget and condition before the next run starts, so load from elsewhere on the machine falls on all cells alike; one untimed round comes first.`,
    '',
    'First content: navigation start to the first frame (after layout) in which the widget shows its feed (`[part="base"]` with text; the youth budget also without its "computing" line, i.e. with its funded projects) or the static page its first paragraph, stamped by an inline script (no request of its own) on both pages. The widget page is the README\'s snippet (`<script type="module" async src="…/stadttraum.js">` and the tag with `src`); the static page has in its HTML the text the widget shows once complete, in the same order and structure (headings, lists, buttons, form fields), from `demo/data/` with the widgets\' German strings and text helpers read from `src/` at build time (`bench/first-content-static.mjs`): the idea wall\'s status summary, toolbar and all 23 cards; the whole card with its self-check form and the first 20 of 34 partners; the map\'s toolbar, count, consent question and details (its default map view has no bench list); the youth budget\'s first screen; 8 logos. Its first-content stamp is its first paragraph. Fresh browser context, HTTP cache off, server on 127.0.0.1 with gzip; "150 ms round trips" = `Network.emulateNetworkConditions` latency 150 ms per request, bandwidth unlimited. The map without consent shows its text and the consent question, no Leaflet (the README snippet has no consent). The youth budget\'s demo feed shows its last phase first (implementation: header, phases, the funded projects the widget computes by the greedy rule). "Snippet + preload hints" is the same page with the `<head>` lines the WordPress plugin prints for a widget set to load at once and EINBINDEN.html offers (`<link rel="modulepreload">` for the loader and every chunk of the widget\'s first render from `dist/preload.json`, `<link rel="preload" as="fetch" crossorigin>` for the feed) and `eager` on the tag: loader, code and feed in the round trip after the page. The floor is the same snippet with the tag but no feed (no `src`), stamped at the first frame after the tag is defined: loader, chunks, module evaluation and the element\'s first render, the browser\'s work for code a static page does not have; floor ÷ static is the part of the ratio no feed handling can remove. "Any script embed" is the least a script embed can do with the same feed: the static page with its text removed from the HTML and one `<script type="module">` file written for the bench (no loader, no framework) that fetches the same feed from the same server, parses it (`response.json()`) and inserts the static page\'s fragment (built into the file at bench-build time, inserted by the browser\'s HTML parser), stamped like the static page; embed ÷ static is the price of being a script embed at all (page, then module, then feed: three steps where the static page has one), widget ÷ embed (run by run) is what our code adds. "Two-step embed" is the same with a tiny loader module that starts the feed and imports the embed module, as our loader does (page, loader, then module and feed together). "Least Lit widget" is the floor of the chosen stack (TypeScript, lit): the static page without its text and one module, bundled by rollup at bench-build time from `bench/embed/lit-<tag>.js` with `lit` from node_modules and minified like our build (no core, no loader, 7–11 KB gzip), that defines a LitElement with a shadow root; it fetches the same feed (`fetch` + `response.json()`) and renders the static page\'s elements and text with Lit templates from the data (`html`, `repeat`/`map` over the feed\'s items, styles via `static styles`; its German string table and, for the card, the rules\' sentences and the self-check\'s questions are written into the module from `src/` at bench-build time), stamped like our widget (its `[part="base"]` with text). Lit ÷ static is what any widget on this stack pays; widget ÷ Lit widget (run by run) is what our code adds on top of it. "Lit widget via a loader" is the same behind a tiny loader module that starts the feed and imports the Lit module: the shape of our snippet (page, loader, then code and feed together), the fairest floor for it. The last column splits the widget\'s time: the last of its code chunks received, the tag defined (code parsed and run), the feed received (all from navigation start, medians).',
    '',
    `Same text? Words (split at white space) only one side shows, widget vs static page, at the widget's first content frame and once it is complete (its later parts drawn; the static page always shows everything): ${[
      ...texts,
    ]
      .map(([tag, t]) => `\`<${tag}>\` ${t ? `first ${sameWords(t.first)}; complete ${sameWords(t.complete)}` : '–'}`)
      .join('; ')}.`,
    '',
    `The least Lit widget against the same static page ("widget" words: the Lit widget's), at its first content frame and complete: ${[
      ...texts,
    ]
      .map(([tag, t]) => `\`<${tag}>\` ${t?.litFirst ? `first ${sameWords(t.litFirst)}; complete ${sameWords(t.litComplete)}` : '–'}`)
      .join('; ')}.`,
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

/**
 * The youth budget's first screen as plain HTML, with the widget's German labels: the phase shown
 * first is the one today's date falls in (as the widget picks it), and in the result and
 * implementation phases the funded projects are the greedy rule's (by votes, feasible, while the
 * budget lasts), as the widget computes them for this feed. `bench/first-content.mjs --check`
 * compares this page's text with the widget's.
 */
function budgetHtml(d, now = Date.now()) {
  const names = {
    proposals: 'Vorschläge sammeln',
    check: 'Prüfung durch die Verwaltung',
    vote: 'Abstimmung',
    result: 'Ergebnis',
    implementation: 'Umsetzung',
  };
  const status = { done: ['●', 'Umgesetzt'], 'in-progress': ['◕', 'In Umsetzung'], planned: ['◑', 'Geplant'] };
  const long = new Intl.DateTimeFormat('de', { dateStyle: 'long' });
  const when = (p) =>
    p.start && p.end
      ? long.formatRange(new Date(p.start), new Date(p.end))
      : p.start
        ? `ab ${long.format(new Date(p.start))}`
        : `bis ${long.format(new Date(p.end))}`;
  const phases = d.phases;
  let current = phases[0];
  for (const p of phases) if (Date.parse(p.start) <= now) current = p;
  const next = phases[phases.indexOf(current) + 1];
  const euro = (n) => `${String(n).replace(/\B(?=(\d{3})+$)/g, '.')}\u00a0€`;
  let sum = 0;
  const funded = new Set();
  for (const p of [...d.projects].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0)))
    if (p.feasible !== false && p.votes && sum + p.cost <= d.budget) {
      sum += p.cost;
      funded.add(p.id);
    }
  const view =
    current.id === 'implementation'
      ? `<h4>Was aus den geförderten Projekten wird</h4><ul>${d.projects
          .filter((p) => funded.has(p.id))
          .map((p) => {
            const [icon, label] = status[p.status ?? 'planned'];
            return `<li><h5>${esc(p.title)}</h5><p><span aria-hidden="true">${icon}</span> <span class="vh">Status: </span>${label}</p>${p.progress !== undefined ? `<p>Fortschritt: ${p.progress} % <progress max="100" value="${p.progress}"></progress></p>` : ''}${p.timeline?.length ? `<details><summary>Verlauf</summary><ol>${p.timeline.map((t) => `<li>${esc(long.format(new Date(t.date)))}: ${esc(t.text)}</li>`).join('')}</ol></details>` : ''}</li>`;
          })
          .join('')}</ul>`
      : `<ul>${d.projects.map((p) => `<li><h5>${esc(p.title)}</h5><p>Vorgeschlagen von: ${esc(p.group)}</p><p>${esc(p.description)}</p></li>`).join('')}</ul>`;
  return (
    `<style>.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}</style>` +
    `<h3>${esc(d.title)}</h3><p>${esc(d.intro)}</p><dl><dt>Budget</dt><dd>${euro(d.budget)}</dd><dt>Mitmachen können</dt><dd>${esc(d.eligible)}</dd><dt>Auszählung</dt><dd>nach Stimmen, solange das Geld reicht</dd></dl>` +
    `<p><strong>Jetzt:</strong> ${names[current.id]} (${when(current)})</p><p>${esc(current.text)}</p>` +
    (next ? `<p><strong>Danach:</strong> ${names[next.id]} (${when(next)})</p>` : '') +
    `<ol>${phases.map((p, i) => `<li><button type="button">${i + 1} ${names[p.id]}${p === current ? ' <span class="vh">(aktuelle Phase)</span>' : ''} ${when(p)}</button></li>`).join('')}</ol>` +
    `<h4>${names[current.id]}</h4>${view}`
  );
}

// `node bench/first-content.mjs --check [tag …]`: only the word check (dist/ must be built), with
// every word only one side has, to fix a static page against its widget.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--check')) {
  const { startBenchServer } = await import('./server.mjs');
  const { chromeArgs, ensureChrome } = await import('../scripts/find-chrome.mjs');
  const puppeteer = (await import('puppeteer-core')).default;
  const tags = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  await firstContentPages();
  const { server, origin } = await startBenchServer(0);
  const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
  try {
    for (const tag of tags.length ? tags : Object.keys(widgets))
      for (const [k, t] of Object.entries(await sameText(browser, origin, tag)))
        console.log(
          `${tag} (${k}): ${t.words} / ${t.staticWords} words\n  only widget: ${t.onlyWidget.join(' ')}\n  only static: ${t.onlyStatic.join(' ')}`,
        );
  } finally {
    await browser.close();
    server.close();
  }
}
