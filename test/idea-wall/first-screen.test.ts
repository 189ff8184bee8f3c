import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';
import { $$, feed } from './helpers.js';

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

// Issue 18: the first frame with a feed draws the cards that fill the screen, the rest right
// after it; the first batch reaches below the screen, so nothing on screen moves when they come.
describe('idea-wall: the first screenful first', () => {
  it('draws the cards down past the bottom of the screen in the first frame, the others right after, in place', async () => {
    const el = await fixture<IdeaWall>(html`<idea-wall eager page-size="60" .data=${feed(60)}></idea-wall>`);
    // The first animation frame in which cards exist is the first one the visitor sees.
    let cards = $$(el, '.card');
    while (!cards.length) {
      await frame();
      cards = $$(el, '.card');
    }
    const first = cards.length;
    const lastBottom = cards[first - 1].getBoundingClientRect().bottom;
    const top = cards[0].getBoundingClientRect().top;
    expect(first < 60, `${first} cards in the first frame`).to.equal(true);
    expect(lastBottom >= innerHeight, `last card ends at ${lastBottom}, screen at ${innerHeight}`).to.equal(true);
    await el.updateComplete;
    const all = $$(el, '.card');
    expect(all.length).to.equal(60);
    expect(all[0].getBoundingClientRect().top).to.equal(top);
    expect(all[first - 1].getBoundingClientRect().bottom).to.equal(lastBottom);
    expect(all.map((c) => c.dataset.id).slice(0, 3)).to.deep.equal(['i59', 'i58', 'i57']); // newest first, as before
  });
});
