// Profiles the bench map's first render (Chromium's CPU profiler via the DevTools protocol, from
// navigation until the first marker shows) and prints where the time goes, by function (self time):
//   node bench/profile-map.mjs [--n=10000] [--throttle=1] [--no-build]
// Uses the existing bench page and data (bench/pages/map.html, bench/.data/benches-N.json).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { generate } from './generate.mjs';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const n = Number(arg('n', 10000));
const throttle = Number(arg('throttle', 1));
if (!process.argv.includes('--no-build')) execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: root, stdio: 'inherit' });
generate({ ideaSizes: [], mapSizes: [n], partners: 10 });
const { server, origin } = await startBenchServer(0);
await preload(['bench/.data/', 'bench/pages/']);
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
try {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${origin}/bench/pages/map.html?n=${n}`, { waitUntil: 'load' });
  const shown = await page.evaluate(() => __ready);
  const { profile } = await cdp.send('Profiler.stop');
  // Self time per function, only for samples before the first marker showed.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const byFile = new Map();
  let t = profile.startTime;
  const navStart = await page.evaluate(() => performance.timeOrigin * 1000);
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if ((t - navStart) / 1000 > shown) return;
    const f = byId.get(id).callFrame;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const file = f.url.split('/').pop() || f.functionName;
    const name = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  });
  console.log(`bench map, ${n.toLocaleString('en')} points, CPU ${throttle}×: first marker at ${Math.round(shown)} ms`);
  console.log('by file:');
  for (const [name, ms] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  console.log('by function:');
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
} finally {
  await browser.close();
  server.close();
}
