// `node bench/first-hints.mjs [runs]` (dist/ built, `npm run bench -- --only=first` once for the pages):
// only the 150 ms round-trip condition of the first-content table, static page vs the README snippet vs
// the snippet with the <head> preload hints (WordPress plugin / EINBINDEN.html), many runs quickly.
// Pages alternate in a rotating order; ratios are taken run by run (median shown).
import puppeteer from 'puppeteer-core';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';
import { firstAt, firstContentPages } from './first-content.mjs';
import { startBenchServer } from './server.mjs';

const runs = Number(process.argv[2] ?? 9);
const tags = ['idea-wall', 'ehrenamt-card', 'mitfahrbank-map', 'jugend-budget', 'partner-logos'];
const variants = ['static', 'plain', 'hints'];
const url = (origin, tag, v) => `${origin}/bench/.data/first/${tag}${v === 'plain' ? '' : `-${v}`}.html`;
const condition = { throttle: 1, latency: 150 };
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

await firstContentPages();
const { server, origin } = await startBenchServer(0);
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
try {
  for (const tag of tags) for (const v of variants) await firstAt(browser, url(origin, tag, v), condition); // untimed round
  const res = Object.fromEntries(tags.map((t) => [t, { static: [], plain: [], hints: [] }]));
  for (let r = 0; r < runs; r++)
    for (const tag of tags)
      for (const v of [...variants.slice(r % 3), ...variants.slice(0, r % 3)])
        res[tag][v].push((await firstAt(browser, url(origin, tag, v), condition)).first);
  console.log('| Widget | static page | snippet | snippet ÷ static | snippet + preload hints | hints ÷ static (goal ≤ 2.5×) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const tag of tags) {
    const r = res[tag];
    const ratio = (v) => median(r[v].map((x, i) => x / r.static[i])).toFixed(2);
    const ms = (v) => `${Math.round(median(r[v]))} ms`;
    console.log(`| \`<${tag}>\` | ${ms('static')} | ${ms('plain')} | ${ratio('plain')}× | ${ms('hints')} | ${ratio('hints')}× |`);
  }
} finally {
  await browser.close();
  server.close();
}
