// The paged-feed controller on its own: a tiny host, pages served by a stubbed fetch.
import { expect, fixture, html } from '@open-wc/testing';
import { define } from '../../src/core/define.js';
import { PagedFeedController } from '../../src/core/paged-feed.js';
import { clearFeedCache, retryPolicy } from '../../src/core/request.js';
import { WidgetElement } from '../../src/core/widget-element.js';
import { jsonResponse } from '../helpers.js';

interface Page {
  items: { id: string }[];
  next?: string;
}

class PagedHost extends WidgetElement {
  loads = 0;
  got: string[][] = [];
  readonly pages = new PagedFeedController<Page, { id: string }>(this, {
    parse: (raw) => raw as Page,
    items: (page) => page.items,
    id: (item) => item.id,
    next: (page) => page.next,
    inlineSelector: ':scope > script[data-source="next"]',
    empty: { items: [] },
  });
  known = new Set(['a', 'b']);

  override willUpdate(): void {
    const fresh = this.pages.take(this.known);
    if (fresh) {
      this.got.push(fresh.map((i) => i.id));
      fresh.forEach((i) => this.known.add(i.id));
    }
  }
}
define('test-paged-host', PagedHost);

const pages: Record<string, Page | number> = {
  '/p2': { items: [{ id: 'b' }, { id: 'c' }], next: '/p3' },
  '/p3': { items: [{ id: 'd' }], next: '/p3' },
  '/broken': 503,
};

describe('PagedFeedController', () => {
  let original: typeof fetch;
  let asked: string[];
  const backoff = retryPolicy.delayMs;
  beforeEach(() => {
    clearFeedCache();
    retryPolicy.delayMs = 0; // a failed page's one retry comes at once, within settle()'s wait
    original = window.fetch;
    asked = [];
    window.fetch = async (input: RequestInfo | URL) => {
      const path = new URL(String(input), location.href).pathname;
      asked.push(path);
      const page = pages[path];
      return typeof page === 'number' ? new Response('nope', { status: page }) : jsonResponse(page);
    };
  });
  afterEach(() => {
    window.fetch = original;
    retryPolicy.delayMs = backoff;
    clearFeedCache();
  });

  const settle = async (el: PagedHost, done: () => boolean) => {
    for (let i = 0; i < 100 && !done(); i++) {
      await new Promise((r) => setTimeout(r, 10));
      await el.updateComplete;
    }
  };

  it('fetches nothing until asked; then hands over each page once, without items already shown, and follows next', async () => {
    const el = await fixture<PagedHost>(html`<test-paged-host eager></test-paged-host>`);
    el.pages.reset('/p2');
    await el.updateComplete;
    expect([asked.length, el.pages.hasMore, el.pages.loading]).to.deep.equal([0, true, false]);
    el.pages.more();
    expect(el.pages.loading).to.equal(true);
    await settle(el, () => el.got.length === 1);
    expect(el.got).to.deep.equal([['c']]);
    expect([el.pages.hasMore, el.pages.loading]).to.deep.equal([true, false]);
    el.pages.more();
    await settle(el, () => el.got.length === 2);
    // page 3 names itself as next: the end
    expect(el.got).to.deep.equal([['c'], ['d']]);
    expect(el.pages.hasMore).to.equal(false);
    el.pages.more();
    await el.updateComplete;
    expect(asked).to.deep.equal(['/p2', '/p3']);
  });

  it('reports a failed page and loads the same page again on the next request', async () => {
    const el = await fixture<PagedHost>(html`<test-paged-host eager></test-paged-host>`);
    el.pages.reset('/broken');
    el.pages.more();
    await settle(el, () => el.pages.failed);
    expect([el.pages.failed, el.pages.loading, el.got.length]).to.deep.equal([true, false, 0]);
    pages['/broken'] = { items: [{ id: 'z' }] };
    el.pages.more();
    await settle(el, () => el.got.length === 1);
    expect(el.got).to.deep.equal([['z']]);
    expect(el.pages.failed).to.equal(false);
    expect(asked.filter((p) => p === '/broken').length).to.be.greaterThan(1);
  });

  it('a new first page starts the later pages again from its next', async () => {
    const el = await fixture<PagedHost>(html`<test-paged-host eager></test-paged-host>`);
    el.pages.reset(undefined);
    expect(el.pages.hasMore).to.equal(false);
    el.pages.more();
    await el.updateComplete;
    expect(asked).to.deep.equal([]);
    el.pages.reset('/p3');
    expect(el.pages.hasMore).to.equal(true);
  });
});
