import { expect } from '@open-wc/testing';
import { $, $$, FIXTURE, html, loadMap, markers, tileUrl, until, widget } from './helpers.js';

it('a bench picked in the list is centred on the map next to its details', async () => {
  const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tileUrl()} style="width: 1100px"></mitfahrbank-map>`);
  const view = await loadMap(el);
  $$(el, '.switch button')[1].click();
  await el.updateComplete;
  $$(el, '.list .link')[1].click();
  await until(() => $(el, '.bench-details'), 2000, 'details');
  await new Promise((r) => setTimeout(r, 1200));
  const host = view.shadowRoot!.querySelector<HTMLElement>('.leaflet-host')!.getBoundingClientRect();
  const pin = markers(view)
    .find((m) => m.getAttribute('aria-current') === 'true')!
    .getBoundingClientRect();
  const tip = { x: pin.left + pin.width / 2, y: pin.bottom - 2 };
  expect(Math.abs(tip.x - (host.left + host.width / 2)), 'x').to.be.lessThan(30);
  expect(Math.abs(tip.y - (host.top + host.height / 2)), 'y').to.be.lessThan(30);
});
