// The built loader on a page whose server answers every request after 400 ms (test/server/
// round-trip.mjs), with the server's log of when each request arrived and was answered: after the
// loader, a widget's code, its feed and (for a map with consent) Leaflet travel in one round trip,
// the feed is fetched exactly once, and nothing is read before a widget nears the viewport.
// Needs the build: `node scripts/gen-leaflet-css.mjs && npx rollup -c --silent`.
import { expect } from '@open-wc/testing';
import { page, timeline, until, type Hit } from './rtt-page.js';

const code = (h: Hit) => /\.(js|json)$/.test(h.path);
const hits = (log: Hit[], path: string) => log.filter((h) => h.path === path).length;

/**
 * Requests for code and feeds after the loader and before `shownAt` all started before the
 * first of them was answered: one round trip, not a chain.
 */
function expectOneRoundTrip(log: Hit[], shownAt: number): Hit[] {
  const loader = log.find((h) => h.path === 'dist/stadttraum.js')!;
  const after = log.filter((h) => h !== loader && code(h) && h.start < shownAt);
  const lastStart = Math.max(...after.map((h) => h.start));
  const firstEnd = Math.min(...after.map((h) => h.end || Infinity));
  expect(lastStart < firstEnd, `every request started before the first answer came:\n${timeline(log)}`).to.equal(true);
  return after;
}

