// Big feeds on a phone-like network (test/server/round-trip.mjs and big-feeds.mjs): every request
// answers after 400 ms, and a big feed then streams in for two seconds. The code that reads a
// big body in slices (the big-body chunk) must be asked for while the body is still arriving, so
// no request for code starts after the feed's last byte before the widget shows it: each such
// request was a round trip the visitor waited for (issue 18: three of them, one after another).
// Needs the build: `node scripts/gen-leaflet-css.mjs && npx rollup -c --silent`.
import { expect } from '@open-wc/testing';
import { page, timeline, until, type Hit } from './rtt-page.js';

/**
 * The feed was read once and streamed in over several pieces; the big-body chunk was asked for
 * before its end (`big`: 1) or not at all (0: a body below BIG_BODY is decoded and parsed at
 * once); and no other code was asked for between its end and `shownAt`, except `later` (what the
 * first frame does not wait for).
 */
function expectNoRequestAfterFeed(log: Hit[], feedPath: string, shownAt: number, big: 0 | 1, later?: RegExp): void {
  const feeds = log.filter((h) => h.path === feedPath);
  expect(feeds.length, `feed requests:\n${timeline(log)}`).to.equal(1);
  const feed = feeds[0];
  expect(feed.end - feed.start > 800, `the feed streamed in for a while after the round trip:\n${timeline(log)}`).to.equal(true);
  const late = log.filter((h) => h.path.endsWith('.js') && h.start >= feed.end && h.start < shownAt && !later?.test(h.path));
  expect(late.map((h) => h.path).join(', '), `code asked for after the feed had arrived:\n${timeline(log)}`).to.equal('');
  const bigBody = log.filter((h) => /^dist\/chunks\/big-body-/.test(h.path));
  expect(bigBody.length, `big-body chunks (${big} expected), never a chain of slice chunks:\n${timeline(log)}`).to.equal(big);
  expect(
    log.some((h) => /^dist\/chunks\/(decode-slices|json-slices|slices)-/.test(h.path)),
    'no separate slice chunks',
  ).to.equal(false);
  if (big)
    expect(bigBody[0].start < feed.end, `the big-body chunk was asked for while the feed still arrived:\n${timeline(log)}`).to.equal(true);
}

describe('big feeds: the code that reads them travels while they arrive (server log, 400 ms per request, then 1.6–2.4 s of body)', function () {
  this.timeout(60_000);

  it('<mitfahrbank-map> with 10,000 benches (1.6 MB of JSON): no request after the feed before the list shows, and no slice code for 1.6 MB', async () => {
    const p = await page('<mitfahrbank-map eager view="list" src="big/benches-10000.json"></mitfahrbank-map>');
    try {
      await until(() => p.shadow('mitfahrbank-map')?.querySelector('[part="item"]'), 'the first bench in the list', 20_000);
      const shownAt = Date.now();
      const text = p.shadow('mitfahrbank-map')!.querySelector('[part="item"]')!.textContent ?? '';
      expect(text).to.contain('Mitfahrbank');
      expectNoRequestAfterFeed(await p.log(), 'big/benches-10000.json', shownAt, 0);
    } finally {
      p.close();
    }
  });

  it('<mitfahrbank-map consent="granted"> with 10,000 benches: Leaflet runs while the feed still arrives, not after it is read', async () => {
    const p = await page(
      '<mitfahrbank-map eager consent="granted" src="big/benches-10000.json" tile-url="tiles/{z}/{x}/{y}.png"></mitfahrbank-map>',
    );
    try {
      // The map chunk defines <st-map-view> when it runs; until now it ran only once the benches were parsed.
      await until(() => p.win.customElements.get('st-map-view'), 'the map chunk run', 20_000);
      const log = await p.log();
      const feed = log.find((h) => h.path === 'big/benches-10000.json');
      expect(Boolean(feed) && feed!.end === 0, `the feed was still arriving when the map chunk ran:\n${timeline(log)}`).to.equal(true);
    } finally {
      p.close();
    }
  });

  it('<jugend-budget format="pabulib"> with 1,000 projects and 60,000 ballots (1.1 MB): no request after the file before its title and phases show', async () => {
    const p = await page('<jugend-budget eager format="pabulib" src="big/budget-1000.pb"></jugend-budget>');
    try {
      const base = () => p.shadow('jugend-budget')?.querySelector('[part="base"]');
      await until(base, 'the youth budget', 20_000);
      const shownAt = Date.now();
      expect(base()!.textContent).to.contain('Jugendbudget (Test)').and.contain('500.000');
      // The rules chunk computes the result from the ballots once they are read; the first frame
      // shows title, budget and phases (and that the result is being computed) without it.
      expectNoRequestAfterFeed(await p.log(), 'big/budget-1000.pb', shownAt, 1, /^dist\/chunks\/jugend-budget\.rules-/);
      await until(() => base()?.querySelector('table'), 'the computed result table', 30_000);
      expect(base()!.querySelector('table')!.textContent).to.contain('Projekt');
    } finally {
      p.close();
    }
  });
});
