// A server-side search that stays current: `refresh` asks the server again for the current
// search, and a feed that lists `sort` is asked for the wall's order, so cards keep their places
// when more pages arrive.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';
import { holdTimers } from '../held-timers.js';
import { settled } from '../helpers.js';
import { $, $$, clearStorage, stubFetch, titles, until, wall } from './helpers.js';
import { type ServerIdea, searchBox, searchServer, typeSearch } from './search-server.js';

/** 30 ideas, newest first; supporters a permutation of 0…29 (idea 17 has the most), every third planned. */
function makeIdeas(): ServerIdea[] {
  return Array.from({ length: 30 }, (_, n) => ({
    id: `i${n}`,
    title: n % 10 === 7 ? `Brunnen Nummer ${n}` : `Idee ${n}`,
    created: new Date(Date.UTC(2024, 5, 30) - n * 86_400_000).toISOString().slice(0, 10),
    supporters: (n * 7) % 30,
    status: n % 3 ? 'new' : 'planned',
  }));
}

/** Pages of 10 with `search`, `total`, `next`; `sort` (support, status) when `sorts` is set. */
const server = (ideas: ServerIdea[], url: string, { sorts = false } = {}) =>
  searchServer(ideas, url, { query: sorts ? ['search', 'category', 'status', 'sort'] : undefined });

function sortBy(el: IdeaWall, key: string) {
  const select = $$<HTMLSelectElement>(el, '.toolbar select').find((s) => [...s.options].some((o) => o.value === 'support'))!;
  select.value = key;
  select.dispatchEvent(new Event('change'));
}
const live = (el: IdeaWall) => $(el, '[role="status"][aria-live="polite"]')!.textContent ?? '';
const countOf = (el: IdeaWall, title: string) =>
  $$(el, '.card')
    .find((c) => c.querySelector('.open')!.textContent!.trim() === title)!
    .querySelector('.count')!
    .textContent!.trim()
    .split(' ')[0];
const searches = (calls: { url: string }[]) =>
  calls.map((c) => new URL(c.url, location.href)).filter((u) => u.searchParams.has('search') || u.searchParams.has('sort'));

