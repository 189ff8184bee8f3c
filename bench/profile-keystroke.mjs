// Profiles one search keystroke on the idea wall (Chromium's CPU profiler via the DevTools
// protocol) and prints where the time goes, by function (self time) and by phase (script,
// style, layout: a trace of the same keystroke on a fresh page, without the profiler's overhead):
//   node bench/profile-keystroke.mjs [--n=10000] [--throttle=4] [--key=b] [--runs=1] [--no-build]
// --runs=N traces N keystrokes (a fresh page each) and prints each and the median.
// --base=<dir>: the same traces, alternating, with another build's dist/ (e.g. main's, built in a
// worktree of its own) served as /dist/: before and after side by side in one run, same load.
// Uses the existing bench pages and data (bench/pages/idea-wall.html, bench/.data/ideas-N.json).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { generate } from './generate.mjs';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const n = Number(arg('n', 10000));
const throttle = Number(arg('throttle', 4));
const key = arg('key', 'b');
const runs = Number(arg('runs', 1));
// Style and layout by trace event; script is the rest of the keystroke's main-thread time (the
// bench calls it through the DevTools protocol, so much of its JavaScript is the task's own time).
const kinds = {
  style: /^(UpdateLayoutTree|RecalculateStyles)$/,
  layout: /^(Layout|UpdateLayerTree)$/,
};
if (!process.argv.includes('--no-build')) execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: root, stdio: 'inherit' });
generate({ ideaSizes: [n], mapSizes: [], partners: 10 });
const { server, origin } = await startBenchServer(0);
const base = arg('base');
const baseServer = base && (await startBenchServer(0, { distDir: base }));
await preload(['bench/.data/', 'bench/pages/']);
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
/** A fresh page with the wall usable, its search index made (500 ms later), CPU throttled. */
async function ready(at = origin) {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await page.goto(`${at}/bench/pages/idea-wall.html?n=${n}`, { waitUntil: 'load' });
  await page.evaluate(() => __ready);
  await new Promise((r) => setTimeout(r, 500));
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { page, cdp };
}

/** The keystroke's main-thread work by kind (self time of nested trace events between its marks). */
async function phases(at) {
  const { page } = await ready(at);
  await page.tracing.start({
    categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline'],
  });
  const result = await page.evaluate((k) => __keystroke(k), key);
  const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString()).traceEvents;
  await page.close();
  const start = events.find((e) => e.name === 'st-key');
  const end = events.find((e) => e.name === 'st-key-end');
  const inside = events
    .filter((e) => e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.ts + e.dur > start.ts && e.ts < end.ts)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const e of inside) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    e.self = (Math.min(e.ts + e.dur, end.ts) - Math.max(e.ts, start.ts)) / 1000;
    if (stack.length) stack.at(-1).self -= e.self;
    stack.push(e);
  }
  const by = { script: 0, style: 0, layout: 0 };
  for (const e of inside) by[Object.keys(kinds).find((k) => kinds[k].test(e.name)) ?? 'script'] += e.self;
  const styled = inside.filter((e) => e.name === 'UpdateLayoutTree').reduce((a, e) => a + (e.args?.elementCount ?? 0), 0);
  return { ms: result.ms, shown: result.shown, by, styled };
}

try {
  if (runs > 1 || base) {
    const sides = base ? { base: baseServer.origin, this: origin } : { this: origin };
    const all = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
    for (let r = 0; r < runs; r++) {
      for (const [side, at] of Object.entries(sides)) {
        const p = await phases(at);
        all[side].push(p);
        const kindsText = Object.entries(p.by)
          .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
          .join(', ');
        console.log(
          `${side.padEnd(4)} keystroke "${key}" ${p.ms.toFixed(1)} ms: ${kindsText} ms; style recalculated for ${p.styled} elements`,
        );
      }
    }
    const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    for (const [side, list] of Object.entries(all)) {
      const m = (f) => median(list.map(f)).toFixed(1);
      console.log(
        `${side.padEnd(4)} median of ${runs} at ${n.toLocaleString('en')} ideas, CPU ${throttle}×: ${m((p) => p.ms)} ms; script ${m((p) => p.by.script)}, style ${m((p) => p.by.style)}, layout ${m((p) => p.by.layout)} ms`,
      );
    }
    console.log('');
  }
  const { page, cdp } = await ready();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  // The page profiles the keystroke's frame only (console.profile), not what the wall does after it.
  const finished = new Promise((resolve) => cdp.once('Profiler.consoleProfileFinished', resolve));
  const result = await page.evaluate((k) => ((window.__profile = true), __keystroke(k)), key);
  const { profile } = await finished;
  // Self time per function from the samples.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    if (!i) return; // the time until the first sample is the profiler starting
    const node = byId.get(id);
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(
    `keystroke "${key}" at ${n.toLocaleString('en')} ideas, CPU ${throttle}×: ${result.ms.toFixed(1)} ms, ${result.shown} cards after it`,
  );
  for (const [name, ms] of top) console.log(`${ms.toFixed(2).padStart(8)} ms  ${name}`);
} finally {
  await browser.close();
  server.close();
  baseServer?.server.close();
}
