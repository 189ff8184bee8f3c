import { expect } from '@open-wc/testing';
import { corsFixes } from '../../src/checker/checks.js';
import { captureWarnings, fixture, html, settled, textOf } from '../helpers.js';
import { requireFacility } from '../engine.js';
import type { TestFeedWidget } from './test-widget.js';
import './test-widget.js';

interface Seen {
  method: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  status: number;
}

/** Sets the feed the second origin serves for `key`; returns that origin. */
async function serve(key: string, params: Record<string, string>): Promise<string> {
  const q = new URLSearchParams({ key, ...params });
  return ((await (await fetch(`/mock/xo/set?${q}`)).json()) as { origin: string }).origin;
}
const log = async (key: string) => (await (await fetch(`/mock/xo/log?key=${encodeURIComponent(key)}`)).json()) as Seen[];

async function until(check: () => boolean | Promise<boolean>, what: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('refresh across origins (the browser revalidates, no preflight)', function () {
  this.timeout(25_000);

  it('the checker advises just the header the second origin sends: Access-Control-Allow-Origin: *', () => {
    for (const fix of corsFixes()) {
      expect(fix.code.match(/Access-Control-[\w-]+/g), fix.label).to.deep.equal(['Access-Control-Allow-Origin']);
      expect(fix.code, fix.label).to.match(/Access-Control-Allow-Origin:? "?\*/);
    }
  });

  for (const validators of ['etag', 'modified'] as const) {
    it(`a feed on another origin with only the checker's CORS header refreshes (${validators === 'etag' ? 'ETag' : 'only Last-Modified'})`, async function () {
      requireFacility(
        this,
        !/AppleWebKit/.test(navigator.userAgent) || /Chrome\//.test(navigator.userAgent),
        "an HTTP cache that revalidates (WebKitGTK's MiniBrowser under WebDriver keeps none: it sends no If-None-Match / If-Modified-Since, so nothing here can be observed)",
      );
      const key = `xo-${validators}-${Math.random()}`;
      const origin = await serve(key, { version: '1', name: 'Partner A', validators });
      expect(origin).to.not.equal(location.origin);
      const src = `${origin}/feed?key=${encodeURIComponent(key)}`;
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager refresh="5" src=${src}></test-feed-widget>`);
      await settled(el);
      expect(textOf(el)).to.contain('Partner A');

      // Unchanged: the browser asks with its own validator, the server says 304, nothing re-renders.
      const renders = el.renders;
      let loads = 0;
      el.addEventListener('st-load', () => loads++);
      const warnings = await captureWarnings(async () => expect(await el.feed.poll(), 'unchanged').to.equal(false));
      await el.updateComplete;
      expect(el.renders, 're-renders for an unchanged answer').to.equal(renders);
      expect(loads).to.equal(0);
      expect(warnings.join('\n')).to.not.contain('Aktualisierung fehlgeschlagen');
      const afterPoll = await log(key);
      const revalidation = afterPoll[afterPoll.length - 1];
      expect(revalidation.method).to.equal('GET');
      if (validators === 'etag') expect(revalidation.ifNoneMatch).to.equal('"v1"');
      else expect(revalidation.ifModifiedSince).to.be.a('string');
      expect(revalidation.status).to.equal(304);

      // A change on the server shows up at the next `refresh` tick, without a loading state.
      await serve(key, { version: '2', name: 'Partner B', validators });
      await until(() => textOf(el).includes('Partner B'), 'the change after refresh="5"', 12_000);
      expect(el.shadowRoot!.querySelector('[part="loading"]') === null).to.equal(true);
      expect(loads).to.equal(1);

      const seen = await log(key);
      expect(
        seen.map((s) => s.method).filter((m) => m !== 'GET'),
        'requests other than GET (preflights)',
      ).to.deep.equal([]);
      expect(seen[0].ifNoneMatch === null && seen[0].ifModifiedSince === null, 'the first load asks unconditionally').to.equal(true);
    });
  }

  it('a first load revalidates too: an edited file shows on the next page view', async function () {
    requireFacility(
      this,
      !/AppleWebKit/.test(navigator.userAgent) || /Chrome\//.test(navigator.userAgent),
      "an HTTP cache that revalidates (WebKitGTK's MiniBrowser under WebDriver keeps none: it sends no If-None-Match / If-Modified-Since, so nothing here can be observed)",
    );
    const key = `xo-first-${Math.random()}`;
    const origin = await serve(key, { version: '1', name: 'Alt' });
    const src = `${origin}/feed?key=${encodeURIComponent(key)}`;
    const first = await fixture<TestFeedWidget>(html`<test-feed-widget eager src=${src}></test-feed-widget>`);
    await settled(first);
    expect(textOf(first)).to.contain('Alt');
    await serve(key, { version: '2', name: 'Neu bearbeitet' });
    const next = await fixture<TestFeedWidget>(html`<test-feed-widget eager src=${src}></test-feed-widget>`);
    await settled(next);
    expect(textOf(next)).to.contain('Neu bearbeitet');
    const seen = await log(key);
    expect(seen[1].ifNoneMatch, 'the browser revalidated its copy').to.equal('"v1"');
  });

  it('an answer that failed to parse never counts as unchanged later', async () => {
    const key = `garbage-${Math.random()}`;
    await serve(key, { version: '1', name: 'Gut' });
    const el = await fixture<TestFeedWidget>(
      html`<test-feed-widget eager src=${`/mock/xo/feed?key=${encodeURIComponent(key)}`}></test-feed-widget>`,
    );
    await settled(el);
    expect(textOf(el)).to.contain('Gut');

    await serve(key, { version: '2', raw: '<html>Wartungsarbeiten</html>' });
    for (const attempt of ['first', 'second (same garbage, same ETag)']) {
      const warnings = await captureWarnings(async () => expect(await el.feed.poll(), attempt).to.equal(false));
      expect(warnings.join('\n'), `${attempt} garbage answer is reported`).to.contain('Aktualisierung fehlgeschlagen');
      expect(textOf(el)).to.contain('Gut');
    }

    await serve(key, { version: '3', name: 'Wieder gut' });
    expect(await el.feed.poll()).to.equal(true);
    await el.updateComplete;
    expect(textOf(el)).to.contain('Wieder gut');
  });
});
