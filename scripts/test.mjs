// `npm test`: makes sure the browsers are there, prepares generated sources, runs the browser
// tests in Chromium, Firefox and WebKit (one engine after the other: two cores, and a background
// page gets no animation frames), checks that the npm package imports in Node, runs the Node unit
// tests of the pure modules, and tests the WordPress plugin. `npm test -- --engine=firefox test/x.test.ts` runs one engine / some files.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createServer, connect } from 'node:net';
import { ensureChrome } from './find-chrome.mjs';
import { ensureEngine, webkitDriverPath, xvfbRunPath } from './engines.mjs';
import { ensureFonts } from './ensure-fonts.mjs';

const ci = process.env.CI === 'true';
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--engine='))?.slice('--engine='.length);
const files = args.filter((a) => !a.startsWith('--'));
const engines = only ? only.split(',') : ['chromium', 'firefox', 'webkit'];

const run = (cmd, argv, env = {}) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const listening = (port) =>
  new Promise((resolve) => {
    const c = connect(port, '127.0.0.1', () => (c.destroy(), resolve(true)));
    c.on('error', () => resolve(false));
  });

/**
 * WebKitWebDriver on a free port (other developers' runs use theirs), under xvfb-run: MiniBrowser
 * needs a display. A screen narrower than the window keeps keyboard focus in narrow windows.
 */
async function startWebKitDriver() {
  const port = await freePort();
  const child = spawn(xvfbRunPath(), ['-a', '-s', '-screen 0 380x800x24', webkitDriverPath(), `--port=${port}`, '--host=local'], {
    stdio: 'ignore',
    detached: true, // its own process group, so stopping it also stops Xvfb and MiniBrowser
  });
  for (let i = 0; i < 100 && !(await listening(port)); i++) await new Promise((r) => setTimeout(r, 100));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stop);
  return { port, stop };
}

/** Runs the browser tests in one engine; returns passed/failed counts from the runner's summary. */
async function runEngine(engine) {
  const failuresFile = join(tmpdir(), `stadttraum-failures-${engine}-${process.pid}.json`);
  const env = { STADTTRAUM_ENGINE: engine, STADTTRAUM_FAILURES: failuresFile };
  let driver;
  if (engine === 'chromium') env.CHROME_PATH = ensureChrome();
  if (engine === 'webkit') {
    driver = await startWebKitDriver();
    env.WEBKIT_DRIVER_PORT = String(driver.port);
  }
  const started = Date.now();
  const child = spawn('npx', ['wtr', ...(files.length ? ['--files', ...files] : [])], {
    env: { ...process.env, ...env },
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let tail = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    tail = (tail + chunk.toString()).slice(-4000);
  });
  const code = await new Promise((r) => child.on('close', r));
  driver?.stop();
  // The runner's last progress line: "<Browser>: |███| n/n test files | P passed, F failed"
  const counts = [...tail.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  let failures = [];
  if (existsSync(failuresFile)) {
    failures = JSON.parse(readFileSync(failuresFile, 'utf8'));
    rmSync(failuresFile);
  }
  return { engine, code, failures, passed: counts ? Number(counts[1]) : 0, failed: counts ? Number(counts[2]) : 0, time: seconds(started) };
}

if (engines.includes('chromium')) {
  ensureChrome();
  ensureFonts(); // for the visual baselines (test/visual/)
}
run('node', ['scripts/gen-leaflet-css.mjs']);
// The strict-CSP, hostile-page and layout-shift tests load the built script, exactly what webmasters
// get; a clean dist/ so no chunk of an earlier build is left next to it.
rmSync('dist', { recursive: true, force: true });
run('npx', ['rollup', '-c', '--silent']);

const results = [];
for (const engine of engines) {
  if (engine !== 'chromium') {
    const ready = ensureEngine(engine);
    if (!ready.ok) {
      results.push({ engine, skipped: ready.reason });
      continue;
    }
  }
  results.push(await runEngine(engine));
}

console.log('\n== Browser-Tests je Engine ==');
let failed = false;
for (const r of results) {
  if (r.skipped) {
    console.log(`${r.engine}: ÜBERSPRUNGEN – ${r.skipped}${ci ? ' (unter CI=true ein Fehler)' : ''}`);
    if (ci) failed = true;
    continue;
  }
  const ok = r.code === 0;
  console.log(`${r.engine}: ${r.passed} passed, ${r.failed} failed${ok ? '' : ` (exit ${r.code})`} in ${r.time}`);
  if (!ok) failed = true;
  for (const f of r.failures) console.log(`  ✗ ${relative(process.cwd(), f.file)} › ${f.test}: ${(f.error ?? '').split('\n')[0]}`);
}
if (failed) process.exit(1);

if (!files.length && !only) {
  run('node', ['--test', 'test/node/']);
  // The pure modules in Node (also what `npm run mutation` runs): write path, URL sanitizer, consent, define guard, models.
  run('node', ['--import', './test/unit/register.mjs', '--test', 'test/unit/']);
  // The WordPress plugin against a real WordPress (Debian's packages, installed when missing: needs root).
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root || existsSync('/usr/share/wordpress')) run('node', ['scripts/test-wordpress.mjs']);
  else console.log('WordPress-Tests übersprungen (brauchen root für apt-get): sudo npm run test:wordpress');
}
