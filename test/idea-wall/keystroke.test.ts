// A long wall's keystroke: the frame after it draws the first page, the count of all matches follows
// right after (issue 18: one frame at 10,000 ideas). What a visitor sees must be what a plain search
// of all ideas gives, in every order and filter: the cards, their order, the count and "Mehr laden".
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';
import { foldedText, parseIdeaFeed, queryWords, sortIdeas, type Idea, type SortKey } from '../../src/idea-wall/idea-wall.model.js';
import { $, $$, clearStorage, feed, titles, until, wall } from './helpers.js';

const ctx = { baseUrl: location.href, lang: 'de' as const, warn: () => {} };
const seed = 'keystroke-test';
const de = (n: number) => n.toLocaleString('de');

/** Waits for the search index a long wall makes after it is sorted (the keystroke's fast path). */
async function indexed(el: IdeaWall): Promise<void> {
  await until(() => (el as unknown as { index?: object }).index, 'the search index');
}

function type(el: IdeaWall, text: string): void {
  const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { data: text.slice(-1), inputType: 'insertText' }));
}

/** A select of the toolbar, found by one of its option values. */
function choose(el: IdeaWall, option: string, value: string): void {
  const select = $$<HTMLSelectElement>(el, '.toolbar select').find((s) => [...s.options].some((o) => o.value === option))!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

const count = (el: IdeaWall) => $(el, '[part="count"]')!.textContent!.trim();
const more = (el: IdeaWall) => $(el, '[part="more"]')?.textContent!.replace(/\s+/g, ' ').trim() ?? '';

describe('<idea-wall> keystroke at 10,000 ideas', () => {
  beforeEach(clearStorage);

  it('the first update after a keystroke draws the right first page without counting all matches, the count follows right after and is never wrong', async () => {
    const data = feed(10_000);
    const el = await wall(html`<idea-wall eager .data=${data}></idea-wall>`);
    await indexed(el);
    const expected = data.ideas
      .filter((i) => `${i.title} ${i.description}`.toLowerCase().includes('99'))
      .sort((a, b) => b.created.localeCompare(a.created));
    const final = `${de(expected.length)} von 10.000 Ideen`;
    const seen: { count: string; titles: string[]; more: string }[] = [];
    el.addController({ hostUpdated: () => seen.push({ count: count(el), titles: titles(el), more: more(el) }) });
    type(el, '99');
    await el.updateComplete;
    // The keystroke's own update: the first page, and no count yet (that would be the whole search).
    expect(seen[0].titles).to.deep.equal(expected.slice(0, 24).map((i) => i.title));
    expect(seen[0].count).to.equal('… von 10.000 Ideen');
    expect(seen[0].more).to.equal('Mehr laden (24 weitere)');
    // Every count drawn is the placeholder or the right one; the last one is right.
    expect(seen.map((s) => s.count).filter((c) => c !== '… von 10.000 Ideen' && c !== final)).to.deep.equal([]);
    expect(count(el)).to.equal(final);
    expect($(el, '[part="wall"]')!.getAttribute('aria-label')).to.equal(`24 von ${de(expected.length)} Ideen`);
    expect(more(el)).to.equal('Mehr laden (24 weitere)');
  });

  it('the live region says the final count once, when typing pauses', async () => {
    const el = await wall(html`<idea-wall eager .data=${feed(10_000)}></idea-wall>`);
    await indexed(el);
    const live = $(el, '[role="status"][aria-live="polite"]')!;
    const said: string[] = [];
    new MutationObserver(() => live.textContent!.trim() && said.push(live.textContent!.trim())).observe(live, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    for (const text of ['i', 'id', 'ide', 'idee 1']) {
      type(el, text);
      await el.updateComplete;
    }
    await until(() => said.length, 'the announcement');
    const final = count(el);
    expect(final).to.match(/^[\d.]+ von 10\.000 Ideen$/);
    expect(said).to.deep.equal([final]);
  });

  it('printing draws every match, not only the first page', async () => {
    const data = feed(10_000);
    const el = await wall(html`<idea-wall eager .data=${data}></idea-wall>`);
    await indexed(el);
    type(el, '12');
    await el.updateComplete;
    const expected = data.ideas.filter((i) => `${i.title} ${i.description}`.includes('12')).length;
    expect(expected).to.be.above(48);
    dispatchEvent(new Event('beforeprint'));
    try {
      await el.updateComplete;
      expect($$(el, '.card').length).to.equal(expected);
    } finally {
      dispatchEvent(new Event('afterprint'));
    }
  });
});

describe('<idea-wall> long wall: the same cards, order, count and "Mehr laden" as a plain search', () => {
  beforeEach(() => {
    clearStorage();
    sessionStorage.setItem('stadttraum.idea-wall.seed', JSON.stringify(seed));
  });
  afterEach(clearStorage);

  // 2,000 ideas (a long wall: it searches with its index), dates and supporters with ties, three
  // categories, every status, words that match many, few or no ideas.
  const words = ['Bank', 'Brunnen', 'Spielplatz', 'Radweg', 'Bücherei', 'Straßenfest', 'Teich'];
  const raw = {
    categories: ['k1', 'k2', 'k3'].map((id) => ({ id, label: `Kategorie ${id}` })),
    ideas: Array.from({ length: 2000 }, (_, i) => ({
      id: `i${i}`,
      title: `${words[i % 7]} ${i}`,
      description: `${words[(i * 3) % 7]} und ${words[(i * 5) % 11] ?? 'Markt'}`,
      category: ['k1', 'k2', 'k3'][i % 3],
      status: ['new', 'review', 'planned', 'in-progress', 'done', 'declined'][i % 6],
      created: `2024-0${1 + (i % 9)}-1${i % 10}`,
      supporters: i % 13,
    })),
  };
  const parsed = parseIdeaFeed(raw, ctx).ideas;

  function expected(sort: SortKey, query: string, category: string, status: string): Idea[] {
    const w = queryWords(query);
    return sortIdeas(parsed, sort, sort === 'random' ? seed : '').filter(
      (i) => (!category || i.category?.id === category) && (!status || i.status.id === status) && w.every((x) => foldedText(i).includes(x)),
    );
  }

  it('in every order with every search, category and status', async () => {
    const el = await wall(html`<idea-wall eager .data=${raw}></idea-wall>`);
    await indexed(el);
    const statusButton = (label: string) => $$(el, '[part="summary"] button').find((b) => b.textContent!.includes(label))!;
    const checked: string[] = [];
    for (const sort of ['newest', 'support', 'status', 'random'] as SortKey[]) {
      choose(el, 'random', sort);
      for (const status of ['', 'done']) {
        // The summary's first button shows all statuses; a status button toggles its status.
        if (status) statusButton('Umgesetzt').click();
        for (const category of ['', 'k2']) {
          choose(el, 'k2', category);
          for (const query of ['', 'b', 'bank', 'strasse 1', 'xyz']) {
            type(el, query);
            await el.updateComplete;
            const want = expected(sort, query, category, status);
            const what = `${sort} / ${query || '–'} / ${category || '–'} / ${status || '–'}`;
            const filtered = query || category || status;
            expect(count(el), what).to.equal(filtered ? `${de(want.length)} von 2.000 Ideen` : '2.000 Ideen');
            expect(titles(el), what).to.deep.equal(want.slice(0, 24).map((i) => i.title));
            expect(more(el), what).to.equal(want.length > 24 ? `Mehr laden (${Math.min(24, want.length - 24)} weitere)` : '');
            checked.push(what);
          }
        }
        if (status) $$(el, '[part="summary"] button')[0].click();
      }
    }
    expect(checked).to.have.length(80);
  });
});
