// First content of one widget with the demo feed (bench/first-content.mjs's pages): the static page,
// another build's widget (--base=<its dist/>, e.g. main's, built in a scratch worktree) and this
// build's, side by side in one run, in turns, so both builds see the same load. Medians.
//   node bench/first-vs-base.mjs --base=../wt-base/dist [--tag=ehrenamt-card] [--runs=15]
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { firstContentPages } from './first-content.mjs';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';
import { freshPage } from './fresh-page.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const runs = Number(arg('runs', 15));
const tag = arg('tag', 'ehrenamt-card');
const baseDist = arg('base');
if (!baseDist) throw new Error('--base=<dist/ of the other build> is needed');
await firstContentPages();
await preload(['bench/.data/', 'demo/data/']);
const mine = await startBenchServer(0);
const base = await startBenchServer(0, { distDir: resolve(baseDist) });
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
const conditions = [
  { name: 'normal', throttle: 1, latency: 0 },
  { name: '4× CPU slowdown', throttle: 4, latency: 0 },
  { name: '150 ms round trips', throttle: 1, latency: 150 },
];

async function first(url, c) {
  const { context, page } = await freshPage(browser, c);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return (await page.evaluate(() => window.__first)).first;
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const variants = [
  ['static', `${mine.origin}/bench/.data/first/${tag}-static.html`],
  ['base', `${base.origin}/bench/.data/first/${tag}.html`],
  ['this', `${mine.origin}/bench/.data/first/${tag}.html`],
];
try {
  console.log(`| <${tag}> | static page | base | this build | this ÷ base |\n| --- | ---: | ---: | ---: | ---: |`);
  for (const c of conditions) {
    const s = { static: [], base: [], this: [] };
    for (let r = 0; r < runs; r++)
      for (const [name, url] of [...variants.slice(r % 3), ...variants.slice(0, r % 3)]) s[name].push(await first(url, c));
    const m = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, median(v)]));
    const x = (v) => `${Math.round(v)} ms (${(v / m.static).toFixed(2)}×)`;
    console.log(`| ${c.name} | ${Math.round(m.static)} ms | ${x(m.base)} | ${x(m.this)} | ${(m.this / m.base).toFixed(2)} |`);
  }
} finally {
  await browser.close();
  mine.server.close();
  base.server.close();
}