describe('idea-wall: a server-side search that stays current', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  let clock: ReturnType<typeof holdTimers> | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
    stub?.restore();
    stub = undefined;
    clearStorage();
  });

  it('a refresh asks the server for the current search: counts update quietly, a new match is announced, focus stays', async () => {
    const ideas = makeIdeas();
    clock = holdTimers(5000);
    stub = stubFetch((call) => server(ideas, call.url));
    const el = await wall(html`<idea-wall eager refresh="5" src="/feeds/ideas.json"></idea-wall>`);
    searchBox(el).focus();
    typeSearch(el, 'brunnen');
    await until(() => titles(el).length === 3, 'the server’s matches');
    await until(() => live(el) === '3 von 30 Ideen', 'the first announcement');
    const before = searches(stub.calls).length;

    // Only a count changed on the server (an idea on page 3 of the feed): no announcement.
    ideas[27].supporters = 99;
    clock.fire();
    await until(() => countOf(el, 'Brunnen Nummer 27') === '99', 'the new count');
    expect(searches(stub.calls).length).to.equal(before + 1);
    expect(searches(stub.calls).at(-1)!.searchParams.get('search')).to.equal('brunnen');
    await settled(el);
    expect(live(el), 'unchanged matches are not announced again').to.equal('3 von 30 Ideen');
    expect(el.shadowRoot!.activeElement === searchBox(el), 'focus stays in the search box').to.equal(true);

    // Nothing changed: nothing re-rendered or announced.
    const cards = $$(el, '.card');
    await until(() => clock!.pending > 0, 'the next refresh is due');
    clock.fire();
    await until(() => searches(stub!.calls).length === before + 2, 'the second refresh');
    await settled(el);
    expect(
      $$(el, '.card').every((c, n) => c === cards[n]),
      'the same cards',
    ).to.equal(true);
    expect(live(el)).to.equal('3 von 30 Ideen');

    // A new matching idea on the server: shown and announced once.
    ideas.unshift({ id: 'new', title: 'Brunnen am Bahnhof', created: '2024-07-01', supporters: 0, status: 'new' });
    await until(() => clock!.pending > 0, 'the next refresh is due');
    clock.fire();
    await until(() => titles(el).includes('Brunnen am Bahnhof'), 'the new match');
    await until(() => live(el) === '1 neue Idee ist hinzugekommen.', 'the announcement of the new match');
    expect(titles(el)).to.have.length(4);
    expect(el.shadowRoot!.activeElement === searchBox(el), 'focus stays in the search box').to.equal(true);
  });

  it('a refresh after "Mehr laden" asks again for every page loaded, and keeps them', async () => {
    const ideas = makeIdeas();
    clock = holdTimers(5000);
    stub = stubFetch((call) => server(ideas, call.url));
    const el = await wall(html`<idea-wall eager refresh="5" page-size="30" src="/feeds/ideas.json"></idea-wall>`);
    typeSearch(el, 'idee');
    await until(
      () => $(el, '[part="count"]')!.textContent!.trim() === '27 von 30 Ideen' && titles(el).length === 10,
      'the first page of matches',
    );
    $<HTMLButtonElement>(el, '[part="more"]')!.click();
    await until(() => titles(el).length === 20, 'the second page of matches');
    ideas[20].supporters = 77; // "Idee 20" is on the second page of matches
    const before = searches(stub.calls).length;
    await until(() => clock!.pending > 0, 'a refresh is due');
    clock.fire();
    await until(() => countOf(el, 'Idee 20') === '77', 'the second page’s new count');
    expect(
      searches(stub.calls)
        .slice(before)
        .map((u) => u.searchParams.get('page') ?? '1'),
    ).to.deep.equal(['1', '2']);
    expect(titles(el)).to.have.length(20);
  });

  it('asks a feed that lists "sort" for the order: the most supported idea first, and cards keep their places when more pages arrive', async () => {
    const ideas = makeIdeas();
    stub = stubFetch((call) => server(ideas, call.url, { sorts: true }));
    const el = await wall(html`<idea-wall eager page-size="30" src="/feeds/ideas.json"></idea-wall>`);
    expect(titles(el)).to.have.length(10);
    sortBy(el, 'support');
    // Idea 17 (29 supporters) is on the feed's second page: only the server can put it first.
    await until(() => titles(el)[0] === 'Brunnen Nummer 17', 'the server’s order');
    const asked = searches(stub.calls).at(-1)!;
    expect(asked.searchParams.get('sort')).to.equal('support');
    const first = titles(el);
    expect(first).to.have.length(10);
    $<HTMLButtonElement>(el, '[part="more"]')!.click();
    await until(() => titles(el).length === 20, 'the next page');
    expect(titles(el).slice(0, 10)).to.deep.equal(first);
    const counts = titles(el).map((t) => Number(countOf(el, t)));
    expect(counts.join()).to.equal([...counts].sort((a, b) => b - a).join());

    // With a search too: sent together.
    typeSearch(el, 'brunnen');
    await until(() => titles(el).join() === 'Brunnen Nummer 17,Brunnen Nummer 7,Brunnen Nummer 27', 'the matches by support');
    const last = searches(stub.calls).at(-1)!;
    expect([last.searchParams.get('search'), last.searchParams.get('sort')]).to.deep.equal(['brunnen', 'support']);
  });

  it('a feed without "sort": the wall sorts the matches it has loaded, and asks no order (as before)', async () => {
    const ideas = makeIdeas();
    stub = stubFetch((call) => server(ideas, call.url));
    const el = await wall(html`<idea-wall eager page-size="30" src="/feeds/ideas.json"></idea-wall>`);
    sortBy(el, 'support');
    await el.updateComplete;
    // The first page's ideas (0–9) by support: idea 4 has 28.
    expect(titles(el)[0]).to.equal('Idee 4');
    typeSearch(el, 'brunnen');
    await until(() => titles(el).length === 3, 'the server’s matches');
    expect(titles(el)).to.deep.equal(['Brunnen Nummer 17', 'Brunnen Nummer 7', 'Brunnen Nummer 27']);
    expect(
      searches(stub.calls).every((u) => !u.searchParams.has('sort')),
      'no sort asked',
    ).to.equal(true);
  });
});
