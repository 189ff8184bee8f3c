import { expect } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { fixture, html, settled } from '../helpers.js';
import { PHONE, onPhone, onPhoneViewport } from '../phone.js';
import '../../src/idea-wall/idea-wall.js';
import '../../src/mitfahrbank-map/mitfahrbank-map.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import '../../src/partner-logos/partner-logos.js';
import '../../src/jugend-budget/jugend-budget.js';
import type { WidgetElement } from '../../src/core/widget-element.js';

/**
 * On a 390 × 844 phone, with the demo's own data, the first thing a visitor came for starts on
 * the first screen of its widget: the first idea card, the first bench (the map, or the list),
 * the card's name, the youth budget's "Jetzt:" (what happens now and what comes next). Heights are printed for the READMEs.
 */
const cases: [string, TemplateResult, string][] = [
  [
    'idea-wall',
    html`<idea-wall eager src="/demo/data/ideas.json" support-endpoint="/api/support" submit-endpoint="/api/ideas"></idea-wall>`,
    '.card',
  ],
  ['mitfahrbank-map (map)', html`<mitfahrbank-map eager src="/demo/data/benches.json"></mitfahrbank-map>`, 'st-map'],
  ['mitfahrbank-map (list)', html`<mitfahrbank-map eager view="list" src="/demo/data/benches.json"></mitfahrbank-map>`, '.list .item'],
  [
    'ehrenamt-card',
    html`<ehrenamt-card eager src="/demo/data/ehrenamt.json" sections="card check partners map"></ehrenamt-card>`,
    '.card-name',
  ],
  ['jugend-budget', html`<jugend-budget eager src="/demo/data/jugendbudget.json" heading-level="3"></jugend-budget>`, '[part="now"]'],
];

/** `narrow` is set before the first render; a later resize (ResizeObserver, then rAF) may still change it. */
async function narrowed(el: WidgetElement): Promise<void> {
  for (let i = 0; i < 20 && !el.hasAttribute('narrow'); i++) await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
}

describe('phone (390 × 844): the first content on the first screen', () => {
  onPhoneViewport();

  for (const [name, tpl, first] of cases) {
    for (const lang of ['de', 'en']) {
      it(`${name}, ${lang}: ${first} starts within 844 px of the widget's top`, async () => {
        const el = await onPhone<WidgetElement>(tpl, lang);
        await narrowed(el);
        // The youth budget's funded projects follow its computed result (the rule's own chunk).
        for (let i = 0; i < 100 && 'result' in el && !el.result; i++) await new Promise((r) => setTimeout(r, 20));
        await el.updateComplete;
        // The map and the youth budget lay out by CSS alone (no narrow attribute).
        expect(el.hasAttribute('narrow') || ['mitfahrbank-map', 'jugend-budget'].includes(el.localName), 'narrow layout').to.equal(true);
        const target = el.shadowRoot!.querySelector(first);
        expect(!!target, `${first} rendered`).to.equal(true);
        const offset = target!.getBoundingClientRect().top - el.getBoundingClientRect().top;
        console.log(
          `[phone] ${name} ${lang}: first content at ${Math.round(offset)} px, widget ${Math.round(el.getBoundingClientRect().height)} px tall`,
        );
        expect(offset).to.be.at.most(PHONE.height);
      });
    }
  }

  it('idea-wall: search, category, sort and status sit behind one button that says how many are active', async () => {
    const el = await fixture<WidgetElement>(html`<idea-wall eager src="/demo/data/ideas.json"></idea-wall>`);
    await settled(el);
    await narrowed(el);
    const root = el.shadowRoot!;
    const toggle = root.querySelector<HTMLButtonElement>('[aria-controls="filters"]')!;
    expect(root.querySelector<HTMLElement>('#filters')!.hidden).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const done = [...root.querySelectorAll<HTMLButtonElement>('.summary button')].find((b) => b.textContent!.includes('Umgesetzt'))!;
    done.click();
    await el.updateComplete;
    expect(toggle.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Filtern und sortieren (1 aktiv)');
    expect(root.querySelector('[part="count"]')!.textContent!.trim()).to.equal('5 von 23 Ideen');
    // The intro shows its first lines and the rest on request.
    const more = root.querySelector<HTMLButtonElement>('[aria-controls="intro"]')!;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('partner logos stay at least min-height tall on a phone (the row wraps instead)', async () => {
    const el = await fixture<WidgetElement>(
      html`<partner-logos eager src="/demo/data/partners.json" layout="row" min-height="40"></partner-logos>`,
    );
    await settled(el);
    const imgs = [...el.shadowRoot!.querySelectorAll('img')];
    expect(imgs.length).to.be.greaterThan(4);
    for (const img of imgs) expect(Math.round(img.getBoundingClientRect().height), img.alt).to.be.at.least(40);
    console.log(`[phone] partner-logos: ${Math.round(el.getBoundingClientRect().height)} px tall`);
  });
});
