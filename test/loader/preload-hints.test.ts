// The optional <head> lines the WordPress plugin prints and EINBINDEN.html offers (from the build's
// dist/preload.json): with them the loader, every chunk of the widget's first render and its feed
// start in the round trip right after the page, not after the loader's answer; the feed preload is
// the very request the widget then makes (fetched once in Chromium and Firefox; WebKit reads it a
// second time and loses nothing else); and a page without the feed hint still works. Server log as in round-trip.test.ts (400 ms per request).
// Needs the build: `node scripts/gen-leaflet-css.mjs && npx rollup -c --silent`.
import { expect } from '@open-wc/testing';
import { page, timeline, until, type Hit } from './rtt-page.js';

interface Manifest {
  loader: string;
  widgets: Record<string, { code: string[]; formats: Record<string, string[]> }>;
}

let manifest: Manifest;
// WebKit (WebKitGTK 2.4x here) fetches a `preload as=fetch` but never hands it to fetch(), whatever
// the request's options: the feed is read twice there (measured; docs/wordpress.md says so).
const webkit = /AppleWebKit\//.test(navigator.userAgent) && !/Chrome\//.test(navigator.userAgent);
const feedReads = webkit ? 2 : 1;
const hits = (log: Hit[], path: string) => log.filter((h) => h.path === path).length;

/** The <head> lines for one widget, as the plugin writes them (paths relative to the page here). */
function hints(tag: string, feed?: string): string {
  const files = [manifest.loader, ...manifest.widgets[tag].code];
  const code = files.map((f) => `<link rel="modulepreload" href="dist/${f}">`).join('');
  return code + (feed ? `<link rel="preload" as="fetch" crossorigin="anonymous" href="${feed}">` : '');
}

describe('preload hints in <head> (server log, 400 ms per request)', function () {
  this.timeout(30_000);

  before(async () => {
    manifest = await (await fetch('/dist/preload.json')).json();
  });

  it('the build names every widget with its entry chunk first and no chunk twice', () => {
    for (const tag of ['idea-wall', 'mitfahrbank-map', 'ehrenamt-card', 'partner-logos', 'jugend-budget']) {
      const code = manifest.widgets[tag]?.code ?? [];
      expect(code[0]?.startsWith(`chunks/${tag}-`), `${tag}: ${code.join(', ')}`).to.equal(true);
      expect(new Set(code).size, `${tag}: no chunk twice`).to.equal(code.length);
      expect(
        code.some((f) => /chunks\/map-/.test(f)),
        `${tag}: no Leaflet before consent`,
      ).to.equal(false);
    }
  });

  for (const [tag, feed] of [
    ['idea-wall', 'demo/data/ideas.json'],
    ['ehrenamt-card', 'demo/data/ehrenamt.json'],
  ] as const) {
    it(`<${tag} eager> with the hints: loader, code and feed start before the loader is answered; the feed is fetched once (WebKit: twice)`, async () => {
      const p = await page(`<${tag} eager src="${feed}"></${tag}>`, hints(tag, feed));
      try {
        await until(() => p.shadow(tag)?.querySelector('[part="base"]')?.textContent?.trim(), `${tag}'s content`);
        const shownAt = Date.now();
        await new Promise((r) => setTimeout(r, 100)); // a late second feed request would show now
        const log = await p.log();
        const loader = log.find((h) => h.path === 'dist/stadttraum.js')!;
        const wanted = [`dist/${manifest.loader}`, ...manifest.widgets[tag].code.map((f) => `dist/${f}`), feed];
        for (const path of wanted) {
          const hit = log.find((h) => h.path === path);
          expect(!!hit && hit.start < loader.end, `${path} starts before the loader's answer:\n${timeline(log)}`).to.equal(true);
        }
        // Code never waits for the loader; in WebKit the widget's own read of the feed does (as without hints).
        const late = log.filter((h) => h.start >= loader.end && h.start < shownAt && /^dist\//.test(h.path));
        expect(late.map((h) => h.path).join(', '), `no code waits for the loader:\n${timeline(log)}`).to.equal('');
        expect(hits(log, feed), `feed requests:\n${timeline(log)}`).to.equal(feedReads);
      } finally {
        p.close();
      }
    });
  }

  it('code hints alone (no feed hint): the feed waits for the loader as without hints, and is fetched once', async () => {
    const feed = 'demo/data/partners.json';
    const p = await page(`<partner-logos eager src="${feed}"></partner-logos>`, hints('partner-logos'));
    try {
      await until(() => p.shadow('partner-logos')?.querySelector('[part="base"]')?.textContent?.trim(), 'the logos');
      const log = await p.log();
      const loader = log.find((h) => h.path === 'dist/stadttraum.js')!;
      const code = log.find((h) => h.path === `dist/${manifest.widgets['partner-logos'].code[0]}`)!;
      expect(code.start < loader.end, `the widget chunk starts with the loader:\n${timeline(log)}`).to.equal(true);
      expect(hits(log, feed), `feed requests:\n${timeline(log)}`).to.equal(1);
    } finally {
      p.close();
    }
  });

  it('a feed hint the widget does not use (it has inline data): the hint alone reads it, the widget shows its own data', async () => {
    // What a stale hint costs: one request, nothing more; the widget shows its inline data.
    const feed = 'demo/data/partners.json';
    const p = await page(
      `<partner-logos eager><script type="application/json">{"groups":[{"heading":"Gefördert von","partners":[{"name":"Inline e. V."}]}]}</script></partner-logos>`,
      hints('partner-logos', feed),
    );
    try {
      await until(() => p.shadow('partner-logos')?.textContent?.includes('Inline e. V.'), 'the inline logos');
      const log = await p.log();
      expect(hits(log, feed), `feed requests:\n${timeline(log)}`).to.equal(1);
    } finally {
      p.close();
    }
  });
});
