import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';
import { $$, feed, until } from './helpers.js';

/**
 * Loads 60 ideas into a wall `width` px wide and records every number of cards it held (a
 * MutationObserver sees each render). Returns the wall once complete and its first batch.
 */
async function load(width: number): Promise<{ el: IdeaWall; counts: number[]; first: number }> {
  const counts: number[] = [];
  const el = document.createElement('idea-wall') as IdeaWall;
  el.setAttribute('eager', '');
  el.pageSize = 60;
  const seen = new MutationObserver(() => {
    const n = $$(el, '.card').length;
    if (n !== counts.at(-1)) counts.push(n);
  });
  const host = await fixture(html`<div style="width: ${width}px"></div>`);
  host.append(el);
  seen.observe(el.shadowRoot!, { childList: true, subtree: true });
  el.data = feed(60);
  await until(() => $$(el, '.card').length, 'first cards');
  await el.updateComplete;
  seen.disconnect();
  return { el, counts, first: counts.filter((n) => n > 0 && n < 60).at(-1) ?? 60 };
}

const tops = (el: IdeaWall) => $$(el, '.card').map((c) => c.getBoundingClientRect().top);

// Issue 18: the first frame with a feed draws the rows of cards that start on the screen, the
// rest right after it: nothing on screen moves or comes a frame late, and a phone draws no card
// below its first screen.
describe('idea-wall: the first screenful first', () => {
  for (const width of [300, 1100]) {
    it(`in a ${width} px wall: every card that starts on the screen, in whole rows, then the rest in one batch`, async () => {
      const { el, counts, first } = await load(width);
      const cards = $$(el, '.card');
      expect(cards.length).to.equal(60);
      expect(first < 60, `cards per render: ${counts.join(', ')}`).to.equal(true);
      expect(counts.at(-1)).to.equal(60);
      // The grid's columns: the cards in the first row.
      const top = tops(el);
      const cols = top.filter((t) => t === top[0]).length;
      expect(cols).to.equal(width > 1000 ? 4 : 1);
      // Whole rows: the first card left out starts a row below the screen…
      expect(first % cols, `first batch ${first} in ${cols} columns`).to.equal(0);
      expect(top[first] >= innerHeight, `card ${first + 1} starts at ${top[first]}, screen ends at ${innerHeight}`).to.equal(true);
      // …and the last row drawn starts on it (no row more than the screen shows).
      expect(top[first - 1] < innerHeight, `card ${first} starts at ${top[first - 1]}`).to.equal(true);
      // Newest first, every idea once, as without the staging.
      expect(cards.map((c) => c.dataset.id).join()).to.equal(Array.from({ length: 60 }, (_, i) => `i${59 - i}`).join());
    });
  }
});
