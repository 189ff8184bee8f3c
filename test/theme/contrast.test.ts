import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '../media.js';
import type { TemplateResult } from 'lit';
import { settled } from '../helpers.js';
import '../../src/idea-wall/idea-wall.js';
import '../../src/mitfahrbank-map/mitfahrbank-map.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import '../../src/partner-logos/partner-logos.js';
import '../../src/jugend-budget/jugend-budget.js';
import type { WidgetElement } from '../../src/core/widget-element.js';

/**
 * Every widget with the demo's own data, in every theme, on a light and on a dark host page:
 * axe's colour-contrast rule must find nothing (4.5:1 for text, inside the shadow roots too).
 */
const widgets: Record<string, (theme: string) => TemplateResult> = {
  'idea-wall': (t) => html`<idea-wall theme=${t} src="/demo/data/ideas.json" eager></idea-wall>`,
  'mitfahrbank-map': (t) => html`<mitfahrbank-map theme=${t} src="/demo/data/benches.json" eager></mitfahrbank-map>`,
  'ehrenamt-card': (t) =>
    html`<ehrenamt-card theme=${t} src="/demo/data/ehrenamt.json" sections="card check partners map" eager></ehrenamt-card>`,
  'partner-logos': (t) => html`<partner-logos theme=${t} src="/demo/data/partners.json" layout="row" eager></partner-logos>`,
  'jugend-budget': (t) => html`<jugend-budget theme=${t} src="/demo/data/jugendbudget.json" eager></jugend-budget>`,
};

const pages = {
  light: 'background:#ffffff;color:#1d2327',
  dark: 'background:#121416;color:#e8eaed;color-scheme:dark',
};

async function onPage(page: keyof typeof pages, tpl: TemplateResult): Promise<WidgetElement> {
  const box = await fixture<HTMLDivElement>(html`<div style=${pages[page]}>${tpl}</div>`);
  const el = box.firstElementChild as WidgetElement;
  await settled(el);
  await el.updateComplete;
  // The feed arrived: the widget shows its content, not an error.
  expect(el.shadowRoot!.querySelector('[part~="error"], .state.error') === null, `${el.localName} shows an error`).to.equal(true);
  expect((el.shadowRoot!.textContent ?? '').trim().length).to.be.greaterThan(200);
  return el;
}

for (const [name, tpl] of Object.entries(widgets)) {
  describe(`${name}: colour contrast`, () => {
    // A dark system setting: auto must still follow the page, not the system.
    before(() => emulateMedia({ colorScheme: 'dark' }));
    after(() => emulateMedia({ colorScheme: 'light' }));
    for (const page of ['light', 'dark'] as const) {
      for (const theme of ['light', 'dark', 'auto']) {
        it(`${theme} theme on a ${page} page passes axe's color-contrast`, async () => {
          const el = await onPage(page, tpl(theme));
          const expected = theme === 'auto' ? page : theme;
          expect(el.getAttribute('resolved-theme')).to.equal(expected);
          // A theme unlike the page paints its own canvas; auto never needs to.
          expect(el.hasAttribute('own-surface')).to.equal(expected !== page);
          await expect(el.parentElement).to.be.accessible({
            ignoredRules: ['region', 'landmark-one-main', 'page-has-heading-one', 'heading-order', 'landmark-unique'],
          });
        });
      }
    }
  });
}
