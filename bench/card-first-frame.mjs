// <ehrenamt-card>'s first frame with the demo feed in Chromium, Firefox and WebKit (issue 18): this
// build against another build (--base=<its dist/>, e.g. main's, built in a scratch worktree), each
// also with `content-visibility: auto` on the check and the partners (?cv), side by side in one
// run, in turns. Per engine and variant the median time from handing the card its feed to the
// first frame that shows it (laid out), and to the whole card; and how many elements each has.
//   node bench/card-first-frame.mjs [--no-build] [--base=../wt-base/dist] [--runs=15] [--rounds=3] [--engines=chromium,firefox,webkit]
import { execFileSync, spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';
import { ensureEngine, firefoxPath, miniBrowserPath, webkitDriverPath, xvfbRunPath } from '../scripts/engines.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const runs = Number(arg('runs', 15));
const rounds = Number(arg('rounds', 3));
const base = arg('base');
const engines = arg('engines', 'chromium,firefox,webkit').split(',');
if (!process.argv.includes('--no-build')) execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: root, stdio: 'inherit' });
await preload(['demo/data/', 'bench/pages/']);
const servers = [{ name: 'this build', ...(await startBenchServer(0)) }];
if (base) servers.push({ name: 'base', ...(await startBenchServer(0, { distDir: resolve(base) })) });
const variants = servers.flatMap((s) => [
  { name: s.name, url: `${s.origin}/bench/pages/card-first-frame.html?runs=${runs}` },
  { name: `${s.name} + content-visibility`, url: `${s.origin}/bench/pages/card-first-frame.html?runs=${runs}&cv` },
]);

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
const listening = (port) =>
  new Promise((ok) => {
    const c = connect(port, '127.0.0.1', () => (c.destroy(), ok(true)));
    c.on('error', () => ok(false));
  });

/** A page per URL in a fresh context, 1280 × 900; returns the page's results. */
async function viaPuppeteer(options) {
  const browser = await puppeteer.launch({ headless: true, ...options });
  return {
    async measure(url) {
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        await page.setViewport({ width: 1280, height: 900 });
        await page.goto(url);
        return await page.evaluate(() => window.__run);
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver (classic WebDriver, plain HTTP), under xvfb. */
async function viaWebKit() {
  const port = await freePort();
  const driver = spawn(xvfbRunPath(), ['-a', '-s', '-screen 0 1400x1000x24', webkitDriverPath(), `--port=${port}`], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100 && !(await listening(port)); i++) await new Promise((r) => setTimeout(r, 100));
  const call = async (method, path, body) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`WebKitWebDriver ${path}: ${JSON.stringify(json.value)}`);
    return json.value;
  };
  const capabilities = {
    browserName: 'MiniBrowser',
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
  };
  const stop = () => {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  };
  return {
    async measure(url) {
      const { sessionId } = await call('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
      try {
        await call('POST', `/session/${sessionId}/timeouts`, { script: 300_000 });
        await call('POST', `/session/${sessionId}/window/rect`, { width: 1280, height: 900 });
        await call('POST', `/session/${sessionId}/url`, { url });
        return await call('POST', `/session/${sessionId}/execute/async`, {
          script: 'const done = arguments[arguments.length - 1]; window.__run.then(done, (e) => done({ error: String(e) }));',
          args: [],
        });
      } finally {
        await call('DELETE', `/session/${sessionId}`).catch(() => {});
      }
    },
    close: async () => stop(),
  };
}

const launch = {
  chromium: () => viaPuppeteer({ executablePath: ensureChrome(), args: chromeArgs }),
  firefox: () => viaPuppeteer({ browser: 'firefox', protocol: 'webDriverBiDi', executablePath: firefoxPath() }),
  webkit: () => viaWebKit(),
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const rows = [];
try {
  for (const engine of engines) {
    if (engine !== 'chromium' && !ensureEngine(engine).ok) {
      console.log(`${engine}: not installed, skipped`);
      continue;
    }
    const b = await launch[engine]();
    const samples = new Map(variants.map((v) => [v.name, []]));
    try {
      // Rounds of all variants in turn, each round in another order, so load swings hit all alike.
      for (let r = 0; r < rounds; r++)
        for (const v of [...variants.slice(r % variants.length), ...variants.slice(0, r % variants.length)]) {
          const out = await b.measure(v.url);
          if (!Array.isArray(out)) throw new Error(`${engine} ${v.name}: ${JSON.stringify(out)}`);
          samples.get(v.name).push(...out);
        }
    } finally {
      await b.close();
    }
    for (const v of variants) {
      const s = samples.get(v.name);
      const row = {
        engine,
        variant: v.name,
        first: median(s.map((x) => x.first)),
        // Frames quantize the first: the mean shows a shift within a frame the median hides.
        firstMean: s.reduce((a, x) => a + x.first, 0) / s.length,
        all: median(s.map((x) => x.all)),
        firstElements: median(s.map((x) => x.firstElements)),
        elements: median(s.map((x) => x.elements)),
        n: s.length,
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  }
} finally {
  for (const s of servers) s.server.close();
}
console.log(
  '\n| engine | variant | first frame with the feed: median (mean) | whole card | elements in the first frame / in all | samples |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const r of rows)
  console.log(
    `| ${r.engine} | ${r.variant} | ${r.first.toFixed(1)} ms (${r.firstMean.toFixed(1)}) | ${r.all.toFixed(1)} ms | ${r.firstElements} / ${r.elements} | ${r.n} |`,
  );
