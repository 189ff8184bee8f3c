// Benchmark (never a CI gate): time until the wall is usable and one search keystroke, for
// 1,000 and 10,000 ideas, <idea-wall> against a vanilla-DOM page rendering all the same cards,
// in the same run, reported as ratios (vanilla ÷ widget: above 1 means the widget is faster).
// Needs the script-tag build: `npm run build && node test/idea-wall/bench/run.mjs`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ensureChrome, chromeArgs } from '../../../scripts/find-chrome.mjs';

const root = process.cwd();
const server = createServer(async (req, res) => {
  const path = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  try {
    const body = await readFile(path);
    res.writeHead(200, { 'Content-Type': extname(path) === '.html' ? 'text/html' : 'text/javascript' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.on('listening', r));
const base = `http://127.0.0.1:${server.address().port}/test/idea-wall/bench/bench.html`;
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
const runs = Number(process.env.RUNS ?? 5);
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`idea-wall bench (median of ${runs} runs each)\n`);
console.log('ideas    side      usable ms   keystroke ms');
for (const n of [1000, 10000]) {
  const out = {};
  for (const mode of ['vanilla', 'widget']) {
    const usable = [];
    const keystroke = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.goto(`${base}?n=${n}&mode=${mode}`);
      await page.waitForFunction(() => window.benchResult, { timeout: 60000 });
      const r = await page.evaluate(() => window.benchResult);
      usable.push(r.usable);
      keystroke.push(r.keystroke);
      await page.close();
    }
    out[mode] = { usable: median(usable), keystroke: median(keystroke) };
    console.log(`${String(n).padEnd(9)}${mode.padEnd(10)}${out[mode].usable.toFixed(1).padStart(9)}${out[mode].keystroke.toFixed(1).padStart(15)}`);
  }
  console.log(
    `${String(n).padEnd(9)}ratio     ${(out.vanilla.usable / out.widget.usable).toFixed(2).padStart(8)}x${(out.vanilla.keystroke / out.widget.keystroke).toFixed(2).padStart(14)}x  (vanilla ÷ widget)\n`,
  );
}
await browser.close();
server.close();
