// The search index is a chunk of its own that only a long wall (over 500 ideas) asks for: a town's
// wall of a few dozen ideas filters what it has and never requests it. (Its own file: each test
// file runs in a fresh page, so no other test has loaded the chunk before.)
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { $, feed, titles, until, wall } from './helpers.js';

const requested = () => performance.getEntriesByType('resource').some((e) => e.name.includes('idea-wall.search'));

function type(el: HTMLElement & { shadowRoot: ShadowRoot | null }, text: string): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { data: text.slice(-1), inputType: 'insertText' }));
}

describe('<idea-wall> search index chunk', () => {
  it('a short wall searches without it and never requests it', async () => {
    const el = await wall(html`<idea-wall eager .data=${feed(40)}></idea-wall>`);
    type(el, 'idee 0001');
    await el.updateComplete;
    // "0001" is in 00001 and 00010–00019; newest (highest number) first.
    const want = [19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 1].map((n) => `Idee ${String(n).padStart(5, '0')}`);
    expect(titles(el)).to.deep.equal(want);
    expect($(el, '[part="count"]')!.textContent!.trim()).to.equal('11 von 40 Ideen');
    // An absence: wait as long as a long wall's request takes here (asked for at once, answered by
    // the local test server), so a short wall that asked too would have been seen.
    await new Promise((r) => setTimeout(r, 300));
    expect(requested()).to.equal(false);
  });

  it('a long wall requests it once it is sorted', async () => {
    await wall(html`<idea-wall eager .data=${feed(600)}></idea-wall>`);
    await until(requested, 'the search chunk request');
    expect(requested()).to.equal(true);
  });
});
