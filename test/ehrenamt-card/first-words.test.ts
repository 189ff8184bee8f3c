import { expect } from '@open-wc/testing';
import { fixture, html, settled } from '../helpers.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import type { EhrenamtCard } from '../../src/ehrenamt-card/ehrenamt-card.component.js';

// Issue 18: the rules' words ("mindestens 16 Jahre alt") are in the card's own chunk. The card's
// first view of its feed shows them without waiting for a second chunk (the self-check and icons,
// ehrenamt-card.parts). This file never imports that chunk itself. (Whether a "loading" view comes
// first depends on the feed's read against the next frame, widget-element.ts: first-screen.test.ts.)

const programme = {
  name: 'Ehrenamtskarte Harzstedt',
  region: 'Harzstedt',
  tiers: [
    { id: 'blau', name: 'blaue Karte', colour: 'blue', validityYears: 3, rule: { type: 'age', min: 16 } },
    {
      id: 'gold',
      name: 'goldene Karte',
      colour: 'gold',
      validityYears: 'unlimited',
      rule: {
        type: 'any',
        of: [
          { type: 'years', min: 25 },
          { type: 'hoursPerYear', min: 250 },
        ],
      },
    },
  ],
  apply: { url: 'https://example.org/antrag' },
};

/** The widget's own views as they are added: "loading", or the card's text when `[part=base]` comes. */
async function firstViews(attrs: Record<string, string>) {
  const el = document.createElement('ehrenamt-card') as EhrenamtCard;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.data = programme;
  const host = await fixture(html`<div></div>`);
  const views: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue;
        const loading = n.matches('[part~="loading"]') ? n : n.querySelector('[part~="loading"]');
        if (loading && !loading.closest('[part~="base"]')) views.push('loading');
        const base = n.matches('[part~="base"]') ? n : n.querySelector('[part~="base"]');
        if (base) views.push(base.textContent!.replace(/\s+/g, ' '));
      }
  });
  host.append(el);
  observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  await settled(el);
  observer.disconnect();
  return { el, views };
}

const partsRequested = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => n.includes('ehrenamt-card.parts'));

describe('ehrenamt-card: the rules in words in the first render', () => {
  it("shows every tier's rule in words in its first view of the card; a card alone never loads the parts chunk", async () => {
    const { el, views } = await firstViews({ sections: 'card', lang: 'de' });
    expect(
      views.some((v) => v !== 'loading'),
      views.join(' | '),
    ).to.equal(true);
    const first = views.find((v) => v !== 'loading')!;
    expect(first, 'age rule').to.contain('mindestens 16 Jahre alt');
    expect(first, 'either route').to.contain('seit mindestens 25 Jahren engagiert oder mindestens 250 Stunden im Jahr');
    // The card alone never asks for the self-check's and icons' chunk.
    expect(partsRequested().join(', ')).to.equal('');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.textContent).to.contain('mindestens 16 Jahre alt');
  });

  it('in English too, in its first view of the card', async () => {
    const { views } = await firstViews({ sections: 'card', lang: 'en' });
    const first = views.find((v) => v !== 'loading')!;
    expect(first).to.contain('at least 16 years old');
    expect(first).to.contain('volunteering for at least 25 years or at least 250 hours per year');
  });
});
