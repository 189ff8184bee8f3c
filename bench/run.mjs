// `npm run bench`: measures the widgets in headless Chromium against plain baselines in the same
// run and writes bench/results/<time>.{json,md} and bench/RESULTS.md. A benchmark, never a CI gate.
//
//   npm run bench                      everything, 5 runs per measurement, then again at 4× CPU throttling
//   npm run bench -- --runs=3          fewer runs
//   npm run bench -- --first-runs=21   runs per cell of the first-content table (default 11: each page takes 0.1–1 s)
//   npm run bench -- --only=ideas,map  first | ideas | map | partners | page | memory | budget | wordpress
//   npm run bench -- --quick           1 run, small sizes only (a smoke test of the harness)
//   npm run bench -- --no-build        use the existing dist/ instead of building first
//   npm run bench -- --no-throttle     skip the 4× CPU throttled pass
//
// Baselines that cannot be npm dependencies (Leaflet 1.9.4 + Leaflet.markercluster 1.5.3) are
// fetched once with `npm pack` into bench/.vendor/. Everything else is served from 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { embedAssets, generate } from './generate.mjs';
import { firstContent, firstContentMarkdown, goalsMarkdown } from './first-content.mjs';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';
import { wordpressFeed, wordpressMarkdown } from './wordpress.mjs';
import { budgetBench, budgetMarkdown } from './budget.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const arg = (name, fallback) => {
  const a = process.argv.find((x) => x === `--${name}` || x.startsWith(`--${name}=`));
  if (!a) return fallback;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : true;
};
const quick = !!arg('quick', false);
const runs = Number(arg('runs', quick ? 1 : 5));
// The first-content pages are cheap and their single runs swing by 10–20 ms against 40–80 ms: more runs.
const firstRuns = Number(arg('first-runs', quick ? 1 : 11));
const only = String(arg('only', 'first,ideas,map,partners,page,memory,budget,wordpress')).split(',');
const throttles = arg('no-throttle', false) ? [1] : [1, 4];
const sizes = {
  ideas: quick ? [1000] : [1000, 10000],
  map: quick ? [1000] : [1000, 10000, 100000],
  partners: 5000,
};
/** A page that is not usable after this long counts as "> limit" instead of stopping the run
 * (navigation may take longer than puppeteer's 30 s: the 100,000-point baseline at 4× CPU did). */
const limitMs = Number(arg('limit', 45000));
const withLimit = (path) => `${path}${path.includes('?') ? '&' : '?'}timeout=${limitMs}`;
const log = (...a) => console.log('[bench]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x) && x !== undefined).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// --- preparation ----------------------------------------------------------------------------

function ensureVendor() {
  const dir = `${here}.vendor/`;
  const need = { leaflet: 'leaflet@1.9.4', 'leaflet.markercluster': 'leaflet.markercluster@1.5.3' };
  mkdirSync(dir, { recursive: true });
  for (const [name, spec] of Object.entries(need)) {
    if (existsSync(`${dir}${name}/package.json`)) continue;
    log(`fetching ${spec} (npm pack) into bench/.vendor/`);
    if (!readdirSync(dir).some((f) => f.startsWith(`${name}-`) && f.endsWith('.tgz'))) {
      execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const tgz = readdirSync(dir).find((f) => new RegExp(`^${name.replace('.', '\\.')}-\\d`).test(f) && f.endsWith('.tgz'));
    mkdirSync(`${dir}${name}`, { recursive: true });
    execFileSync('tar', ['-xzf', `${dir}${tgz}`, '-C', `${dir}${name}`, '--strip-components=1']);
  }
}

function build() {
  log('building dist/ (rollup) …');
  execFileSync('node', ['scripts/gen-leaflet-css.mjs'], { cwd: root, stdio: 'inherit' });
  execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: root, stdio: 'inherit' });
}

// --- browser --------------------------------------------------------------------------------

let puppeteer;
try {
  // Bundled with @web/test-runner-chrome (a dev dependency); no dependency of our own.
  puppeteer = (await import('puppeteer-core')).default;
} catch {
  console.error('puppeteer-core not found in node_modules (it comes with @web/test-runner-chrome): run `npm ci` first.');
  process.exit(1);
}

async function openPage(browser, { throttle = 1, width = 1280, height = 900, cache = false } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height });
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache });
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to decode downloaded font|OTS parsing error/.test(m.text())) errors.push(m.text());
  });
  return { page, cdp, errors, close: () => context.close() };
}

