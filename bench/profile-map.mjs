// Profiles the bench map's first render (Chromium's CPU profiler via the DevTools protocol, from
// navigation until the first marker shows) and prints where the time goes, by function (self time):
//   node bench/profile-map.mjs [--n=10000] [--throttle=1] [--latency=0] [--kbps=0] [--no-build] [--timeline]
// --timeline adds when each request ended and, per 25 ms after navigation start, which file the
// main thread was busy in: what happens in which order up to the first marker. --latency=150 adds
// 150 ms to every request (DevTools network emulation, a phone network), --kbps limits the download
// rate (0: unlimited).
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
const latency = Number(arg('latency', 0));
const kbps = Number(arg('kbps', 0));
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
  if (latency || kbps)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency,
      downloadThroughput: kbps ? (kbps * 1000) / 8 : -1,
      uploadThroughput: -1,
    });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${origin}/bench/pages/map.html?n=${n}`, { waitUntil: 'load' });
  const shown = await page.evaluate(() => __ready);
  // The profiler's clock is not the page's: align the profile's end with performance.now() read
  // just before stopping it (a CDP round trip, ~1 ms, apart).
  const pageNow = await page.evaluate(() => performance.now());
  const { profile } = await cdp.send('Profiler.stop');
  const at = (t) => pageNow - (profile.endTime - t) / 1000;
  // Self time per function, only for samples before the first marker showed.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const byFile = new Map();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if (at(t) > shown) return;
    const f = byId.get(id).callFrame;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const file = f.url.split('/').pop() || f.functionName;
    const name = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  });
  console.log(
    `bench map, ${n.toLocaleString('en')} points, CPU ${throttle}×, latency ${latency} ms${kbps ? `, ${kbps} kbit/s` : ''}: first marker at ${Math.round(shown)} ms`,
  );
  if (process.argv.includes('--timeline')) {
    const requests = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)]),
    );
    console.log('requests (start → end, ms after navigation start):');
    for (const [name, start, end] of requests) console.log(`${String(start).padStart(6)} → ${String(end).padEnd(6)} ${name}`);
    console.log('main thread per 25 ms (ms of samples by file):');
    const buckets = new Map();
    let tt = profile.startTime;
    profile.samples.forEach((id, i) => {
      tt += profile.timeDeltas[i] ?? 0;
      const ms = at(tt);
      if (ms < 0 || ms > shown) return;
      const file = byId.get(id).callFrame.url.split('/').pop() || byId.get(id).callFrame.functionName;
      const b = Math.floor(ms / 25) * 25;
      if (!buckets.has(b)) buckets.set(b, new Map());
      buckets.get(b).set(file, (buckets.get(b).get(file) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    for (const [b, files] of [...buckets].sort((x, y) => x[0] - y[0])) {
      const parts = [...files]
        .sort((x, y) => y[1] - x[1])
        .filter(([, ms]) => ms >= 1)
        .map(([f, ms]) => `${f} ${ms.toFixed(0)}`);
      console.log(`${String(b).padStart(6)} ms  ${parts.join(', ')}`);
    }
  }
  console.log('by file:');
  for (const [name, ms] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  console.log('by function:');
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
} finally {
  await browser.close();
  server.close();
}
