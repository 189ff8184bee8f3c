import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { emulateMedia } from '../media.js';
import { $$, wall } from './helpers.js';

const frame = () => new Promise((r) => requestAnimationFrame(r));
/** After a rendered frame: the browser decides what content-visibility skips after the frame's callbacks. */
const frames = async () => {
  await frame();
  await frame();
};
/** Whether the card's title is rendered, not skipped by `content-visibility: auto`. */
const drawn = (card: HTMLElement) => card.querySelector<HTMLElement>('.open')!.checkVisibility({ contentVisibilityAuto: true });

// Issue 18: the first frame lays out only the cards near the screen; the others follow as the
// visitor scrolls, and nothing of them is lost for find-in-page, screen readers or print.
describe('idea-wall: cards below the first screen', () => {
  before(function () {
    if (!CSS.supports('content-visibility', 'auto')) this.skip();
  });
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('skips the far cards until the visitor scrolls to them; their text stays in the page', async () => {
    const el = await wall(html`<idea-wall eager page-size="40" .data=${{ title: 'Ideen', ...feedOf(40) }}></idea-wall>`);
    await frames();
    const cards = $$(el, '.card');
    expect(cards.length).to.equal(40);
    const last = cards[39];
    expect(drawn(cards[0])).to.equal(true);
    expect(drawn(last)).to.equal(false);
    const n = last.dataset.id!.slice(1);
    expect(last.textContent!.includes(`Idee ${n}`) && last.textContent!.includes(`Beschreibung ${n}:`)).to.equal(true);
    last.scrollIntoView();
    await frames();
    expect(drawn(last)).to.equal(true);
    expect(last.querySelector('.open')!.getBoundingClientRect().height > 10).to.equal(true);
    window.scrollTo(0, 0);
  });

  it('prints every card, none as an empty placeholder', async () => {
    const el = await wall(html`<idea-wall eager page-size="40" .data=${feedOf(40)}></idea-wall>`);
    await frames();
    const far = $$(el, '.card')[35];
    expect(drawn(far)).to.equal(false);
    await emulateMedia({ media: 'print' });
    await frames();
    expect(drawn(far)).to.equal(true);
  });
});

function feedOf(count: number) {
  return {
    ideas: Array.from({ length: count }, (_, i) => ({
      id: `i${i}`,
      title: `Idee ${i}`,
      description: `Beschreibung ${i}: ein Satz, der die Karte füllt wie eine echte Idee.`,
      created: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
      status: 'new',
    })),
  };
}
