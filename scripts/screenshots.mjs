// Screenshots for the READMEs: each widget on the demo page, German and English, desktop and phone.
// Needs a build (npm run build). Writes docs/screenshots/*.png.
import puppeteer from 'puppeteer-core';
import { mkdirSync } from 'node:fs';
import { startDemoServer } from '../demo/server.mjs';
import { ensureChrome, chromeArgs } from './find-chrome.mjs';

const server = await startDemoServer(0);
const base = `http://127.0.0.1:${server.address().port}/demo/`;
mkdirSync('docs/screenshots', { recursive: true });
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
const tags = ['idea-wall', 'mitfahrbank-map', 'ehrenamt-card', 'partner-logos'];
const shots = [
  { page: 'index.html', lang: 'de', width: 1280, suffix: '' },
  { page: 'en.html', lang: 'en', width: 1280, suffix: '-en' },
  { page: 'index.html', lang: 'de', width: 390, suffix: '-phone' },
];
for (const shot of shots) {
  const page = await browser.newPage();
  await page.setViewport({ width: shot.width, height: 900, deviceScaleFactor: 1 });
  await page.goto(base + shot.page, { waitUntil: 'networkidle0' });
  await page.evaluate(async () => {
    // Bring every widget near the viewport so lazy ones load, then return to the top.
    for (const el of document.querySelectorAll('idea-wall, mitfahrbank-map, ehrenamt-card, partner-logos')) {
      el.scrollIntoView();
      await new Promise((r) => setTimeout(r, 300));
    }
    window.scrollTo(0, 0);
  });
  await new Promise((r) => setTimeout(r, 800));
  await page.screenshot({ path: `docs/screenshots/demo${shot.suffix}.png`, fullPage: true });
  for (const tag of tags) {
    const el = await page.$(tag);
    if (el) await el.screenshot({ path: `docs/screenshots/${tag}${shot.suffix}.png` });
  }
  await page.close();
}
await browser.close();
server.close();
console.log('docs/screenshots/ written');
