import { expect } from '@open-wc/testing';
import { fixture, forbidStyleAttributes, html, settled } from '../helpers.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import type { EhrenamtCard } from '../../src/ehrenamt-card/ehrenamt-card.component.js';

// Own page (own test file): a policy that forbids style attributes, as a strict CSP does.
const violations = forbidStyleAttributes();

describe('<ehrenamt-card> under a strict style policy', () => {
  it('sets tier and category colours without style attributes', async () => {
    const el = await fixture<EhrenamtCard>(html`<ehrenamt-card
      eager
      .data=${{
        name: 'Karte',
        tiers: [{ id: 'g', name: 'Gold', colour: 'gold' }],
        partners: [{ name: 'Café', category: 'food', locations: [{ city: 'Harzstedt' }] }],
      }}
    ></ehrenamt-card>`);
    await settled(el);
    await new Promise((r) => setTimeout(r, 50));
    const card = el.shadowRoot!.querySelector<HTMLElement>('[part="card"]')!;
    expect(getComputedStyle(card).getPropertyValue('--_tier').trim()).to.contain('#d8b04a');
    const partner = el.shadowRoot!.querySelector<HTMLElement>('.partner')!;
    expect(getComputedStyle(partner).getPropertyValue('--_cat').trim()).to.equal('#176577');
    expect(violations).to.deep.equal([]);
  });
});