/** Drags the map three times (like a visitor panning) and counts animation frames meanwhile. */
async function panFps(page) {
  const info = await page.evaluate(() => __mapInfo());
  await page.evaluate(() => (window.__stopFrames = __frames()));
  const t0 = Date.now();
  for (let d = 0; d < 3; d++) {
    const dir = d % 2 ? -1 : 1;
    let x = info.x - dir * 180;
    const y = info.y + (d - 1) * 60;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let s = 0; s < 30; s++) {
      x += dir * 12;
      await page.mouse.move(x, y + Math.sin(s / 5) * 20);
      await sleep(8);
    }
    await page.mouse.up();
    await sleep(150);
  }
  const stamps = await page.evaluate(() => __stopFrames());
  const wall = Date.now() - t0;
  const span = stamps.at(-1) - stamps[0];
  let worst = 0;
  for (let i = 1; i < stamps.length; i++) worst = Math.max(worst, stamps[i] - stamps[i - 1]);
  const after = await page.evaluate(() => __mapInfo());
  return { fps: ((stamps.length - 1) / span) * 1000, worstFrame: worst, wall, markers: after.markers };
}

// --- scenarios --------------------------------------------------------------------------------

async function timeToUsable(browser, origin, path, throttle, keystroke) {
  const { page, errors, close } = await openPage(browser, { throttle });
  try {
    await page.goto(`${origin}${withLimit(path)}`, { waitUntil: 'load', timeout: 2 * limitMs });
    const usable = await page.evaluate(() => __ready).catch(() => Infinity);
    if (usable === Infinity) return { usable, errors: [...errors, `${path}: not usable within ${limitMs / 1000} s`] };
    let key;
    if (keystroke) {
      await sleep(300);
      key = await page.evaluate((k) => __keystroke(k), keystroke);
    }
    return { usable, keystroke: key?.ms, shown: key?.shown, errors };
  } finally {
    await close();
  }
}

async function ideas(browser, origin, throttle) {
  const rows = [];
  for (const n of sizes.ideas) {
    const samples = { widget: [], vanilla: [] };
    for (let r = 0; r < runs; r++) {
      // Side by side: both variants in every run, alternating which goes first.
      const order = r % 2 ? ['vanilla', 'widget'] : ['widget', 'vanilla'];
      for (const v of order) {
        samples[v].push(
          await timeToUsable(browser, origin, `/bench/pages/${v === 'widget' ? 'idea-wall' : 'vanilla-ideas'}.html?n=${n}`, throttle, 'b'),
        );
      }
    }
    const m = (v, k) => median(samples[v].map((s) => s[k]));
    rows.push({
      n,
      throttle,
      widget: { usable: m('widget', 'usable'), keystroke: m('widget', 'keystroke'), cardsInDom: samples.widget[0].shown },
      vanilla: { usable: m('vanilla', 'usable'), keystroke: m('vanilla', 'keystroke'), cardsShown: samples.vanilla[0].shown },
      errors: [...new Set(samples.widget.concat(samples.vanilla).flatMap((s) => s.errors))],
    });
    log(`ideas ${n} ×${throttle}:`, JSON.stringify(rows.at(-1)));
  }
  return rows;
}

async function mapRun(browser, origin, path, throttle) {
  const { page, errors, close } = await openPage(browser, { throttle });
  try {
    await page.goto(`${origin}${withLimit(path)}`, { waitUntil: 'load', timeout: 2 * limitMs });
    const shown = await page.evaluate(() => __ready).catch(() => Infinity);
    if (shown === Infinity)
      return { shown, fps: NaN, worstFrame: NaN, markers: NaN, errors: [...errors, `${path}: nothing shown within ${limitMs / 1000} s`] };
    await sleep(500);
    const pan = await panFps(page);
    return { shown, ...pan, errors };
  } finally {
    await close();
  }
}

