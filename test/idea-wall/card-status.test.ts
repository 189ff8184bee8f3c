import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { $, $$, wall } from './helpers.js';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';

const SMALL = '/test/idea-wall/fixtures/small.json';

/** An element's markup without Lit's marker comments (they differ by template, not by what shows). */
const markup = (e: Element | null) => (e ? e.outerHTML.replace(/<!--[\s\S]*?-->/g, '') : 'missing');

/** The status badge of an idea's card, and of its detail dialog once opened. */
async function badges(el: IdeaWall, id: string): Promise<[string, string]> {
  const card = markup($(el, `[data-id="${id}"] [part="status"]`));
  $<HTMLButtonElement>(el, `[data-id="${id}"] .open`)!.click();
  await el.updateComplete;
  const detail = markup($(el, 'dialog [part="status"]'));
  $<HTMLButtonElement>(el, 'dialog .close')!.click();
  await el.updateComplete;
  return [card, detail];
}

// Issue 18: the card draws its status badge in its own template (one template instance less per
// card on the first frame); the detail dialog draws it with renderStatus. A visitor sees one badge:
// same shape, label, colour and part for pages that style it, on the card and in the detail.
describe('idea-wall: the status badge on a card', () => {
  it('is the detail dialog’s badge: icon, label, the feed’s own colour, part', async () => {
    const el = await wall(html`<idea-wall eager src=${SMALL}></idea-wall>`);
    const ids = $$(el, '.card').map((c) => c.dataset.id!);
    expect(ids.length).to.equal(5);
    for (const id of ids) {
      const [card, detail] = await badges(el, id);
      expect(card, `idea ${id}`).to.equal(detail);
    }
    // The feed's own status keeps its colour and its built-in shape on the card.
    const pilot = $$(el, '[part="status"]').find((b) => b.textContent!.includes('Im Pilotbetrieb'));
    expect(!!pilot, 'a card in the feed’s own status').to.equal(true);
    expect(pilot!.getAttribute('style')).to.contain('#6b3fa0');
    expect(pilot!.querySelector('.icon')!.textContent).to.equal('◕');
    expect(pilot!.querySelector('.icon')!.getAttribute('aria-hidden')).to.equal('true');
  });
});
