import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';
import { $$, feed, until } from './helpers.js';

// Issue 18: the first frame with a feed draws the cards that fill the screen, the rest right
// after it; the first batch reaches below the screen, so nothing on screen moves when they come.
describe('idea-wall: the first screenful first', () => {
  it('draws the cards down past the bottom of the screen first, the others in one later batch', async () => {
    // Every number of cards the wall held, in order (a MutationObserver sees each render).
    const counts: number[] = [];
    const el = document.createElement('idea-wall') as IdeaWall;
    el.setAttribute('eager', '');
    el.pageSize = 60;
    const seen = new MutationObserver(() => {
      const n = $$(el, '.card').length;
      if (n !== counts.at(-1)) counts.push(n);
    });
    const host = await fixture(html`<div></div>`);
    host.append(el);
    seen.observe(el.shadowRoot!, { childList: true, subtree: true });
    el.data = feed(60);
    await until(() => $$(el, '.card').length, 'first cards');
    await el.updateComplete;
    seen.disconnect();
    const cards = $$(el, '.card');
    expect(cards.length).to.equal(60);
    // The batches: growing by six until the screen is covered, then all at once.
    const first = counts.filter((n) => n > 0 && n < 60).at(-1) ?? 60;
    expect(first < 60, `cards per render: ${counts.join(', ')}`).to.equal(true);
    expect(counts.at(-1)).to.equal(60);
    const bottom = (i: number) => cards[i].getBoundingClientRect().bottom;
    // The first batch ends below the screen, and it is no bigger than needed (six fewer did not reach it).
    expect(bottom(first - 1) >= innerHeight, `card ${first} ends at ${bottom(first - 1)}, screen at ${innerHeight}`).to.equal(true);
    if (first > 6) expect(bottom(first - 7) < innerHeight, `card ${first - 6} ends at ${bottom(first - 7)}`).to.equal(true);
    expect(cards.map((c) => c.dataset.id).slice(0, 3)).to.deep.equal(['i59', 'i58', 'i57']); // newest first, as before
  });
});
