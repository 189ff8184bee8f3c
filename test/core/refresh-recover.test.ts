import { expect } from '@open-wc/testing';
import { captureWarnings, fixture, html, settled, textOf } from '../helpers.js';
import type { TestFeedWidget } from './test-widget.js';
import './test-widget.js';

const serve = (key: string, params: Record<string, string>) => fetch(`/mock/xo/set?${new URLSearchParams({ key, ...params })}`);
const src = (key: string) => `/mock/xo/feed?key=${encodeURIComponent(key)}`;

describe('refresh: each widget judges "unchanged" by what it shows', () => {
  it('two widgets on one feed: the first one’s refresh does not make the second look current', async () => {
    const key = `two-${Math.random()}`;
    await serve(key, { version: '1', name: 'Erste Fassung' });
    const box = await fixture(html`<div>
      <test-feed-widget eager src=${src(key)}></test-feed-widget>
      <test-feed-widget eager src=${src(key)}></test-feed-widget>
    </div>`);
    const [a, b] = box.querySelectorAll<TestFeedWidget>('test-feed-widget');
    await settled(a);
    await settled(b);
    await serve(key, { version: '2', name: 'Zweite Fassung' });
    expect(await a.feed.poll()).to.equal(true);
    expect(await b.feed.poll(), 'the second widget still shows the first version').to.equal(true);
    await b.updateComplete;
    expect(textOf(b)).to.contain('Zweite Fassung');
  });

  it('a widget that met a broken feed at start recovers at the next refresh, without a warning per poll', async () => {
    const key = `recover-${Math.random()}`;
    await serve(key, { version: '1', raw: '<!DOCTYPE html><title>Wartung</title>' });
    const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager src=${src(key)}></test-feed-widget>`);
    await captureWarnings(() => settled(el));
    expect(el.shadowRoot!.querySelector('[part="error"]') !== null, 'error view').to.equal(true);

    const warnings = await captureWarnings(async () => expect(await el.feed.poll(), 'still broken').to.equal(false));
    expect(warnings, 'the error view already told').to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[part="error"]') !== null).to.equal(true);

    await serve(key, { version: '2', name: 'Wieder da' });
    expect(await el.feed.poll()).to.equal(true);
    await settled(el);
    expect(textOf(el)).to.contain('Wieder da');
    expect(el.shadowRoot!.querySelector('[part="error"]') === null).to.equal(true);
  });
});
