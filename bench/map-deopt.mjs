// Where V8 throws optimised code away while the bench map builds its first markers: loads
// bench/pages/map.html with --trace-deopt-verbose and lists each deoptimisation in our chunks by
// function, reason and place in the built file, with a count. Code that runs once, cold (the
// cluster index, reading the feed), pays for each: the function drops back to the interpreter
// and is compiled again. A count above 1 at one place means cached optimised code was entered
// and left again, e.g. once per call (the sixth session found 16 in the cluster index).
//   node bench/map-deopt.mjs [--n=10000] [--no-build]   (our built files: widget, core, the map chunk with Leaflet)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { generate } from './generate.mjs';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const n = Number(arg('n', 10000));
if (!process.argv.includes('--no-build')) {
  execFileSync('node', ['scripts/gen-leaflet-css.mjs'], { cwd: root, stdio: 'inherit' });
  execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: root, stdio: 'inherit' });
}
generate({ ideaSizes: [], mapSizes: [n], partners: 10 });
const { server, origin } = await startBenchServer(0);
await preload(['bench/.data/', 'bench/pages/']);
const browser = await puppeteer.launch({
  executablePath: ensureChrome(),
  headless: true,
  args: [...chromeArgs, '--js-flags=--trace-deopt-verbose'],
  dumpio: true, // V8 writes the trace to the renderer's stdout, which Chrome passes on
});
let log = '';
const out = browser.process();
out.stdout.on('data', (d) => (log += d));
out.stderr.on('data', () => {}); // Chrome's own messages
try {
  const page = await (await browser.createBrowserContext()).newPage();
  await page.goto(`${origin}/bench/pages/map.html?n=${n}`, { waitUntil: 'load' });
  const shown = await page.evaluate(() => __ready);
  await new Promise((resolve) => setTimeout(resolve, 200)); // the trace reaches the pipe
  const found = new Map();
  const blocks = log.split('[bailout (kind: ').slice(1);
  for (const block of blocks) {
    const reason = /reason: ([^)]*)\)/.exec(block)?.[1] ?? '?';
    const fn = /<JSFunction ([^ >]*)/.exec(block)?.[1] ?? '(anonymous)';
    const at = /deoptimize at <([^>]*)>/.exec(block)?.[1] ?? '?';
    const file = at.split('/').pop();
    if (!at.includes('/dist/')) continue; // the page's own scripts and the bench probe
    if (reason.startsWith('prepare for on stack replacement')) continue; // entering optimised loop code, not a loss
    const key = `${fn.startsWith('(sfi') ? '(anonymous)' : fn} | ${reason} | ${file}`;
    found.set(key, (found.get(key) ?? 0) + 1);
  }
  console.log(
    `bench map, ${n.toLocaleString('en')} points: first markers at ${Math.round(shown)} ms; deoptimisations in our chunks (count | function | reason | place):`,
  );
  for (const [key, count] of [...found].sort((a, b) => b[1] - a[1])) console.log(`${String(count).padStart(4)} | ${key}`);
  console.log(
    'Function names are the minified ones; find a place with: node -e "…readFileSync(chunk).split(\'\\n\')[line-1].slice(col-60, col+60)"',
  );
} finally {
  await browser.close();
  server.close();
}
