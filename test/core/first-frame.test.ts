// Issue 18: a feed that is already in (primed by the loader, set by property, inline) shows in the
// widget's first render, with no "loading" text ever in its DOM; a slow feed still shows "loading"
// first. Every node the shadow root ever receives is recorded, so a loading frame that was replaced
// at once still counts.
import { expect } from '@open-wc/testing';
import { prime } from '../../src/core/prime.js';
import { clearFeedCache } from '../../src/core/request.js';
import { fixture, html, jsonResponse, settled, textOf } from '../helpers.js';
import type { TestFeedWidget } from './test-widget.js';
import './test-widget.js';

const realFetch = window.fetch;
const items = (...names: string[]) => ({ items: names.map((name) => ({ name })) });

/** Replaces fetch; `respond` decides per URL. Records each call with its signal. */
function stubFetch(respond: (url: string, signal: AbortSignal) => Promise<Response>) {
  const calls: { url: string; signal: AbortSignal }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    calls.push({ url, signal: init!.signal! });
    return respond(url, init!.signal!);
  };
  return calls;
}

/** A response that comes only when the test says so (or is aborted). */
function later() {
  let send!: (r: Response) => void;
  const respond = (_url: string, signal: AbortSignal) =>
    new Promise<Response>((resolve, reject) => {
      send = resolve;
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
    });
  return { respond, send: (r: Response) => send(r) };
}

/** Appends a widget made by `make` and records the text of every node its shadow root ever gets. */
async function mount(make: () => TestFeedWidget) {
  const host = await fixture(html`<div></div>`);
  const el = make();
  host.append(el);
  const added: string[] = [];
  const note = (n: Node) => added.push(`${n instanceof Element ? (n.getAttribute('part') ?? '') : ''} ${n.textContent ?? ''}`);
  const observer = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(note)));
  // The shadow root exists from connecting on; the first render comes later (it waits up to a frame).
  observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
  return {
    el,
    added: () => (observer.takeRecords().forEach((r) => r.addedNodes.forEach(note)), added.join('\n')),
  };
}

const create = (attrs: Record<string, string>, data?: unknown) => () => {
  const el = document.createElement('test-feed-widget') as TestFeedWidget;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (data !== undefined) el.data = data;
  return el;
};

describe('first render with the feed already in (issue 18)', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('a feed the loader primed shows in the first render: no loading text ever, one request', async () => {
    const calls = stubFetch(async () => jsonResponse(items('Bank am Markt', 'Bank am Rathaus')));
    const url = new URL('/feeds/primed-benches.json', location.href).href;
    prime(url, 'omit');
    // Not `eager`: near the viewport, as the loader saw it when it primed the read.
    const { el, added } = await mount(create({ src: '/feeds/primed-benches.json' }));
    await el.updateComplete;
    expect(textOf(el)).to.contain('Bank am Markt').and.contain('2 Einträge');
    await settled(el);
    expect(added()).to.contain('Bank am Rathaus').and.not.contain('Wird geladen').and.not.contain('loading');
    expect(calls.map((c) => c.url)).to.deep.equal([url]);
  });

  it('data set by property and inline JSON show in the first render, never "loading"', async () => {
    const byProperty = await mount(create({}, items('Gut')));
    await byProperty.el.updateComplete;
    expect(textOf(byProperty.el)).to.contain('1 Eintrag');
    expect(byProperty.added()).to.contain('Gut').and.not.contain('Wird geladen');

    const inline = await mount(() => {
      const el = create({})();
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(items('Eingebettet'));
      el.append(script);
      return el;
    });
    await inline.el.updateComplete;
    expect(textOf(inline.el)).to.contain('Eingebettet');
    expect(inline.added()).to.not.contain('Wird geladen');
  });

  it('a slow feed shows "loading" in the first render, then the data', async () => {
    const slow = later();
    stubFetch(slow.respond);
    const { el, added } = await mount(create({ eager: '', src: '/feeds/slow.json' }));
    await el.updateComplete;
    expect(textOf(el)).to.contain('Wird geladen');
    slow.send(jsonResponse(items('Spät')));
    await settled(el);
    expect(textOf(el)).to.contain('Spät').and.not.contain('Wird geladen');
    expect(added()).to.contain('loading');
  });

  it('src changed before the first render: the early read is let go, the new feed shows', async () => {
    const old = later();
    const calls = stubFetch((url, signal) =>
      url.endsWith('/old.json') ? old.respond(url, signal) : Promise.resolve(jsonResponse(items('Neu'))),
    );
    const { el } = await mount(create({ eager: '', src: '/feeds/old.json' }));
    el.src = '/feeds/new.json';
    await settled(el);
    expect(textOf(el)).to.contain('Neu');
    expect(calls.find((c) => c.url.endsWith('/old.json'))?.signal.aborted, 'the old read was aborted').to.equal(true);
  });

  it('removed before its first render: the early read is aborted, and adding it again reads', async () => {
    const stalled = later();
    const calls = stubFetch(stalled.respond);
    const host = await fixture(html`<div></div>`);
    const el = create({ eager: '', src: '/feeds/gone.json' })();
    host.append(el);
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    expect(
      calls.every((c) => c.signal.aborted),
      'no read left running after the removal',
    ).to.equal(true);
    window.fetch = async () => jsonResponse(items('Wieder da'));
    host.append(el);
    await settled(el);
    expect(textOf(el)).to.contain('Wieder da');
  });

  it('a bad feed that is already in shows the error view and its message, as before', async () => {
    stubFetch(async () => jsonResponse({ items: [{ title: 'kein name' }] }));
    const url = new URL('/feeds/bad.json', location.href).href;
    prime(url, 'omit');
    const { el } = await mount(create({ src: '/feeds/bad.json' }));
    await settled(el);
    expect(textOf(el)).to.contain('keinen gültigen Eintrag');
  });
});