async function map(browser, origin, throttle) {
  const rows = [];
  for (const n of sizes.map) {
    const samples = { widget: [], leaflet: [] };
    for (let r = 0; r < runs; r++) {
      const order = r % 2 ? ['leaflet', 'widget'] : ['widget', 'leaflet'];
      for (const v of order)
        samples[v].push(await mapRun(browser, origin, `/bench/pages/${v === 'widget' ? 'map' : 'leaflet-baseline'}.html?n=${n}`, throttle));
    }
    const m = (v, k) => median(samples[v].map((s) => s[k]));
    const pick = (v) => ({ shown: m(v, 'shown'), fps: m(v, 'fps'), worstFrame: m(v, 'worstFrame'), markers: m(v, 'markers') });
    rows.push({
      n,
      throttle,
      widget: pick('widget'),
      leaflet: pick('leaflet'),
      errors: [...new Set(samples.widget.concat(samples.leaflet).flatMap((s) => s.errors))],
    });
    log(`map ${n} ×${throttle}:`, JSON.stringify(rows.at(-1)));
  }
  return rows;
}

async function partners(browser, origin, throttle) {
  const samples = [];
  for (let r = 0; r < runs; r++)
    samples.push(await timeToUsable(browser, origin, `/bench/pages/partners.html?n=${sizes.partners}`, throttle, 'b'));
  const row = {
    n: sizes.partners,
    throttle,
    usable: median(samples.map((s) => s.usable)),
    keystroke: median(samples.map((s) => s.keystroke)),
    shownAfterKeystroke: samples[0].shown,
    errors: [...new Set(samples.flatMap((s) => s.errors))],
  };
  log(`partners ×${throttle}:`, JSON.stringify(row));
  return [row];
}

/** Requests/bytes before scrolling and in total, CLS and long tasks of a whole page. */
async function pageWeight(browser, origin, path, throttle) {
  const { page, cdp, errors, close } = await openPage(browser, { throttle, height: 800 });
  const net = { requests: 0, bytes: 0, inflight: new Set(), last: Date.now() };
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return;
    net.requests++;
    net.inflight.add(e.requestId);
    net.last = Date.now();
  });
  const done = (e) => {
    if (e.encodedDataLength) net.bytes += e.encodedDataLength;
    net.inflight.delete(e.requestId);
    net.last = Date.now();
  };
  cdp.on('Network.loadingFinished', done);
  cdp.on('Network.loadingFailed', done);
  const quiet = async (ms = 1000) => {
    while (net.inflight.size || Date.now() - net.last < ms) await sleep(100);
  };
  try {
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    await sleep(500);
    await quiet();
    const before = { requests: net.requests, bytes: net.bytes };
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
        scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 250));
      }
      scrollTo(0, document.documentElement.scrollHeight);
    });
    await sleep(500);
    await quiet();
    const b = await page.evaluate(() => ({ cls: __bench.cls, longTasks: __bench.longTasks, longTaskMs: __bench.longTaskMs }));
    return { before, total: { requests: net.requests, bytes: net.bytes }, ...b, errors };
  } finally {
    await close();
  }
}

async function pages(browser, origin, throttle) {
  const variants = { widgets: '/bench/pages/all-four.html', iframes: '/bench/pages/iframe-embed.html' };
  const samples = { widgets: [], iframes: [] };
  for (let r = 0; r < runs; r++) {
    const order = r % 2 ? ['iframes', 'widgets'] : ['widgets', 'iframes'];
    for (const v of order) samples[v].push(await pageWeight(browser, origin, variants[v], throttle));
  }
  const pick = (v) => {
    const s = samples[v];
    const m = (f) => median(s.map(f));
    return {
      requestsBeforeScroll: m((x) => x.before.requests),
      bytesBeforeScroll: m((x) => x.before.bytes),
      requestsTotal: m((x) => x.total.requests),
      bytesTotal: m((x) => x.total.bytes),
      cls: m((x) => x.cls),
      longTasks: m((x) => x.longTasks),
      longTaskMs: m((x) => x.longTaskMs),
      errors: [...new Set(s.flatMap((x) => x.errors))],
    };
  };
  const row = { throttle, widgets: pick('widgets'), iframes: pick('iframes') };
  log(`page ×${throttle}:`, JSON.stringify(row));
  return [row];
}

