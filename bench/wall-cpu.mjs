// Main-thread CPU time (trace thread time, not wall time) of the idea wall's two first-render
// pages: the demo feed's first content (bench/.data/first/idea-wall.html, 23 ideas) and the
// 1,000-idea "usable" page of `npm run bench` against its vanilla-DOM page. Thread time moves much
// less with the load of other processes than wall time does. With --against=<dist folder> the
// same pages also run on another build (e.g. main's, built in a scratch worktree), side by side,
// order alternating, so a change can be measured before/after in one run. Also per page: how many
// layouts ran and how many elements were styled before the content was on screen (load-free counts).
//   node bench/wall-cpu.mjs [--runs=7] [--against=../wt-base/dist] [--n=1000] [--only=demo|usable] [--phone] [--dist=<snapshot of dist>]   (after building dist/)
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { firstContentPages } from './first-content.mjs';
import { generate } from './generate.mjs';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const runs = Number(arg('runs', 7));
const n = Number(arg('n', 1000));
const against = arg('against', '');
const only = arg('only', '');
// --phone: a phone's screen (390×844) and CPU (4× slower), where the first screen holds three cards.
const phone = process.argv.includes('--phone');
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

await firstContentPages();
generate({ ideaSizes: [n], mapSizes: [], partners: 0 });
// --dist: this build from a snapshot folder, so a test run rebuilding dist/ meanwhile cannot break a page.
const dist = arg('dist', '');
const builds = { this: await startBenchServer(0, dist ? { distDir: resolve(dist) } : {}) };
if (against) builds.other = await startBenchServer(0, { distDir: resolve(against) });
await preload(['bench/.data/', 'bench/pages/', 'demo/data/']);

/** In the page: its content frame (`first`) and when its code and its feed had arrived (resource timing). */
async function stamps(ready) {
  const first = await (ready === 'first' ? window.__first.then((r) => r.first) : window.__ready);
  const end = (test) =>
    Math.max(
      0,
      ...performance
        .getEntriesByType('resource')
        .filter((e) => test(e.name))
        .map((e) => e.responseEnd),
    );
  return {
    first,
    arrived: Math.max(
      end((u) => u.includes('/dist/')),
      end((u) => /\/(\.data|data)\//.test(u)),
    ),
  };
}

const pages = {
  'demo feed, first content': { url: '/bench/.data/first/idea-wall.html', ready: 'first' },
  [`${n} ideas, usable`]: { url: `/bench/pages/idea-wall.html?n=${n}`, ready: 'usable' },
  [`${n} ideas, vanilla DOM`]: { url: `/bench/pages/vanilla-ideas.html?n=${n}`, ready: 'usable', once: true },
};

/**
 * Thread time of the page's main-thread tasks until its content frame, of those after its code and
 * feed had both arrived, and its layouts and styled elements until then.
 */
function measure(events, { first, arrived }) {
  const nav = events.find((e) => e.name === 'navigationStart' && /^http:/.test(e.args?.data?.documentLoaderURL ?? ''));
  const at = (e) => (e.ts - nav.ts) / 1000;
  const on = (e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && at(e) < first;
  let cpu = 0;
  let after = 0;
  let layouts = 0;
  let styled = 0;
  for (const e of events) {
    if (!on(e)) continue;
    if (e.name === 'RunTask' && e.tdur !== undefined) {
      cpu += e.tdur / 1000;
      if (at(e) + e.dur / 1000 > arrived) after += e.tdur / 1000;
    }
    if (e.name === 'Layout' && (e.args?.beginData?.dirtyObjects ?? 0) > 1) layouts++;
    if (e.name === 'UpdateLayoutTree') styled += e.args?.elementCount ?? 0;
  }
  return { cpu, after, layouts, styled };
}

const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
try {
  const out = {};
  for (let r = -1; r < runs; r++) {
    const order = Object.entries(builds);
    if (r % 2) order.reverse();
    for (const [build, { origin }] of order)
      for (const [name, p] of Object.entries(pages)) {
        if ((p.once && build !== 'this') || !name.includes(only)) continue;
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport(phone ? { width: 390, height: 844, isMobile: true } : { width: 1280, height: 900 });
        const cdp = await page.createCDPSession();
        if (phone) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
        await page.goto(origin + p.url, { waitUntil: 'domcontentloaded' });
        const stamp = await page.evaluate(stamps, p.ready);
        const { traceEvents } = JSON.parse(new TextDecoder().decode(await page.tracing.stop()));
        await context.close();
        if (r < 0) continue; // warm-up
        ((out[name] ??= {})[build] ??= []).push({ wall: stamp.first, ...measure(traceEvents, stamp) });
      }
  }
  console.log(
    `| page | build | content on screen (wall) | main-thread CPU until then | of it after code and feed arrived | layouts | elements styled |`,
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, byBuild] of Object.entries(out))
    for (const [build, xs] of Object.entries(byBuild)) {
      const m = (k) => median(xs.map((x) => x[k]));
      console.log(
        `| ${name} | ${build} | ${Math.round(m('wall'))} ms | ${m('cpu').toFixed(1)} ms | ${m('after').toFixed(1)} ms | ${m('layouts')} | ${m('styled')} |`,
      );
    }
  console.log(`median of ${runs} runs after a warm-up; ${phone ? '390×844, 4× CPU' : '1280×900, 1× CPU'}, HTTP cache off`);
} finally {
  await browser.close();
  for (const { server } of Object.values(builds)) server.close();
}
