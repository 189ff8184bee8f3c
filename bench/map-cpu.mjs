// Main-thread CPU time (thread time from a Chrome trace, not wall time) of the bench map against
// Leaflet 1.9.4 + markercluster, from navigation start to the first markers, and the part of it
// after both the map code and the data had arrived. On a shared machine wall times swing with
// the load of other processes; the thread time a page's main thread spent working does much less.
// Median of --runs (5) after a warm-up pair, order alternating, 1× CPU, HTTP cache off.
//   node bench/map-cpu.mjs [--runs=5] [--sizes=1000,10000]   (after npm run bench built dist/ and bench/.data/)
import puppeteer from 'puppeteer-core';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const runs = Number(arg('runs', 5));
const sizes = arg('sizes', '1000,10000').split(',').map(Number);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const pages = { widget: ['map', /\/chunks\/map-/], leaflet: ['leaflet-baseline', /\/leaflet(\.markercluster)?\.js$/] };

/** Thread milliseconds of top-level tasks on the page's main thread between two page times. */
function cpu(events, from, to) {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  // The page's navigation, not that of Chrome's own renderers (the omnibox popup has one too).
  const nav = events.find(
    (e) => e.name === 'navigationStart' && mains.includes(`${e.pid}:${e.tid}`) && /^http:/.test(e.args?.data?.documentLoaderURL ?? ''),
  );
  if (!nav) throw new Error('no navigationStart in the trace');
  const thread = `${nav.pid}:${nav.tid}`;
  let us = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || `${e.pid}:${e.tid}` !== thread || e.tdur === undefined) continue;
    const at = (e.ts - nav.ts) / 1000;
    if (at + e.dur / 1000 < from || at > to) continue;
    us += e.tdur;
  }
  return us / 1000;
}

const { server, origin } = await startBenchServer(0);
await preload();
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
try {
  console.log(
    '| points | CPU until shown: ours / baseline | ratio | CPU after code and data arrived: ours / baseline | shown (wall): ours / baseline |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const n of sizes) {
    const out = { widget: [], leaflet: [] };
    for (let r = -1; r < runs; r++) {
      for (const [v, [file, code]] of r % 2 ? Object.entries(pages) : Object.entries(pages).reverse()) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        const cdp = await page.createCDPSession();
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
        await page.goto(`${origin}/bench/pages/${file}.html?n=${n}`, { waitUntil: 'load' });
        const shown = await page.evaluate(() => __ready);
        const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name, e.responseEnd]));
        const { traceEvents } = JSON.parse(new TextDecoder().decode(await page.tracing.stop()));
        const ready = Math.max(...entries.filter(([name]) => code.test(name) || name.includes('/benches-')).map(([, t]) => t));
        if (r >= 0) out[v].push({ total: cpu(traceEvents, 0, shown), after: cpu(traceEvents, ready, shown), shown });
        await context.close();
      }
    }
    const m = (v, k) => Math.round(median(out[v].map((x) => x[k])));
    console.log(
      `| ${n.toLocaleString('en')} | ${m('widget', 'total')} ms / ${m('leaflet', 'total')} ms | ${(m('widget', 'total') / m('leaflet', 'total')).toFixed(2)}× | ${m('widget', 'after')} ms / ${m('leaflet', 'after')} ms | ${m('widget', 'shown')} ms / ${m('leaflet', 'shown')} ms |`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
