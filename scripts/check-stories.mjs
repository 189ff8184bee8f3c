// After `npm run build-storybook`: opens the static Storybook in headless Chromium and fails when
// - a story throws, its play function fails (an interaction test's expect), or it leaves one of
//   our tags un-upgraded or empty;
// - an arg set in the URL (`&args=…`, what a control does) does not change the rendered widget;
// - a widget has no docs page, or its docs page lacks an attribute, event, token or part of the
//   manifest.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ensureChrome, chromeArgs } from './find-chrome.mjs';

const root = join(process.cwd(), 'storybook-static');
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
// Served below /api/, as in the release zip (stadttraum-<version>/api/): a story that names a
// file absolutely (/data/…) instead of relative to the page fails here as it would there.
const server = createServer(async (req, res) => {
  const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const path = pathname.startsWith('/api/') ? normalize(join(root, pathname.slice(4))) : '/nonexistent';
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
const base = `http://127.0.0.1:${server.address().port}/api`;

// `node scripts/check-stories.mjs idea-wall` checks only what concerns that widget.
const only = process.argv[2] ?? '';
const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
const entries = Object.values(index.entries).filter((e) => e.id.includes(only));
const stories = entries.filter((e) => e.type === 'story');
const manifest = JSON.parse(await readFile('custom-elements.json', 'utf8'));
const allElements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
const ours = allElements.map((d) => d.tagName);
const elements = allElements.filter((d) => d.tagName.includes(only));

const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
const page = await browser.newPage();
// Storybook reports on its channel: `playFunctionThrewException` when a play function throws
// (an interaction test's expect failed), `storyThrewException` when rendering did, and
// `storyFinished` (with a status) when all is done. The channel is created by the preview's own
// script, so a setter on the global catches it before the first story renders.
await page.evaluateOnNewDocument(() => {
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => {
      channel = value;
      value.on('storyFinished', (e) => (globalThis.__stFinished = e));
      value.on('playFunctionThrewException', (e) => (globalThis.__stPlayError = e?.message ?? String(e)));
      value.on('storyThrewException', (e) => (globalThis.__stStoryError = e?.message ?? String(e)));
    },
  });
});
// Tests never touch the network: map tiles (tile.openstreetmap.org by default) are refused, as
// an offline tile server would; the widgets show their quiet "tiles unavailable" note.
await page.setRequestInterception(true);
page.on('request', (req) => {
  const url = new URL(req.url());
  if (/^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1') req.abort('blockedbyclient');
  else req.continue();
});
let errors = [];
page.on('pageerror', (e) => errors.push(e.message));
const failures = [];

/** Opens a story and waits until Storybook says it finished and our widgets have rendered. */
async function openStory(id, args = '') {
  errors = [];
  await page.goto(`${base}/iframe.html?id=${id}&viewMode=story${args ? `&args=${args}` : ''}`, { waitUntil: 'load' });
  const finished = await page
    .waitForFunction(() => globalThis.__stFinished, { timeout: 30_000 })
    .then((h) => h.jsonValue())
    .catch(() => null);
  const problems = [];
  // With `throwPlayFunctionExceptions: false` (the default of a built Storybook) a failed play
  // function still ends in status "success"; its `playFunctionThrewException` is what counts.
  const thrown = await page.evaluate(() => globalThis.__stPlayError ?? globalThis.__stStoryError);
  if (!finished) problems.push('Storybook never reported the story as finished');
  if (thrown) problems.push(`play/render failed: ${thrown}`);
  else if (finished && finished.status !== 'success') problems.push(`status ${finished.status} (see the browser console)`);
  const rendered = await page
    .waitForFunction(
      (tags) => {
        const els = [...document.querySelectorAll('#storybook-root *')].filter((e) => tags.includes(e.localName));
        return els.length > 0 && els.every((e) => e.shadowRoot && e.shadowRoot.childElementCount > 0);
      },
      { timeout: 8000 },
      ours,
    )
    .then(() => true)
    .catch(() => false);
  if (!rendered) problems.push('a widget did not render');
  problems.push(...errors);
  return problems;
}

let played = 0;
for (const story of stories) {
  const problems = await openStory(story.id);
  if (story.tags?.includes('play-fn')) played++;
  if (problems.length) failures.push(`${story.id}: ${problems.join('; ')}`);
}

// Controls: what a control changes must show in the widget. The URL's `args=` is the same path
// (Storybook applies it as an arg update), so each check compares the story with and without it.
const probes = {
  // The order of the first cards (a different sort shows a different order).
  order: (tag) => {
    const cards = [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('[data-id]') ?? [])];
    return cards.length
      ? cards
          .slice(0, 6)
          .map((c) => c.getAttribute('data-id'))
          .join(',')
      : null;
  },
  // The text colour the visitor sees (theme="dark" switches the palette).
  colour: (tag) => {
    const el = document.querySelector(tag);
    return el?.shadowRoot?.childElementCount ? getComputedStyle(el).color : null;
  },
};
const argChecks = [
  { story: 'widgets-idea-wall--list-layout', args: 'sort:support', probe: 'order' },
  ...elements.map((el) => ({ tag: el.tagName, args: 'theme:dark', probe: 'colour' })),
].filter((c) => (c.tag ?? c.story).includes(only));
for (const check of argChecks) {
  const tag = check.tag ?? check.story.replace(/^widgets-(.+?)--.*$/, '$1');
  const id = check.story ?? stories.find((s) => s.title === `Widgets/${tag}` && !s.tags?.includes('play-fn'))?.id;
  if (!id) {
    failures.push(`args ${check.args}: no story for <${tag}>`);
    continue;
  }
  const read = () =>
    page
      .waitForFunction(probes[check.probe], { timeout: 10_000 }, tag)
      .then((h) => h.jsonValue())
      .catch(() => null);
  await openStory(id);
  const before = await read();
  const problems = await openStory(id, check.args);
  const after = await read();
  const attr = check.args.split(':')[0];
  const value = await page.evaluate((t, a) => document.querySelector(t)?.getAttribute(a), tag, attr);
  if (problems.length || before === null || after === null || before === after || value !== check.args.split(':')[1]) {
    failures.push(
      `${id} &args=${check.args}: the widget did not change (${attr}="${value}", ${check.probe} before: ${before}, after: ${after}) ${problems.join('; ')}`,
    );
  }
}

