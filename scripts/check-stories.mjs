// After `npm run build-storybook`: opens every story of storybook-static in headless Chromium and
// fails when a story throws, or leaves one of our tags un-upgraded or empty.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ensureChrome, chromeArgs } from './find-chrome.mjs';

const root = join(process.cwd(), 'storybook-static');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.csv': 'text/csv', '.woff2': 'font/woff2', '.png': 'image/png' };
const server = createServer(async (req, res) => {
  const path = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  try {
    const body = await readFile(path.endsWith('/') ? join(path, 'index.html') : path);
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.on('listening', r));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
const page = await browser.newPage();
const ours = ['idea-wall', 'mitfahrbank-map', 'ehrenamt-card', 'partner-logos', 'jugend-budget'];
let errors = [];
page.on('pageerror', (e) => errors.push(e.message));
const failures = [];
for (const story of stories) {
  errors = [];
  await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
  const state = await page
    .waitForFunction(
      (tags) => {
        const els = [...document.querySelectorAll('#storybook-root *')].filter((e) => tags.includes(e.localName));
        if (!els.length) return null;
        return els.every((e) => e.shadowRoot && e.shadowRoot.childElementCount > 0) ? 'ok' : null;
      },
      { timeout: 8000 },
      ours,
    )
    .then(() => 'ok')
    .catch(() => 'a widget did not render');
  if (state !== 'ok' || errors.length) failures.push(`${story.id}: ${errors.length ? errors.join('; ') : state}`);
}
await browser.close();
server.close();
console.log(`stories: ${stories.length - failures.length} rendered, ${failures.length} failed`);
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