describe('the loader: code and feed in one round trip after it (server log, 400 ms per request)', function () {
  this.timeout(30_000);

  it('<idea-wall eager>: widget chunk, its imports and the feed start together; the feed is fetched once', async () => {
    const p = await page('<idea-wall eager src="demo/data/ideas.json"></idea-wall>');
    try {
      await until(() => p.shadow('idea-wall')?.querySelector('.card'), 'the first idea card');
      const shownAt = Date.now();
      const log = await p.log();
      const after = expectOneRoundTrip(log, shownAt);
      const widget = after.find((h) => /^dist\/chunks\/idea-wall-/.test(h.path));
      const feed = after.find((h) => h.path === 'demo/data/ideas.json');
      expect(!!widget && !!feed, timeline(log)).to.equal(true);
      expect(feed!.start < widget!.end, 'the feed request starts before the widget chunk has arrived').to.equal(true);
      expect(
        after.some((h) => /^dist\/chunks\/core-/.test(h.path)),
        'the shared core came along',
      ).to.equal(true);
      expect(hits(log, 'demo/data/ideas.json'), 'feed requests').to.equal(1);
    } finally {
      p.close();
    }
  });

  it('<ehrenamt-card eager> with rules and partner categories: its rule words, self-check and icons come with the code and the feed', async () => {
    // The demo programme: both tiers have rules (the "who" list and the self-check need their
    // words), its partners have categories (icons). All of it lives in a lazy chunk of the card.
    const p = await page('<ehrenamt-card eager src="demo/data/ehrenamt.json"></ehrenamt-card>');
    try {
      const complete = () => {
        const s = p.shadow('ehrenamt-card');
        return (
          !!s?.querySelector('[part="base"] .who ul.rules li') &&
          !!s.querySelector('[part="check"] form') &&
          !!s.querySelector('svg.icon path')
        );
      };
      await until(complete, 'the card with its rules, self-check and partner icons');
      const shownAt = Date.now();
      const log = await p.log();
      const after = expectOneRoundTrip(log, shownAt);
      expect(
        after.some((h) => /^dist\/chunks\/ehrenamt-card\.parts-/.test(h.path)),
        `the card's parts chunk in that round trip:\n${timeline(log)}`,
      ).to.equal(true);
      const feed = after.find((h) => h.path === 'demo/data/ehrenamt.json');
      const card = after.find((h) => /^dist\/chunks\/ehrenamt-card-/.test(h.path));
      expect(!!feed && !!card && feed.start < card.end, `the feed starts before the card's code has arrived:\n${timeline(log)}`).to.equal(
        true,
      );
      expect(hits(log, 'demo/data/ehrenamt.json'), 'feed requests').to.equal(1);
    } finally {
      p.close();
    }
  });

  it('<mitfahrbank-map consent="granted">: Leaflet comes with the feed, not after it', async () => {
    const p = await page(
      '<mitfahrbank-map eager consent="granted" src="demo/data/benches.json" tile-url="tiles/{z}/{x}/{y}.png"></mitfahrbank-map>',
    );
    try {
      let log: Hit[] = [];
      await until(async () => (log = await p.log()).some((h) => h.path.startsWith('tiles/')), 'the first tile request');
      const shownAt = Math.min(...log.filter((h) => h.path.startsWith('tiles/')).map((h) => h.start));
      const after = expectOneRoundTrip(log, shownAt);
      expect(
        after.some((h) => /^dist\/chunks\/map-/.test(h.path)),
        `the Leaflet chunk in that round trip:\n${timeline(log)}`,
      ).to.equal(true);
      expect(hits(log, 'demo/data/benches.json'), 'feed requests').to.equal(1);
    } finally {
      p.close();
    }
  });

  it('a remembered consent (localStorage) brings Leaflet along too', async () => {
    localStorage.setItem('stadttraum.consent.map', 'granted'); // what "remember my choice" stores
    const p = await page('<mitfahrbank-map eager src="demo/data/benches.json" tile-url="tiles/{z}/{x}/{y}.png"></mitfahrbank-map>');
    try {
      let log: Hit[] = [];
      await until(async () => (log = await p.log()).some((h) => h.path.startsWith('tiles/')), 'the first tile request');
      const shownAt = Math.min(...log.filter((h) => h.path.startsWith('tiles/')).map((h) => h.start));
      const after = expectOneRoundTrip(log, shownAt);
      expect(
        after.some((h) => /^dist\/chunks\/map-/.test(h.path)),
        `the Leaflet chunk in that round trip:\n${timeline(log)}`,
      ).to.equal(true);
    } finally {
      localStorage.removeItem('stadttraum.consent.map');
      p.close();
    }
  });

  it('a map with consent and a CSV feed: code, feed, the CSV reader and Leaflet in one round trip (six requests, all HTTP/1.1 sends at once)', async () => {
    // A spreadsheet export of the benches: the loader adds the CSV reader's two chunks and Leaflet to
    // the widget's code and the feed. Over HTTP/1.1 a browser sends at most six requests to one host
    // at once; when this was eight (core, valibot and the form styles in chunks of their own), the
    // last two waited for the first answers: a whole round trip more.
    const p = await page(
      '<mitfahrbank-map eager consent="granted" src="test/fixtures/round-trip/benches.csv" tile-url="tiles/{z}/{x}/{y}.png"></mitfahrbank-map>',
    );
    try {
      let log: Hit[] = [];
      await until(async () => (log = await p.log()).some((h) => h.path.startsWith('tiles/')), 'the first tile request');
      const shownAt = Math.min(...log.filter((h) => h.path.startsWith('tiles/')).map((h) => h.start));
      const after = expectOneRoundTrip(log, shownAt);
      for (const [chunk, what] of [
        [/^dist\/chunks\/mitfahrbank-map\.csv-/, 'the CSV reader'],
        [/^dist\/chunks\/column-/, 'its column reader'],
        [/^dist\/chunks\/map-/, 'Leaflet'],
      ] as const)
        expect(
          after.some((h) => chunk.test(h.path)),
          `${what} in that round trip:\n${timeline(log)}`,
        ).to.equal(true);
      expect(hits(log, 'test/fixtures/round-trip/benches.csv'), 'feed requests').to.equal(1);
      expect(!!p.shadow('mitfahrbank-map')?.querySelector('[part="error"]'), 'the CSV was read as benches, no error shown').to.equal(false);
    } finally {
      p.close();
    }
  });

  it('a format named on the tag: its adapter chunk comes with the code', async () => {
    const p = await page('<mitfahrbank-map eager view="list" format="geojson" src="demo/data/benches.geojson"></mitfahrbank-map>');
    try {
      await until(() => p.shadow('mitfahrbank-map')?.querySelector('[part="item"]'), 'the bench list');
      const shownAt = Date.now();
      const log = await p.log();
      const after = expectOneRoundTrip(log, shownAt);
      expect(
        after.some((h) => /^dist\/chunks\/osm-/.test(h.path)),
        `the GeoJSON adapter in that round trip:\n${timeline(log)}`,
      ).to.equal(true);
      expect(
        after.some((h) => /^dist\/chunks\/map-/.test(h.path)),
        'no Leaflet for the list view',
      ).to.equal(false);
      expect(hits(log, 'demo/data/benches.geojson'), 'feed requests').to.equal(1);
    } finally {
      p.close();
    }
  });

  it("the snippet's `async` loader runs before a long page has ended, and a tag that comes later still gets its code and feed, once", async () => {
    // The page's end comes 1.6 s after its start; the loader (one 400 ms round trip) is there long before.
    // Without `async` a module script waits for the document's end (and its first paint).
    const p = await page(
      '<p>Anfang einer langen Seite</p>',
      '',
      '<script>window.__loaderRanFirst = !!window.stadttraum</script><partner-logos eager src="demo/data/partners.json"></partner-logos>',
      1600,
    );
    try {
      await until(() => p.shadow('partner-logos')?.querySelector('[part="base"] img'), 'the logos');
      const log = await p.log();
      const loader = log.find((h) => h.path === 'dist/stadttraum.js')!;
      const tailAt = log.find((h) => h.path === 'page-tail')!.start;
      expect(loader.end < tailAt, `the loader was answered before the page's end:\n${timeline(log)}`).to.equal(true);
      expect((p.win as unknown as { __loaderRanFirst: boolean }).__loaderRanFirst, 'the loader ran before the page ended').to.equal(true);
      const widget = log.find((h) => /^dist\/chunks\/partner-logos-/.test(h.path))!;
      expect(widget.start >= tailAt, "the widget's code is asked for when its tag comes, not before").to.equal(true);
      expect(hits(log, 'demo/data/partners.json'), 'feed requests').to.equal(1);
    } finally {
      p.close();
    }
  });

  it('widgets far below the fold: code loads, but no feed, Leaflet or tile until scrolled near', async () => {
    const p = await page(
      '<div style="height:5000px"></div><partner-logos src="demo/data/partners.json"></partner-logos>' +
        '<mitfahrbank-map consent="granted" src="demo/data/benches.json" tile-url="tiles/{z}/{x}/{y}.png"></mitfahrbank-map>',
    );
    try {
      // Both widgets defined and rendered their waiting state: they had every chance to read.
      await until(() => p.win.customElements.get('partner-logos') && p.win.customElements.get('mitfahrbank-map'), 'the widgets defined');
      for (const tag of ['partner-logos', 'mitfahrbank-map'])
        await (p.doc.querySelector(tag) as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      let log = await p.log();
      const early = log.filter((h) => h.path.startsWith('demo/') || h.path.startsWith('tiles/') || /^dist\/chunks\/map-/.test(h.path));
      expect(
        early.map((h) => h.path),
        'read before scrolling',
      ).to.deep.equal([]);
      // Let the frame render its state (IntersectionObserver's first look) before scrolling.
      for (let i = 0; i < 3; i++) await new Promise((r) => p.win.requestAnimationFrame(r));
      // Into the frame's own viewport: it clips what lies outside, whatever the observers' margin.
      p.doc.querySelector('partner-logos')!.scrollIntoView();
      await until(() => p.shadow('partner-logos')?.querySelector('[part="base"]'), 'the logos after scrolling');
      await until(async () => (log = await p.log()).some((h) => h.path.startsWith('tiles/')), 'the map after scrolling');

      expect(hits(log, 'demo/data/partners.json'), 'logo feed requests').to.equal(1);
      expect(hits(log, 'demo/data/benches.json'), 'bench feed requests').to.equal(1);
    } finally {
      p.close();
    }
  });
});