// A docs page per widget, with the API tables generated from the manifest.
for (const el of elements) {
  const docs = entries.find((e) => e.type === 'docs' && e.title === `Widgets/${el.tagName}`);
  if (!docs) {
    failures.push(`<${el.tagName}>: no docs page`);
    continue;
  }
  await page.goto(`${base}/iframe.html?id=${docs.id}&viewMode=docs`, { waitUntil: 'load' });
  // The API tables: every attribute, event, CSS custom property and part the manifest lists.
  const names = [
    ...el.attributes.map((a) => a.name),
    ...(el.events ?? []).map((e) => e.name),
    ...(el.cssProperties ?? []).map((c) => c.name),
    ...(el.cssParts ?? []).map((p) => `::part(${p.name})`),
  ];
  const missing = await page
    .waitForFunction(
      (names, tag) => {
        const docsRoot = document.querySelector('#storybook-docs');
        const text = docsRoot?.textContent ?? '';
        const shown = docsRoot?.querySelector(tag)?.shadowRoot?.childElementCount;
        return shown && names.every((n) => text.includes(n)) ? [] : null;
      },
      { timeout: 20_000 },
      names,
      el.tagName,
    )
    .then((h) => h.jsonValue())
    .catch(() =>
      page.evaluate(
        (names, tag) => {
          const docsRoot = document.querySelector('#storybook-docs');
          const absent = names.filter((n) => !(docsRoot?.textContent ?? '').includes(n));
          return docsRoot?.querySelector(tag)?.shadowRoot?.childElementCount ? absent : [`a rendered <${tag}>`, ...absent];
        },
        names,
        el.tagName,
      ),
    );
  if (missing.length) failures.push(`${docs.id}: docs page lacks ${missing.join(', ')}`);
}

await browser.close();
server.close();
console.log(
  `stories: ${stories.length} opened (${played} with interaction tests), ${argChecks.length} arg checks, ${elements.length} docs pages`,
);
console.log(`${stories.length + argChecks.length + elements.length - failures.length} passed, ${failures.length} failed`);
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
