// The card's feed read alone (parseProgramme on demo/data/ehrenamt.json), cold (the first call in a
// fresh page, as on the way to the first frame) and warm (the second call), in headless Chromium:
// this checkout's src/ against another's (--base=<checkout>, e.g. a scratch worktree of main), each
// bundled by esbuild, both in each of 15 fresh pages, medians. Issue 18: what the plain partner
// reader (src/ehrenamt-card/ehrenamt-card.plain.ts) saves.
//   node bench/card-parse.mjs --base=../wt-base [--throttle=4] [--runs=15]
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const base = arg('base');
if (!base) throw new Error('--base=<another checkout> is required');
const rate = Number(arg('throttle', 4));
const runs = Number(arg('runs', 15));
const dir = `${root}bench/.data/card-parse/`;
mkdirSync(dir, { recursive: true });
const demo = readFileSync(`${root}demo/data/ehrenamt.json`, 'utf8');
for (const [n, d] of [
  ['base', resolve(base)],
  ['this', root],
])
  await build({
    stdin: { contents: `export { parseProgramme } from '${d}/src/ehrenamt-card/ehrenamt-card.model.ts';`, resolveDir: d, loader: 'ts' },
    bundle: true,
    format: 'esm',
    minify: true,
    outfile: `${dir}${n}.js`,
    logLevel: 'error',
    tsconfig: `${d}/tsconfig.json`,
  });
// Both builds in one fresh page (each bundle has its own valibot, so both run cold), in turns which
// goes first: both see the same moment's load, and the run's difference is what one build saves.
const page = (order) => `<!doctype html><script type="module">const raw = ${demo};
import { parseProgramme as base } from '/base.js';
import { parseProgramme as self } from '/this.js';
const ctx = { baseUrl: location.href, lang: 'de', warn() {} };
const time = (f) => { const t = performance.now(); f(raw, ctx); return performance.now() - t; };
const out = {};
for (const [n, f] of ${order}) out[n] = time(f);
for (const [n, f] of ${order}) out[n + 'Warm'] = time(f);
window.__t = out;</script>`;
const server = createServer((req, res) => {
  const n = req.url.slice(1);
  if (n.endsWith('.js')) {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    return res.end(readFileSync(`${dir}${n}`));
  }
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end(page(n === 'base-first' ? "[['base', base], ['this', self]]" : "[['this', self], ['base', base]]"));
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
const out = [];
for (let i = 0; i < runs; i++) {
  const ctx = await browser.createBrowserContext();
  const p = await ctx.newPage();
  const cdp = await p.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await p.goto(`${origin}/${i % 2 ? 'base-first' : 'this-first'}`);
  out.push(await p.waitForFunction(() => window.__t).then((h) => h.jsonValue()));
  await ctx.close();
}
const med = (x) => x.sort((a, b) => a - b)[x.length >> 1];
const show = (k) => `${k} ${med(out.map((r) => r[k])).toFixed(1)} ms`;
console.log(
  `${rate}× CPU, ${runs} pages, medians: cold: ${show('base')}, ${show('this')}, this − base per page ${med(out.map((r) => r.this - r.base)).toFixed(1)} ms; warm: ${show('baseWarm')}, ${show('thisWarm')}`,
);
await browser.close();
server.close();