async function memory(browser, origin) {
  const { page, cdp, errors, close } = await openPage(browser, { cache: true });
  const heap = async () => {
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await sleep(100);
    }
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { heap: usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents };
  };
  const cycles = quick ? 10 : 50;
  const sessionSeconds = quick ? 10 : 60;
  try {
    await page.goto(`${origin}/bench/pages/memory.html`, { waitUntil: 'load' });
    for (let i = 0; i < 3; i++) await page.evaluate(() => __cycle(0)); // warm-up: code loaded, caches filled
    const start = await heap();
    for (let i = 0; i < cycles; i++) await page.evaluate(() => __cycle(1));
    const afterCycles = await heap();
    // A long session: the widgets stay, polling every second (ETag → 304).
    await page.evaluate(() => __mount(1));
    const sessionStart = await heap();
    await sleep(sessionSeconds * 1000);
    const sessionEnd = await heap();
    await page.evaluate(() => __unmount());
    const end = await heap();
    const result = { cycles, sessionSeconds, start, afterCycles, sessionStart, sessionEnd, end, errors };
    log('memory:', JSON.stringify(result));
    return result;
  } finally {
    await close();
  }
}

// --- report -----------------------------------------------------------------------------------

const ms = (x) =>
  x === Infinity ? `> ${limitMs / 1000} s` : Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en')} ms` : '–';
const kb = (x) => (Number.isFinite(x) ? `${Math.round(x / 1024).toLocaleString('en')} KB` : '–');
const mb = (x) => `${(x / 1048576).toFixed(1)} MB`;
const ratio = (base, ours) =>
  ours === Infinity && Number.isFinite(base)
    ? `< ${(base / limitMs).toFixed(2)}×`
    : base === Infinity && Number.isFinite(ours)
      ? `> ${(limitMs / ours).toFixed(1)}×`
      : Number.isFinite(base) && Number.isFinite(ours) && ours > 0
        ? `${(base / ours).toFixed(2)}×`
        : '–';
const cpu = (t) => (t === 1 ? '1×' : `${t}× slower`);

