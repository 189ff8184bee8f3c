// A paged feed whose server searches and filters (`"query": [...]`, as the WordPress plugin and
// the demo server answer): the wall asks it instead of filtering only the pages it has loaded.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';
import { captureWarnings } from '../helpers.js';
import { $, clearStorage, stubFetch, titles, until, wall } from './helpers.js';
import { searchServer, typeSearch } from './search-server.js';

/** 30 ideas on the "server", newest first; every third planned, categories alternating. */
const serverIdeas = Array.from({ length: 30 }, (_, n) => ({
  id: `i${n}`,
  title: n % 10 === 7 ? `Brunnen Nummer ${n}` : `Idee ${n}`,
  description: `Beschreibung ${n}`,
  created: new Date(Date.UTC(2024, 5, 30) - n * 86_400_000).toISOString().slice(0, 10),
  status: n % 3 ? 'new' : 'planned',
  category: n % 2 ? 'verkehr' : 'kultur',
}));
const categories = [
  { id: 'kultur', label: 'Kultur' },
  { id: 'verkehr', label: 'Verkehr' },
];

/** The server of these tests; `advertise: false` leaves out `query` (a server that cannot search). */
const server = (url: string, { size = 10, advertise = true } = {}) =>
  searchServer(serverIdeas, url, { size, categories, query: advertise ? undefined : null });
const moreButton = (el: IdeaWall) => $<HTMLButtonElement>(el, '[part="more"]');
const countText = (el: IdeaWall) => $(el, '[part="count"]')?.textContent?.trim() ?? '';
const asked = (calls: { url: string }[]) =>
  calls.map((c) => new URL(c.url, location.href)).filter((u) => [...u.searchParams.keys()].some((k) => k !== 'page'));

