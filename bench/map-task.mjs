// The bench map's main-thread CPU (thread time from a Chrome trace) in the one long task that
// turns the parsed feed into the first markers (the widget reads the benches, renders, builds the
// cluster index and the Leaflet map), and in the whole page up to the first markers, with the
// forced style recalculations and layouts in that task. Thread time moves much less with the
// machine's load than wall time. Two builds side by side: each work tree's own dist/ and bench
// server, order alternating, after a warm-up pair (e.g. main in a scratch worktree vs a branch).
// --throttle=4 slows the main thread down 4× (DevTools CPU throttling, as `npm run bench` does);
// the compile column sums V8's compile work on the main thread until the first markers (lazy
// compiles of functions on their first call, module compiles, the end of streamed compiles).
//   node bench/map-task.mjs [--trees=/path/a,/path/b] [--n=10000] [--runs=5] [--throttle=1]   (after building each dist/)
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';

const here = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const trees = arg('trees', here).split(',');
const n = Number(arg('n', 10000));
const runs = Number(arg('runs', 5));
const throttle = Number(arg('throttle', 1));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const servers = {};
for (const tree of trees) {
  const { preload, startBenchServer } = await import(`${tree}/bench/server.mjs`);
  servers[tree] = await startBenchServer(0);
  await preload(['bench/.data/', 'bench/pages/']);
}
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
const out = Object.fromEntries(trees.map((t) => [t, []]));
try {
  for (let r = -1; r < runs; r++) {
    for (const tree of r % 2 ? trees : [...trees].reverse()) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const cdp = await page.createCDPSession();
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await page.tracing.start({
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink.user_timing',
          'v8',
          'disabled-by-default-v8.compile',
        ],
      });
      await page.goto(`${servers[tree].origin}/bench/pages/map.html?n=${n}`, { waitUntil: 'load' });
      const shown = await page.evaluate(() => __ready);
      const { traceEvents } = JSON.parse(new TextDecoder().decode(await page.tracing.stop()));
      await context.close();
      const mains = traceEvents
        .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`);
      const nav = traceEvents.find(
        (e) => e.name === 'navigationStart' && mains.includes(`${e.pid}:${e.tid}`) && /^http:/.test(e.args?.data?.documentLoaderURL ?? ''),
      );
      const events = traceEvents
        .filter((e) => `${e.pid}:${e.tid}` === `${nav.pid}:${nav.tid}` && e.ph === 'X')
        .map((e) => ({ name: e.name, at: (e.ts - nav.ts) / 1000, end: (e.ts + e.dur - nav.ts) / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
      const tasks = events.filter((e) => e.name === 'RunTask' && e.end > 0 && e.at < shown);
      // The task with most thread time in the last 400 ms before the markers showed.
      const last = tasks.filter((t) => t.at > shown - 400).reduce((a, b) => (b.cpu > a.cpu ? b : a));
      const inside = (name) => events.filter((e) => e.name === name && e.at >= last.at && e.end <= last.end + 0.001);
      const sum = (list) => list.reduce((s, e) => s + e.cpu, 0);
      // Outermost compile events only (V8 nests its compile phases).
      const compiles = events.filter(
        (e) => /^V8\.CompileCode$|^v8\.compileModule$|^v8\.streamingCompile\.complete$/.test(e.name) && e.at < shown,
      );
      const outer = compiles.filter((e) => !compiles.some((o) => o !== e && o.at <= e.at && o.end >= e.end && o.cpu > e.cpu));
      if (r >= 0) {
        out[tree].push({
          shown,
          page: sum(tasks),
          task: last.cpu,
          compile: sum(outer),
          layouts: inside('Layout').length,
          layoutMs: sum(inside('Layout')),
          styles: inside('UpdateLayoutTree').length,
          styleMs: sum(inside('UpdateLayoutTree')),
        });
      }
    }
  }
} finally {
  await browser.close();
  for (const tree of trees) servers[tree].server.close();
}
console.log(
  `| build | points | CPU | CPU until first markers | of it: compiling | CPU of the task that makes them | of it: style recalcs / layouts | first markers (wall) |`,
);
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
for (const tree of trees) {
  const m = (k, d = 1) => median(out[tree].map((x) => x[k])).toFixed(d);
  console.log(
    `| ${tree} | ${n.toLocaleString('en')} | ${throttle}× | ${m('page')} ms | ${m('compile')} ms | ${m('task')} ms (${out[tree].map((x) => x.task.toFixed(0)).join(', ')}) | ${m('styles', 0)} (${m('styleMs')} ms) / ${m('layouts', 0)} (${m('layoutMs')} ms) | ${m('shown', 0)} ms |`,
  );
}
