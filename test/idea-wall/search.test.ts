// The wall's search: an index over all ideas' folded texts, searched only as far as the page
// being drawn needs, the rest after it (the counts). Results must be those of a plain search.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { foldedText, parseIdeaFeed, queryWords, sortIdeas, type Idea } from '../../src/idea-wall/idea-wall.model.js';
import { SearchIndex } from '../../src/idea-wall/idea-wall.search.js';
import { $, $$, feed, until, wall } from './helpers.js';

const ctx = { baseUrl: location.href, lang: 'de' as const, warn: () => {} };
const ideas = sortIdeas(
  parseIdeaFeed(
    {
      ideas: [
        { id: 'a', title: 'Bank am Markt', description: 'Eine Sitzbank', status: 'new' },
        { id: 'b', title: 'Straßenfest', description: 'Musik und Bühne', status: 'done' },
        { id: 'c', title: 'Bücherei', description: 'länger offen am Markt', status: 'new' },
        { id: 'd', title: 'Markt', description: 'bank', status: 'done' },
      ],
    },
    ctx,
  ).ideas,
  'newest',
  '',
);
const plain = (query: string, status = '', words = queryWords(query)) =>
  ideas.filter((i) => (!status || i.status.id === status) && words.every((w) => foldedText(i).includes(w))).map((i) => i.id);
const ids = (list: Idea[]) => list.map((i) => i.id);

describe('idea wall search index', () => {
  const index = new SearchIndex(ideas);

  it('finds what a plain search finds, in the wall’s order, for any word order, accents and ß', () => {
    for (const q of ['markt', 'bank markt', 'markt bank', 'strasse', 'BUCHEREI', 'ank', 'x']) {
      expect(ids(index.find({ words: queryWords(q), category: '', status: '' }, 0, Infinity).found), q).to.deep.equal(plain(q));
    }
    expect(ids(index.find({ words: queryWords('markt'), category: '', status: 'done' }, 0, Infinity).found)).to.deep.equal(
      plain('markt', 'done'),
    );
  });

  it('a word never matches across two ideas', () => {
    for (let k = 0; k + 1 < ideas.length; k++) {
      const seam = foldedText(ideas[k]).slice(-3) + foldedText(ideas[k + 1]).slice(0, 3);
      expect(ids(index.find({ words: [seam], category: '', status: '' }, 0, Infinity).found), seam).to.deep.equal(plain('', '', [seam]));
    }
  });

  it('stops after `limit` matches and goes on from `next` to the same result', () => {
    const f = { words: queryWords('a'), category: '', status: '' };
    const first = index.find(f, 0, 1);
    expect(first.found).to.have.length(1);
    const rest = index.find(f, first.next, Infinity);
    expect(rest.next).to.equal(ideas.length);
    expect(ids([...first.found, ...rest.found])).to.deep.equal(plain('a'));
  });
});

describe('<idea-wall> search at 10,000 ideas', () => {
  it('draws the first page at once and the count of all matches right after', async () => {
    const el = await wall(html`<idea-wall eager .data=${feed(10_000)}></idea-wall>`);
    const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
    input.value = 'idee 01';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($$(el, '.card')).to.have.length(24);
    const expected = feed(10_000).ideas.filter((i) => `${i.title} ${i.description}`.toLowerCase().includes('01')).length;
    // The list's label names all matches once the rest of the search ran (after the frame).
    await until(
      () => $(el, '[part="wall"]')?.getAttribute('aria-label')?.includes(expected.toLocaleString('de')),
      `the count of all matches (${$(el, '[part="wall"]')?.getAttribute('aria-label')})`,
    );
    expect($(el, '[part="more"]')!.textContent).to.contain('24');
  });
});