describe('idea-wall: search and filters on the server (paged feed with "query")', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    stub?.restore();
    stub = undefined;
    clearStorage();
  });

  it('finds an idea on a page not loaded yet, counts with the server’s total, and announces it', async () => {
    stub = stubFetch((call) => server(call.url));
    const el = await wall(html`<idea-wall eager src="/feeds/ideas.json"></idea-wall>`);
    expect(titles(el)).to.have.length(10);
    typeSearch(el, 'brunnen');
    await until(() => titles(el).length === 3, 'the server’s matches');
    expect(titles(el)).to.deep.equal(['Brunnen Nummer 7', 'Brunnen Nummer 17', 'Brunnen Nummer 27']);
    expect(countText(el)).to.equal('3 von 30 Ideen');
    const q = asked(stub.calls);
    expect(q).to.have.length(1);
    expect(q[0].pathname).to.equal('/feeds/ideas.json');
    expect(q[0].searchParams.get('search')).to.equal('brunnen');
    await until(() => $(el, '[role="status"][aria-live="polite"]')!.textContent === '3 von 30 Ideen', 'the announcement');
    expect(!!moreButton(el), 'no more pages of this search').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('asks once typing pauses, and a newer search aborts the older request', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    stub = stubFetch(async (call) => {
      if (call.url.includes('search=idee')) await gate; // the first search stalls
      return server(call.url);
    });
    const el = await wall(html`<idea-wall eager src="/feeds/ideas.json"></idea-wall>`);
    for (const text of ['b', 'br', 'bru']) typeSearch(el, text);
    typeSearch(el, 'idee');
    await until(() => asked(stub!.calls).length === 1, 'one request after the pause');
    expect(asked(stub.calls)[0].searchParams.get('search')).to.equal('idee');
    const first = stub.calls.find((c) => c.url.includes('search=idee'))!;
    typeSearch(el, 'brunnen 2');
    await until(() => titles(el).join() === 'Brunnen Nummer 27', 'the newer answer');
    expect(first.init!.signal!.aborted, 'the older request was aborted').to.equal(true);
    release();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Brunnen Nummer 27']);
    expect(asked(stub.calls).map((u) => u.searchParams.get('search'))).to.deep.equal(['idee', 'brunnen 2']);
  });

  it('"Mehr laden" pages through the server’s matches (focus on the first new card) until there are no more', async () => {
    stub = stubFetch((call) => server(call.url, { size: 4 }));
    const el = await wall(html`<idea-wall eager src="/feeds/ideas.json"></idea-wall>`);
    const select = $<HTMLSelectElement>(el, '.toolbar select')!; // the category
    select.value = 'kultur';
    select.dispatchEvent(new Event('change'));
    await until(() => countText(el) === '15 von 30 Ideen', 'the server’s count');
    expect(titles(el)).to.have.length(4);
    for (const shown of [8, 12, 16]) {
      moreButton(el)!.click();
      await until(() => titles(el).length === Math.min(shown, 15), `${Math.min(shown, 15)} cards`);
      await until(() => el.shadowRoot!.activeElement?.textContent === titles(el)[shown - 4], 'focus on the first new card');
    }
    expect(!!moreButton(el), 'no more pages').to.equal(false);
    const pages = asked(stub.calls);
    expect(pages.map((u) => `${u.searchParams.get('category')} ${u.searchParams.get('page') ?? 1}`)).to.deep.equal([
      'kultur 1',
      'kultur 2',
      'kultur 3',
      'kultur 4',
    ]);
    expect(new Set(titles(el)).size, 'no idea twice').to.equal(15);
  });

  it('sends status and category together, and clearing them goes back to the loaded pages and their "Mehr laden"', async () => {
    stub = stubFetch((call) => server(call.url));
    const el = await wall(html`<idea-wall eager src="/feeds/ideas.json"></idea-wall>`);
    const select = $<HTMLSelectElement>(el, '.toolbar select')!;
    select.value = 'verkehr';
    select.dispatchEvent(new Event('change'));
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="summary"] button')]
      .find((b) => b.textContent!.includes('Geplant'))!
      .click();
    await until(() => countText(el) === '5 von 30 Ideen', 'planned in Verkehr'); // 3, 9, 15, 21, 27
    const last = asked(stub.calls).at(-1)!;
    expect([last.searchParams.get('category'), last.searchParams.get('status')]).to.deep.equal(['verkehr', 'planned']);
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="summary"] button')][0].click(); // all statuses
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(titles(el)).to.have.length(10);
    expect(moreButton(el)!.textContent).to.contain('Weitere Ideen vom Server laden');
  });

  it('without "query" in the feed: filters the loaded ideas only and asks the server nothing (as before)', async () => {
    stub = stubFetch((call) => server(call.url, { advertise: false }));
    const el = await wall(html`<idea-wall eager src="/feeds/ideas.json"></idea-wall>`);
    typeSearch(el, 'brunnen');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Brunnen Nummer 7']);
    await new Promise((r) => setTimeout(r, 500)); // longer than the pause before a server search
    expect(asked(stub.calls)).to.have.length(0);
    expect(!!moreButton(el), '"Mehr laden" hidden while filtering').to.equal(false);
  });

  it('a filter the server does not list, or a transform: the loaded ideas only, no server request', async () => {
    stub = stubFetch((call) => searchServer(serverIdeas, call.url, { categories, query: ['search'] }));
    const el = await wall(html`<idea-wall eager src="/feeds/ideas.json"></idea-wall>`);
    const select = $<HTMLSelectElement>(el, '.toolbar select')!;
    select.value = 'kultur';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(titles(el)).to.have.length(5); // the Kultur ideas of the first page
    const transformed = await wall(html`<idea-wall eager src="/feeds/other.json" .transform=${(raw: unknown) => raw}></idea-wall>`);
    typeSearch(transformed, 'brunnen');
    await new Promise((r) => setTimeout(r, 500)); // longer than the pause before a server search
    expect(asked(stub.calls)).to.have.length(0);
    expect(titles(transformed)).to.deep.equal(['Brunnen Nummer 7']);
  });

  it('when the server’s search fails: the loaded matches, a message, a console warning, and a retry that works', async () => {
    let fail = true;
    stub = stubFetch((call) => (call.url.includes('search=') && fail ? new Response('kaputt', { status: 404 }) : server(call.url)));
    const el = await wall(html`<idea-wall eager src="/feeds/ideas.json"></idea-wall>`);
    const warnings = await captureWarnings(async () => {
      typeSearch(el, 'brunnen');
      await until(() => $(el, '.message.error-text'), 'the message');
    });
    expect(warnings.join('\n')).to.contain('search=brunnen');
    expect($(el, '.message.error-text')!.textContent).to.contain('Weitere Ideen konnten nicht geladen werden.');
    expect(titles(el)).to.deep.equal(['Brunnen Nummer 7']); // what the wall has
    fail = false;
    moreButton(el)!.click();
    await until(() => titles(el).length === 3, 'the server’s matches after the retry');
    expect(!!$(el, '.message.error-text')).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
