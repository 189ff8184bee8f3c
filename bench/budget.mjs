// `npm run bench:budget`: the youth budget's rules with 1,000 projects and 100,000 ballots in
// headless Chromium: the rule run at once (the baseline: one blocking task) next to the chunked
// run the widget uses (slices that yield to the page). Goal: no task over 50 ms in the chunked run.
//
//   npm run bench:budget                      1,000 projects, 100,000 ballots, normal and 4× CPU throttling
//   npm run bench:budget -- --projects=200 --ballots=20000 --no-throttle
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';
import { preload, startBenchServer } from './server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? (process.argv.includes(`--${name}`) ? true : fallback);
const projects = Number(arg('projects', 1000));
const ballots = Number(arg('ballots', 100000));
const throttles = arg('no-throttle', false) ? [1] : [1, 4];

await build({ entryPoints: [`${root}src/jugend-budget/jugend-budget.rules.ts`], bundle: true, format: 'esm', minify: true, outfile: `${root}bench/.data/jugend-budget-rules.js`, logLevel: 'error' });
const puppeteer = (await import('puppeteer-core')).default;
const { server, origin } = await startBenchServer(0);
await preload(['bench/.data/', 'bench/pages/']);
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs, protocolTimeout: 1_800_000 });
const rows = [];
try {
  for (const throttle of throttles) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(`${origin}/bench/pages/budget.html?projects=${projects}&ballots=${ballots}`);
    await page.waitForFunction(() => typeof window.__run === 'function');
    for (const r of await page.evaluate(() => window.__run())) rows.push({ throttle, ...r });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const f = (n) => (Number.isFinite(n) ? n.toFixed(0) : '–');
console.log(`\n## Youth budget rules: ${projects.toLocaleString('en')} projects, ${ballots.toLocaleString('en')} ballots\n`);
console.log('| rule | CPU | funded | at once: total ms (long tasks) | chunked: total ms | slices | longest slice ms | long tasks > 50 ms (longest ms) | same result |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.rule} | ×${r.throttle} | ${r.selected} | ${f(r.syncMs)} (${r.syncLongTasks}) | ${f(r.chunkedMs)} | ${r.slices} | ${r.maxSliceMs.toFixed(1)} | ${r.longTasks} (${f(r.maxLongTaskMs)}) | ${r.same ? 'yes' : 'NO'} |`);
