// Profiles one search keystroke on the idea wall (Chromium's CPU profiler via the DevTools
// protocol) and prints where the time goes, by function (self time) and by phase:
//   node bench/profile-keystroke.mjs [--n=10000] [--throttle=4] [--key=b] [--no-build]
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
if (!process.argv.includes('--no-build')) execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: root, stdio: 'inherit' });
generate({ ideaSizes: [n], mapSizes: [], partners: 10 });
const { server, origin } = await startBenchServer(0);
await preload(['bench/.data/', 'bench/pages/']);
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
try {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await page.goto(`${origin}/bench/pages/idea-wall.html?n=${n}`, { waitUntil: 'load' });
  await page.evaluate(() => __ready);
  await new Promise((r) => setTimeout(r, 500));
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await page.evaluate((k) => __keystroke(k), key);
  const { profile } = await cdp.send('Profiler.stop');
  // Self time per function from the samples.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
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
}
