// Where V8 throws optimised code away while the bench map builds its first markers: loads
// bench/pages/map.html with --trace-deopt-verbose and lists each deoptimisation in our built files
// (widget, core, the map chunk with Leaflet) by function, reason and place, with a count. Code
// that runs once, cold (the cluster index, reading the feed), pays for each: the function drops
// back to the interpreter and is compiled again. A count above 1 at one place means optimised
// code was entered and left again, e.g. once per call (the sixth session found 9-16 in the
// cluster index).
//   node bench/map-deopt.mjs [--n=10000] [--no-build]
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { generate } from './generate.mjs';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const n = Number(arg('n', 10000));

if (process.argv.includes('--child')) {
  // V8 prints the trace on the renderer's output, which Chrome passes on (dumpio): the parent
  // process collects it from this child's output.
  const { server, origin } = await startBenchServer(0);
  await preload(['bench/.data/', 'bench/pages/']);
  const browser = await puppeteer.launch({
    executablePath: ensureChrome(),
    headless: true,
    args: [...chromeArgs, '--js-flags=--trace-deopt-verbose'],
    dumpio: true,
  });
  try {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.goto(`${origin}/bench/pages/map.html?n=${n}`, { waitUntil: 'load' });
    console.log(`\nSHOWN ${await page.evaluate(() => __ready)}\n`);
  } finally {
    await browser.close();
    server.close();
  }
} else {
  if (!process.argv.includes('--no-build')) {
    execFileSync('node', ['scripts/gen-leaflet-css.mjs'], { cwd: root, stdio: 'inherit' });
    execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: root, stdio: 'inherit' });
  }
  generate({ ideaSizes: [], mapSizes: [n], partners: 10 });
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', `--n=${n}`], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const log = `${child.stdout}\n${child.stderr}`;
  const shown = Number(/\nSHOWN ([\d.]+)/.exec(child.stdout)?.[1]);
  const found = new Map();
  for (const block of log.split('[bailout (kind: ').slice(1)) {
    const reason = /reason: ([^)]*)\)/.exec(block)?.[1] ?? '?';
    const fn = /<JSFunction ([^ >]*)/.exec(block)?.[1] ?? '(anonymous)';
    const at = /deoptimize at <([^>]*)>/.exec(block)?.[1] ?? '?';
    if (!at.includes('/dist/')) continue; // the page's own scripts and the bench probe
    if (reason.startsWith('prepare for on stack replacement')) continue; // entering optimised loop code, not a loss
    const key = `${fn.startsWith('(sfi') ? '(anonymous)' : fn} | ${reason} | ${at.split('/').pop()}`;
    found.set(key, (found.get(key) ?? 0) + 1);
  }
  console.log(`bench map, ${n.toLocaleString('en')} points: first markers at ${Math.round(shown)} ms`);
  console.log('deoptimisations in our built files (count | function | reason | place):');
  for (const [key, count] of [...found].sort((a, b) => b[1] - a[1])) console.log(`${String(count).padStart(4)} | ${key}`);
  console.log(
    "Names are the minified ones; a place's code: node -e \"…readFileSync(chunk, 'utf8').split('\\n')[line - 1].slice(col - 60, col + 60)\"",
  );
}
