import { expect, oneEvent } from '@open-wc/testing';
import { clearFeedCache, retryPolicy } from '../../src/core/request.js';
import { captureWarnings, fixture, html, jsonResponse, markupOf, settled, textOf } from '../helpers.js';
import type { TestFeedWidget } from './test-widget.js';
import './test-widget.js';

const items = (...names: string[]) => ({ items: names.map((name) => ({ name })) });
const realFetch = window.fetch;

/** Replaces fetch for one test; records every call. */
function stubFetch(respond: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init?: RequestInit }[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    calls.push({ url, init });
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return respond(url, init);
  };
  return calls;
}

describe('shared data core', () => {
  beforeEach(() => {
    clearFeedCache();
    retryPolicy.delayMs = 10;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  describe('sources', () => {
    it('reads the data property', async () => {
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget .data=${items('Sofa', 'Bank')}></test-feed-widget>`);
      await settled(el);
      expect(textOf(el)).to.contain('2 Einträge').and.contain('Sofa').and.contain('Bank');
      await expect(el).to.be.accessible();
    });

    it('reads src (relative to the page)', async () => {
      const calls = stubFetch(() => jsonResponse(items('Aus der Datei')));
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager src="feeds/a.json"></test-feed-widget>`);
      await settled(el);
      expect(textOf(el)).to.contain('Aus der Datei');
      expect(calls[0].url).to.equal(new URL('feeds/a.json', location.href).href);
      expect(calls[0].init?.credentials).to.equal('omit');
    });

    it('sends credentials only when asked', async () => {
      const calls = stubFetch(() => jsonResponse(items('x')));
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager credentials="include" src="c.json"></test-feed-widget>`);
      await settled(el);
      expect(calls[0].init?.credentials).to.equal('include');
    });

    it('reads inline JSON from a child script (CMS pages without a server)', async () => {
      const el = await fixture<TestFeedWidget>(
        html`<test-feed-widget eager><script type="application/json">{"items":[{"name":"Eingebettet"}]}</script></test-feed-widget>`,
      );
      await settled(el);
      expect(textOf(el)).to.contain('Eingebettet');
    });

    it('prefers data over src over inline JSON', async () => {
      stubFetch(() => jsonResponse(items('Von src')));
      const el = await fixture<TestFeedWidget>(
        html`<test-feed-widget eager src="p.json" .data=${items('Von data')}><script type="application/json">{"items":[{"name":"Inline"}]}</script></test-feed-widget>`,
      );
      await settled(el);
      expect(textOf(el)).to.contain('Von data').and.not.contain('Von src');
      el.data = undefined;
      await settled(el);
      expect(textOf(el)).to.contain('Von src').and.not.contain('Inline');
      el.src = undefined;
      await settled(el);
      expect(textOf(el)).to.contain('Inline');
    });

    it('applies transform before validation', async () => {
      const el = await fixture<TestFeedWidget>(
        html`<test-feed-widget .transform=${(raw: { list: string[] }) => items(...raw.list)} .data=${{ list: ['A', 'B', 'C'] }}></test-feed-widget>`,
      );
      await settled(el);
      expect(textOf(el)).to.contain('3 Einträge');
    });

    it('loads a built-in adapter named by format', async () => {
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget format="upper" .data=${{ rows: ['klein'] }}></test-feed-widget>`);
      await settled(el);
      expect(textOf(el)).to.contain('KLEIN');
    });

    it('names the possible formats when format is unknown', async () => {
      const warnings = await captureWarnings(async () => {
        const el = await fixture<TestFeedWidget>(html`<test-feed-widget format="xml" .data=${items('a')}></test-feed-widget>`);
        await settled(el);
        expect(textOf(el)).to.contain('nicht angezeigt werden');
      });
      expect(warnings.join()).to.contain('Unbekanntes Format „xml“').and.contain('upper');
    });

    it('says so when there is no source at all', async () => {
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager></test-feed-widget>`);
      await settled(el);
      expect(textOf(el)).to.contain('Keine Datenquelle angegeben');
      expect(markupOf(el.shadowRoot!.querySelector('button'))).to.equal(null); // nothing to retry
    });
  });

  describe('errors a visitor understands', () => {
    it('404: calm message, details for the webmaster, st-error event, no retry', async () => {
      const calls = stubFetch(
        () => new Response('<!DOCTYPE html><h1>Not found</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } }),
      );
      // Listening before it connects: near the viewport, its read starts with connecting (issue 18).
      const el = document.createElement('test-feed-widget') as TestFeedWidget;
      el.src = 'missing.json';
      const event = oneEvent(el, 'st-error');
      (await fixture(html`<div></div>`)).append(el);
      const warnings = await captureWarnings(() => settled(el));
      const { detail } = await event;
      expect(detail.status).to.equal(404);
      expect(detail.url).to.contain('missing.json');
      expect(calls.length).to.equal(1);
      expect(textOf(el)).to.contain('Die Einträge können gerade nicht angezeigt werden.').and.contain('HTTP 404');
      expect(warnings.join()).to.contain('missing.json');
      await expect(el).to.be.accessible();
    });

    it('500: retries a read once, then succeeds', async () => {
      let n = 0;
      const calls = stubFetch(() => (++n === 1 ? new Response('boom', { status: 500 }) : jsonResponse(items('Zweiter Versuch'))));
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager src="flaky.json"></test-feed-widget>`);
      await settled(el);
      expect(calls.length).to.equal(2);
      expect(textOf(el)).to.contain('Zweiter Versuch');
    });

    it('network error: retried once, then an error view whose button loads again', async () => {
      let fail = true;
      const calls = stubFetch(() => {
        if (fail) throw new TypeError('Failed to fetch');
        return jsonResponse(items('Wieder online'));
      });
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager src="offline.json"></test-feed-widget>`);
      await captureWarnings(() => settled(el));
      expect(calls.length).to.equal(2);
      expect(textOf(el)).to.contain('konnten nicht abgerufen werden');
      fail = false;
      el.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
      await settled(el);
      expect(textOf(el)).to.contain('Wieder online');
    });

    it('does not retry a 4xx', async () => {
      const calls = stubFetch(() => new Response('{}', { status: 403 }));
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager src="forbidden.json"></test-feed-widget>`);
      await captureWarnings(() => settled(el));
      expect(calls.length).to.equal(1);
    });

    it('an HTML page instead of JSON is named as such', async () => {
      stubFetch(() => new Response('<!DOCTYPE html><html><body>Wartung</body></html>', { headers: { 'Content-Type': 'text/html' } }));
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager src="page.json"></test-feed-widget>`);
      await captureWarnings(() => settled(el));
      expect(textOf(el)).to.contain('unlesbares Format').and.contain('HTML statt JSON');
      await expect(el).to.be.accessible();
    });

    it('wrong shape names the field', async () => {
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget .data=${{ items: 'nope' }}></test-feed-widget>`);
      await captureWarnings(() => settled(el));
      expect(textOf(el)).to.contain('nicht die erwartete Form').and.contain('„items“ muss eine Liste sein');
    });

    it('skips invalid items with one warning naming item and field', async () => {
      const warnings = await captureWarnings(async () => {
        const el = await fixture<TestFeedWidget>(
          html`<test-feed-widget .data=${{ items: [{ name: 'Gut' }, { name: '' }, { id: 'x7', name: 42 }] }}></test-feed-widget>`,
        );
        await settled(el);
        expect(textOf(el)).to.contain('1 Eintrag').and.contain('Gut');
      });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('items[1]').and.contain('items[2] („x7“)').and.contain('name');
    });

    it('a feed with items but none valid is an error, not "empty"', async () => {
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget .data=${{ items: [{ title: 'kein name' }] }}></test-feed-widget>`);
      await captureWarnings(() => settled(el));
      expect(textOf(el)).to.contain('keinen gültigen Eintrag');
    });

    it('an empty list is the empty state', async () => {
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget .data=${{ items: [] }}></test-feed-widget>`);
      await settled(el);
      expect(textOf(el)).to.equal('Keine Einträge.');
      await expect(el).to.be.accessible();
    });

    it('times out after `timeout` seconds', async () => {
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager timeout="0.3" src="/mock/slow?ms=3000"></test-feed-widget>`);
      await captureWarnings(() => settled(el));
      expect(textOf(el)).to.contain('zu lange nicht geantwortet');
    });

    it('feed text is never HTML', async () => {
      const el = await fixture<TestFeedWidget>(
        html`<test-feed-widget .data=${items('<img src=x onerror="window.__pwned=1">')}></test-feed-widget>`,
      );
      await settled(el);
      expect(markupOf(el.shadowRoot!.querySelector('img'))).to.equal(null);
      expect(textOf(el)).to.contain('<img src=x');
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('safe URLs', () => {
    it('keeps http(s) and relative (resolved against the feed URL), drops the rest with a warning', async () => {
      stubFetch(() =>
        jsonResponse({
          items: [
            { name: 'rel', url: 'seite.html' },
            { name: 'abs', url: 'https://example.org/x' },
            { name: 'js', url: 'javascript:alert(1)' },
            { name: 'data', url: 'data:text/html,<script>alert(1)</script>' },
            { name: 'vb', url: ' JaVaScRiPt:alert(1)' },
          ],
        }),
      );
      const warnings = await captureWarnings(async () => {
        const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager src="/feeds/sub/list.json"></test-feed-widget>`);
        await settled(el);
        const hrefs = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
        expect(hrefs).to.deep.equal([new URL('/feeds/sub/seite.html', location.href).href, 'https://example.org/x']);
      });
      expect(warnings.join()).to.contain('javascript:').and.contain('data:');
    });
  });

  describe('requests', () => {
    it('widgets with the same URL share one request', async () => {
      const key = `share-${Math.random()}`;
      const container = await fixture(html`<div>
        <test-feed-widget eager src="/mock/hits?key=${key}"></test-feed-widget>
        <test-feed-widget eager src="/mock/hits?key=${key}"></test-feed-widget>
        <test-feed-widget eager src="/mock/hits?key=${key}"></test-feed-widget>
      </div>`);
      const widgets = [...container.querySelectorAll<TestFeedWidget>('test-feed-widget')];
      await Promise.all(widgets.map(settled));
      for (const w of widgets) expect(textOf(w)).to.contain('Abruf 1');
      const hits = await (await realFetch(`/mock/count?key=c&of=${key}`)).json();
      expect(hits.count).to.equal(1);
    });

    it('keeps a shared request alive while one user remains, aborts when the last leaves', async () => {
      const signals: AbortSignal[] = [];
      let resolve!: (r: Response) => void;
      stubFetch((_url, init) => {
        signals.push(init!.signal!);
        return new Promise<Response>((r) => (resolve = r));
      });
      const container = await fixture(html`<div>
        <test-feed-widget eager src="shared.json"></test-feed-widget>
        <test-feed-widget eager src="shared.json"></test-feed-widget>
      </div>`);
      const [a, b] = container.querySelectorAll<TestFeedWidget>('test-feed-widget');
      await a.updateComplete;
      await new Promise((r) => setTimeout(r, 20));
      expect(signals).to.have.length(1);
      a.remove();
      await new Promise((r) => setTimeout(r, 20));
      expect(signals[0].aborted).to.equal(false);
      resolve(jsonResponse(items('Noch da')));
      await settled(b);
      expect(textOf(b)).to.contain('Noch da');

      clearFeedCache();
      const c = await fixture<TestFeedWidget>(html`<test-feed-widget eager src="alone.json"></test-feed-widget>`);
      await new Promise((r) => setTimeout(r, 20));
      c.remove();
      await new Promise((r) => setTimeout(r, 20));
      expect(signals[1].aborted).to.equal(true);
    });

    it('aborts the old request when src changes', async () => {
      const signals = new Map<string, AbortSignal>();
      stubFetch((url, init) => {
        signals.set(url, init!.signal!);
        if (url.endsWith('old.json')) return new Promise<Response>(() => {});
        return jsonResponse(items('Neu'));
      });
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager src="old.json"></test-feed-widget>`);
      await new Promise((r) => setTimeout(r, 20));
      el.src = 'new.json';
      await settled(el);
      expect(textOf(el)).to.contain('Neu');
      expect([...signals].find(([u]) => u.endsWith('old.json'))![1].aborted).to.equal(true);
    });

    it('does not load before the widget is near the viewport (unless eager)', async () => {
      const calls = stubFetch(() => jsonResponse(items('Sichtbar')));
      const container = await fixture(
        html`<div><div style="height: 5000px"></div><test-feed-widget src="lazy.json"></test-feed-widget></div>`,
      );
      const el = container.querySelector<TestFeedWidget>('test-feed-widget')!;
      await new Promise((r) => setTimeout(r, 100));
      expect(calls).to.have.length(0);
      expect(el.shadowRoot!.querySelector('[part="loading"]')).to.exist;
      el.scrollIntoView();
      await new Promise((r) => setTimeout(r, 150));
      await settled(el);
      expect(calls).to.have.length(1);
      expect(textOf(el)).to.contain('Sichtbar');
    });

    it('refresh: 304 changes nothing and does not re-render; new data is shown without a loading state', async () => {
      const version = { v: 1 };
      const src = () => `/mock/etag?version=${version.v}`;
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager src=${src()}></test-feed-widget>`);
      await settled(el);
      expect(textOf(el)).to.contain('Partner v1');
      const renders = el.renders;
      expect(await el.feed.poll()).to.equal(false); // server answered 304
      await el.updateComplete;
      expect(el.renders).to.equal(renders);
      let loadEvents = 0;
      el.addEventListener('st-load', () => loadEvents++);
      // Same URL, new content: simulate by pointing the server at version 2 through a fetch stub.
      stubFetch(() => new Response(JSON.stringify(items('Neu dazu')), { headers: { 'Content-Type': 'application/json', ETag: '"v2"' } }));
      expect(await el.feed.poll()).to.equal(true);
      await el.updateComplete;
      expect(textOf(el)).to.contain('Neu dazu');
      expect(markupOf(el.shadowRoot!.querySelector('[part="loading"]'))).to.equal(null);
      expect(loadEvents).to.equal(1);
    });

    it('refresh leaves revalidation to the browser cache: cache no-cache, no own If-None-Match', async () => {
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager src="/mock/etag?version=7"></test-feed-widget>`);
      await settled(el);
      const calls = stubFetch(() => jsonResponse(items('Partner v7')));
      await el.feed.poll();
      expect(calls[0].init!.cache).to.equal('no-cache');
      expect(Object.keys(calls[0].init!.headers as Record<string, string>)).to.deep.equal(['Accept']);
    });
  });

  describe('language and text', () => {
    it('follows its own lang, else the nearest ancestor, else <html>', async () => {
      const container = await fixture(html`<div lang="en"><test-feed-widget .data=${items('a')}></test-feed-widget></div>`);
      const el = container.querySelector<TestFeedWidget>('test-feed-widget')!;
      await settled(el);
      expect(textOf(el)).to.contain('1 entry');
      el.setAttribute('lang', 'de');
      await el.updateComplete;
      expect(textOf(el)).to.contain('1 Eintrag');
    });

    it('switches when <html lang> changes', async () => {
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget .data=${items('a', 'b')}></test-feed-widget>`);
      await settled(el);
      const before = document.documentElement.lang;
      try {
        document.documentElement.lang = 'en';
        await new Promise((r) => setTimeout(r, 10));
        await el.updateComplete;
        expect(textOf(el)).to.contain('2 entries');
      } finally {
        document.documentElement.lang = before;
      }
    });

    it('English error message with lang="en"', async () => {
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget lang="en" .data=${{ items: 5 }}></test-feed-widget>`);
      await captureWarnings(() => settled(el));
      expect(textOf(el)).to.contain('The entries cannot be shown right now.').and.contain('expected shape');
    });

    it('strings can be overridden per widget (attribute JSON) and per page', async () => {
      const el = await fixture<TestFeedWidget>(
        html`<test-feed-widget strings='{"de":{"empty":"Hier ist noch nichts – mach mit!"}}' .data=${{ items: [] }}></test-feed-widget>`,
      );
      await settled(el);
      expect(textOf(el)).to.equal('Hier ist noch nichts – mach mit!');
      window.stadttraum = { ...window.stadttraum, strings: { de: { count_one: 'Genau {count} Ding' } } };
      try {
        const other = await fixture<TestFeedWidget>(html`<test-feed-widget .data=${items('x')}></test-feed-widget>`);
        await settled(other);
        expect(textOf(other)).to.contain('Genau 1 Ding');
      } finally {
        delete window.stadttraum!.strings;
      }
    });
  });
});

describe('decoding', () => {
  it('reads UTF-8, a declared charset, and falls back to Windows-1252 (Excel CSV)', async () => {
    const { decodeBody } = await import('../../src/core/request.js');
    const utf8 = new TextEncoder().encode('Straße, Bäckerei').buffer as ArrayBuffer;
    expect(decodeBody(utf8, 'text/csv')).to.equal('Straße, Bäckerei');
    const cp1252 = new Uint8Array([0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x20, 0x80]).buffer; // "Straße €"
    expect(decodeBody(cp1252, 'text/csv')).to.equal('Straße €');
    const latin1 = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c]).buffer; // "Müll"
    expect(decodeBody(latin1, 'text/csv; charset=ISO-8859-1')).to.equal('Müll');
  });
});
