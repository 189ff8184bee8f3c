// Which code of each chunk the idea wall's first content ran (issue 18): V8's function coverage
// (call counts, no block detail) taken right after the first content frame of bench/.data/first/idea-wall.html
// (the demo feed, 23 ideas, 1,280 × 900). Per chunk: bytes in functions that ran by then, bytes of
// functions that never did (parsed, and with a compile hint compiled, for nothing before the first
// frame), and the largest of those. Taken a few milliseconds after the frame, so the cards drawn
// after it may count as run: the "never ran" column is a lower bound. Counts, not times: they do not move with the machine's load.
//   node bench/wall-coverage.mjs [--runs=3] [--dist=<dist folder>]   (after building dist/)
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { firstContentPages } from './first-content.mjs';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';
import { freshPage } from './fresh-page.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const runs = Number(arg('runs', 3));
const dist = arg('dist', '');
await firstContentPages();
await preload(['bench/.data/', 'demo/data/']);
const { server, origin } = await startBenchServer(0, dist ? { distDir: resolve(dist) } : {});
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });

/** Bytes covered by functions with calls and by those without, innermost range deciding. */
function split(source, functions) {
  const ran = new Uint8Array(source.length).fill(1);
  const ranges = functions.flatMap((f) => f.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  // Later (inner) ranges override their outer ones, as V8 nests them.
  for (const r of ranges) ran.fill(r.count > 0 ? 1 : 0, r.startOffset, r.endOffset);
  const cold = functions
    .filter((f) => f.ranges[0].count === 0)
    .map((f) => ({ name: f.functionName || '(anonymous)', bytes: f.ranges[0].endOffset - f.ranges[0].startOffset }))
    .sort((a, b) => b.bytes - a.bytes);
  const hot = ran.reduce((s, x) => s + x, 0);
  return { hot, cold: source.length - hot, coldFunctions: cold };
}

try {
  const rows = new Map();
  const counts = [];
  for (let r = 0; r < runs; r++) {
    const { context, page, cdp } = await freshPage(browser);
    await cdp.send('Profiler.enable');
    await cdp.send('Debugger.enable');
    await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    const sources = new Map();
    cdp.on('Debugger.scriptParsed', (e) => {
      if (e.url.includes('/dist/')) sources.set(e.scriptId, e.url.replace(/.*\/dist\//, ''));
    });
    // Lit's work, counted in the page: a template prepared is a <template> it creates (once per
    // template per page), an instance one importNode of a prepared template (each card, chip, row …).
    await page.evaluateOnNewDocument(() => {
      const n = (window.__lit = { templates: 0, instances: 0 });
      const create = Document.prototype.createElement;
      Document.prototype.createElement = function (tag, o) {
        if (tag === 'template') n.templates++;
        return create.call(this, tag, o);
      };
      const importNode = Document.prototype.importNode;
      Document.prototype.importNode = function (node, deep) {
        n.instances++;
        return importNode.call(this, node, deep);
      };
    });
    await page.goto(`${origin}/bench/.data/first/idea-wall.html`, { waitUntil: 'domcontentloaded' });
    const lit = await page.evaluate(() =>
      window.__first.then(() => ({
        ...window.__lit,
        cards: document.querySelector('idea-wall').shadowRoot.querySelectorAll('.card').length,
      })),
    );
    counts.push(lit);
    const { result } = await cdp.send('Profiler.takePreciseCoverage');
    for (const s of result) {
      const name = sources.get(s.scriptId);
      if (!name) continue;
      const { scriptSource } = await cdp.send('Debugger.getScriptSource', { scriptId: s.scriptId });
      const row = split(scriptSource, s.functions);
      const key = name.replace(/-[\w-]{7}\.js$/, '.js');
      rows.set(key, [...(rows.get(key) ?? []), { ...row, size: scriptSource.length }]);
    }
    await context.close();
  }
  console.log('| chunk | bytes | ran by first content | never ran | largest functions that never ran (bytes, minified) |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const [name, list] of rows) {
    // The run with the least code run: the first content frame, with the least after it.
    const row = list.sort((a, b) => a.hot - b.hot)[0];
    const top = row.coldFunctions
      .slice(0, 6)
      .map((f) => `${f.name} ${f.bytes}`)
      .join(', ');
    console.log(`| ${name} | ${row.size} | ${row.hot} (${Math.round((100 * row.hot) / row.size)} %) | ${row.cold} | ${top} |`);
  }
  const c = counts.sort((a, b) => a.instances - b.instances)[0];
  console.log(`\nLit by first content: ${c.templates} templates prepared, ${c.instances} instances cloned, ${c.cards} cards drawn`);
} finally {
  await browser.close();
  server.close();
}
