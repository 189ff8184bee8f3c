// Profiles <jugend-budget> computing a result (Chromium's CPU profiler via the DevTools protocol)
// and prints where the time goes by function (self time), then every long task (> 50 ms) with the
// functions that ran in it: which steps are the long tasks.
//   node bench/profile-budget.mjs [--src=/bench/.data/budget-1000-100000-greedy.json] [--format=pabulib] [--throttle=1]
// Needs dist/ (npx rollup -c) and the data `npm run bench:budget` writes into bench/.data/.
import puppeteer from 'puppeteer-core';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const src = arg('src', '/bench/.data/budget-1000-100000-greedy.json');
const format = arg('format', '');
const throttle = Number(arg('throttle', 1));
const { server, origin } = await startBenchServer(0);
await preload(['bench/.data/', 'bench/pages/']);
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs, protocolTimeout: 600_000 });
try {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await page.goto(`${origin}/bench/pages/budget-widget.html?src=${encodeURIComponent(src)}${format ? `&format=${format}` : ''}`, {
    waitUntil: 'load',
  });
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const { result, tasks, mark } = await page.evaluate(async () => {
    const tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((x) => tasks.push({ start: x.startTime, duration: x.duration }))).observe({
      type: 'longtask',
    });
    // A named busy loop at a known page time: its samples tie the profile's clock to performance.now().
    const mark = (function stClockMark() {
      const t = performance.now();
      while (performance.now() - t < 3);
      return t;
    })();
    const result = await window.__run();
    return { result, tasks, mark };
  });
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const nameOf = (f) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  const samples = [];
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    samples.push({ t: t / 1000, name: nameOf(byId.get(id).callFrame), ms: (profile.timeDeltas[i + 1] ?? 0) / 1000 });
  });
  const first = samples.find((s) => s.name.startsWith('stClockMark'));
  const offset = first ? first.t - mark : 0;
  const top = (list, n) =>
    [...list.reduce((m, s) => m.set(s.name, (m.get(s.name) ?? 0) + s.ms), new Map())]
      .filter(([name]) => !/^\((idle|program|garbage collector)\)/.test(name) || true)
      .sort((a, b) => b[1] - a[1])
      .slice(0, n);
  console.log(`${src} at ${throttle}× CPU:`, JSON.stringify(result));
  for (const [name, ms] of top(samples, 30)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
  console.log(`\nLong tasks (> 50 ms) and what ran in them${first ? '' : ' (clock mark not found: windows may be off)'}:`);
  for (const task of tasks) {
    const inside = samples.filter((s) => s.t - offset >= task.start && s.t - offset <= task.start + task.duration);
    console.log(`- at ${task.start.toFixed(0)} ms, ${task.duration.toFixed(0)} ms:`);
    for (const [name, ms] of top(inside, 6)) console.log(`${ms.toFixed(1).padStart(12)} ms  ${name}`);
  }
} finally {
  await browser.close();
  server.close();
}