function markdown(results) {
  const m = results.machine;
  const out = [];
  out.push(
    `Measured ${results.date} on ${m.cpu} (${m.cores} cores), ${m.memory}, ${m.os}, Node ${m.node}, ${m.browser}; commit \`${m.commit}\`.`,
  );
  out.push(
    `Median of ${results.runs} run(s) per cell (the first-content table: its own count, below), each in a fresh browser context with the HTTP cache off, gzip on, served from 127.0.0.1; "4× slower" = Chrome DevTools CPU throttling (Emulation.setCPUThrottlingRate 4), standing in for an old phone. Ratios are baseline ÷ stadttraum: above 1× stadttraum is faster (or lighter).`,
  );
  out.push('');
  // Issue 18: demo-size feeds against static pages, and the goals over all tables of this run.
  if (results.first?.length) out.push(firstContentMarkdown(results.first));
  // The first-content goals are in that table's own column; this one needs the ideas or map tables.
  if (results.ideas || results.map) out.push(goalsMarkdown(results));
  if (results.ideas?.length) {
    out.push('### Idea wall vs a vanilla-DOM page rendering all the same cards', '');
    out.push('| Ideas | CPU | usable: `<idea-wall>` | usable: vanilla | ratio | keystroke: `<idea-wall>` | keystroke: vanilla | ratio |');
    out.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results.ideas) {
      out.push(
        `| ${r.n.toLocaleString('en')} | ${cpu(r.throttle)} | ${ms(r.widget.usable)} | ${ms(r.vanilla.usable)} | ${ratio(r.vanilla.usable, r.widget.usable)} | ${ms(r.widget.keystroke)} | ${ms(r.vanilla.keystroke)} | ${ratio(r.vanilla.keystroke, r.widget.keystroke)} |`,
      );
    }
    out.push(
      '',
      '"Usable": from navigation start to the first frame with cards and the search box on screen (feed fetched, validated, rendered). "Keystroke": typing one letter ("b") into the empty search box until the filtered wall is rendered and laid out (style + layout forced): the work before the frame that shows the result. The wall draws its first page of 24 cards and searches only as far as that page needs (it counts all matches right after that frame, not measured here); the vanilla page searches all ideas and hides non-matching cards among all of them.',
      '',
    );
  }
  if (results.map?.length) {
    out.push('### Bench map vs Leaflet 1.9.4 + Leaflet.markercluster 1.5.3 (same points, no tiles)', '');
    out.push(
      '| Points | CPU | shown: `<mitfahrbank-map>` | shown: Leaflet + markercluster | ratio | fps panning: ours | fps panning: baseline | worst frame: ours / baseline | markers in DOM: ours / baseline |',
    );
    out.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results.map) {
      out.push(
        `| ${r.n.toLocaleString('en')} | ${cpu(r.throttle)} | ${ms(r.widget.shown)} | ${ms(r.leaflet.shown)} | ${ratio(r.leaflet.shown, r.widget.shown)} | ${Number.isFinite(r.widget.fps) ? Math.round(r.widget.fps) : '–'} | ${Number.isFinite(r.leaflet.fps) ? Math.round(r.leaflet.fps) : '–'} | ${ms(r.widget.worstFrame)} / ${ms(r.leaflet.worstFrame)} | ${Number.isFinite(r.widget.markers) ? Math.round(r.widget.markers) : '–'} / ${Number.isFinite(r.leaflet.markers) ? Math.round(r.leaflet.markers) : '–'} |`,
      );
    }
    out.push(
      '',
      '"Shown": from navigation start to the first frame with markers/clusters in the DOM (feed fetched and parsed, clustered, drawn; the widget with `consent="granted"`, so its Leaflet chunk loads on demand). "fps panning": animation frames per second during three mouse drags of 360 px each, including the re-clustering after each drag (headless Chromium paints at most 60 fps).',
      '',
    );
  }
  if (results.partners?.length) {
    out.push('### Ehrenamtskarte: partner list', '');
    out.push('| Partners | CPU | first render | search keystroke | partners in DOM after it |', '| ---: | --- | ---: | ---: | ---: |');
    for (const r of results.partners)
      out.push(
        `| ${r.n.toLocaleString('en')} | ${cpu(r.throttle)} | ${ms(r.usable)} | ${ms(r.keystroke)} | ${r.shownAfterKeystroke ?? '–'} |`,
      );
    out.push(
      '',
      '`<ehrenamt-card sections="partners">`; first render = navigation start to the first frame with partner entries and the search box.',
      '',
    );
  }
  if (results.page?.length) {
    out.push('### A page with all four widgets vs the same page with four iframe embeds (stand-in of typical weight)', '');
    out.push(
      '| Page | CPU | requests before scrolling | bytes before scrolling | requests total | bytes total | CLS | long tasks |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of results.page) {
      for (const [name, v] of [
        ['four widgets (`stadttraum.js`)', r.widgets],
        ['four iframe embeds', r.iframes],
      ]) {
        out.push(
          `| ${name} | ${cpu(r.throttle)} | ${v.requestsBeforeScroll} | ${kb(v.bytesBeforeScroll)} | ${v.requestsTotal} | ${kb(v.bytesTotal)} | ${v.cls.toFixed(3)} | ${v.longTasks} (${ms(v.longTaskMs)}) |`,
        );
      }
      out.push(
        `| ratio iframes ÷ widgets | ${cpu(r.throttle)} | ${ratio(r.iframes.requestsBeforeScroll, r.widgets.requestsBeforeScroll)} | ${ratio(r.iframes.bytesBeforeScroll, r.widgets.bytesBeforeScroll)} | ${ratio(r.iframes.requestsTotal, r.widgets.requestsTotal)} | ${ratio(r.iframes.bytesTotal, r.widgets.bytesTotal)} | | |`,
      );
    }
    out.push(
      '',
      'Viewport 1280 × 800, bytes as transferred (gzip). The page with the widgets uses the sample data from `demo/data/`; the map waits for consent (no Leaflet, no tiles). The iframe stand-in (`bench/embed/`) loads per embed the same data, a vendor bundle of real library code (~560 KB raw), a CSS framework build (~120 KB raw) and two web fonts — typical of hosted participation/map embeds, not a measurement of a specific product.',
      '',
    );
  }
  if (results.memory) {
    const r = results.memory;
    const row = (label, a, b) =>
      `| ${label} | ${mb(a.heap)} → ${mb(b.heap)} | ${b.heap - a.heap >= 0 ? '+' : ''}${((b.heap - a.heap) / 1024).toFixed(0)} KB | ${a.nodes} → ${b.nodes} | ${a.listeners} → ${b.listeners} |`;
    out.push('### Memory over a long session', '');
    out.push('| Step | JS heap (after GC) | growth | DOM nodes | JS event listeners |', '| --- | --- | ---: | ---: | ---: |');
    out.push(row(`${r.cycles} × add all four widgets (map with consent, refresh="1"), wait for data, remove`, r.start, r.afterCycles));
    out.push(`| per cycle | | ${((r.afterCycles.heap - r.start.heap) / r.cycles / 1024).toFixed(1)} KB | | |`);
    out.push(row(`all four widgets left open ${r.sessionSeconds} s with refresh="1" (ETag polling)`, r.sessionStart, r.sessionEnd));
    out.push(row('after removing them again (vs before the cycles)', r.start, r.end));
    out.push(
      '',
      'Heap from CDP `Runtime.getHeapUsage` after three `HeapProfiler.collectGarbage`; DOM nodes and listeners from `Memory.getDOMCounters`.',
      '',
    );
  }
  if (results.budget) out.push(budgetMarkdown(results.budget).replace(/^## /, '### '), '');
  if (results.wordpress) out.push(wordpressMarkdown(results.wordpress));
  const errors = [
    ...(results.ideas ?? []),
    ...(results.map ?? []),
    ...(results.partners ?? []),
    ...(results.page ?? []).flatMap((r) => [r.widgets, r.iframes]),
  ].flatMap((r) => r.errors ?? []);
  if (errors.length)
    out.push('Page errors seen during the run:', '', ...[...new Set(errors)].slice(0, 20).map((e) => `- ${e.slice(0, 300)}`), '');
  return out.join('\n');
}

// --- main -------------------------------------------------------------------------------------

ensureVendor();
if (!arg('no-build', false)) build();
generate({ ideaSizes: sizes.ideas, mapSizes: sizes.map, partners: sizes.partners });
embedAssets();
// Measure a snapshot of dist/: other builds into dist/ during the run must not change the code under test.
const distDir = `${here}.data/dist/`;
execFileSync('rm', ['-rf', distDir]);
execFileSync('cp', ['-r', `${root}dist`, distDir]);
const { server, origin } = await startBenchServer(0, { distDir });
await preload();
await preload(['bench/.data/dist/']);
const browser = await puppeteer.launch({
  executablePath: ensureChrome(),
  headless: true,
  args: [
    ...chromeArgs.filter((a) => a !== '--disable-dev-shm-usage'),
    '--disable-dev-shm-usage',
    '--enable-precise-memory-info',
    '--window-size=1280,900',
  ],
  protocolTimeout: 600_000,
});
const git = (a) => {
  try {
    return execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
};
const results = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  runs,
  machine: {
    cpu: os.cpus()[0]?.model ?? '?',
    cores: os.cpus().length,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GB RAM`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    browser: await browser.version(),
    commit:
      git(['rev-parse', '--short', 'HEAD']) + (git(['status', '--porcelain', '--', 'src']) ? ' (with uncommitted changes in src/)' : ''),
  },
};
try {
  if (only.includes('first')) results.first = await firstContent(browser, origin, { runs: firstRuns, log });
  for (const throttle of throttles) {
    if (only.includes('ideas')) (results.ideas ??= []).push(...(await ideas(browser, origin, throttle)));
    if (only.includes('map')) (results.map ??= []).push(...(await map(browser, origin, throttle)));
    if (only.includes('partners')) (results.partners ??= []).push(...(await partners(browser, origin, throttle)));
    if (only.includes('page')) (results.page ??= []).push(...(await pages(browser, origin, throttle)));
  }
  if (only.includes('memory')) results.memory = await memory(browser, origin);
  // Issue 21: the youth budget computing a result from 1,000 projects and 100,000 ballots (bench/budget.mjs).
  if (only.includes('budget'))
    results.budget = await budgetBench(browser, origin, { projects: quick ? 200 : 1000, ballots: quick ? 20000 : 100000, throttles, log });
} finally {
  await browser.close();
  server.close();
}
// The WordPress feed needs Debian's WordPress, PHP and MariaDB (installed like the WordPress tests do).
if (only.includes('wordpress'))
  results.wordpress = await wordpressFeed({ runs: quick ? 3 : 7, ideas: quick ? 200 : 2000, log: (m) => log(m) });
const md = markdown(results);
mkdirSync(`${here}results`, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
writeFileSync(`${here}results/${stamp}.json`, JSON.stringify(results, null, 2));
writeFileSync(`${here}results/${stamp}.md`, md);
writeFileSync(`${here}results/latest.json`, JSON.stringify(results, null, 2));
if (!quick && !arg('only', false)) {
  const head = readFileSync(`${here}RESULTS.head.md`, 'utf8');
  writeFileSync(`${here}RESULTS.md`, `${head}\n${md}`);
  log('wrote bench/RESULTS.md');
}
console.log(`\n${md}`);
log(`results: bench/results/${stamp}.{json,md}`);
