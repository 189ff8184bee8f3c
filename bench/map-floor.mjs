// Where the time of a small map goes, ours against Leaflet 1.9.4 + markercluster (the floor of
// the "map ≤ 0.5× at 1,000 / 10,000 points" goal): when each page has received its Leaflet code,
// its data, and when it shows markers. Median of --runs (3) after a warm-up, order alternating,
// 1× CPU, HTTP cache off, from 127.0.0.1. Prints a Markdown row per size: ours (Leaflet code /
// data / shown), the baseline's, ours ÷ baseline shown, our Leaflet code's arrival ÷ baseline shown,
// and the later of our code and data ÷ baseline shown (the floor: a first frame with zero work
// after the data arrived).
//   node bench/map-floor.mjs [--runs=3] [--sizes=1000,10000]   (after npm run bench built dist/ and bench/.data/)
import puppeteer from 'puppeteer-core';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const runs = Number(arg('runs', 3));
const sizes = arg('sizes', '1000,10000').split(',').map(Number);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const { server, origin } = await startBenchServer(0);
await preload();
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
const pages = { widget: ['map', /\/chunks\/map-/], leaflet: ['leaflet-baseline', /\/leaflet(\.markercluster)?\.js$/] };
try {
  for (const n of sizes) {
    const out = { widget: [], leaflet: [] };
    for (let r = -1; r < runs; r++) {
      // Alternating order, after one warm-up pair (r = -1) that is not counted.
      for (const [v, [file, leafletCode]] of r % 2 ? Object.entries(pages) : Object.entries(pages).reverse()) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        const cdp = await page.createCDPSession();
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await page.goto(`${origin}/bench/pages/${file}.html?n=${n}`, { waitUntil: 'load' });
        const shown = await page.evaluate(() => __ready);
        const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name, e.responseEnd]));
        const leaflet = Math.max(...entries.filter(([name]) => leafletCode.test(name)).map(([, t]) => t));
        const data = Math.max(...entries.filter(([name]) => name.includes('/benches-')).map(([, t]) => t));
        if (r >= 0) out[v].push({ shown, leaflet, data, ready: Math.max(leaflet, data) });
        await context.close();
      }
    }
    const m = (v, k) => Math.round(median(out[v].map((x) => x[k])));
    console.log(
      `| ${n.toLocaleString('en')} | ${m('widget', 'leaflet')} ms / ${m('widget', 'data')} ms / ${m('widget', 'shown')} ms | ${m('leaflet', 'leaflet')} ms / ${m('leaflet', 'data')} ms / ${m('leaflet', 'shown')} ms | ${(m('widget', 'shown') / m('leaflet', 'shown')).toFixed(2)}× | ${(m('widget', 'leaflet') / m('leaflet', 'shown')).toFixed(2)}× | ${(m('widget', 'ready') / m('leaflet', 'shown')).toFixed(2)}× |`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
