// Profiles <jugend-budget> computing a result (Chromium's CPU profiler via the DevTools protocol)
// and prints where the time goes by function (self time): which steps are the long tasks.
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
  const result = await page.evaluate(() => window.__run());
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log(`${src} at ${throttle}× CPU:`, JSON.stringify(result));
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
} finally {
  await browser.close();
  server.close();
}
