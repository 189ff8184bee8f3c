import { expect } from '@open-wc/testing';
import { $, $$, FIXTURE, html, loadMap, markers, tileUrl, until, widget } from './helpers.js';

it('a bench picked in the list is centred on the map next to its details', async () => {
  const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tileUrl()} style="width: 1100px"></mitfahrbank-map>`);
  const view = await loadMap(el);
  $$(el, '.switch button')[1].click();
  await el.updateComplete;
  $$(el, '.list .link')[1].click();
  await until(() => $(el, '.bench-details'), 2000, 'details');
  // Where the pan ends: the picked pin's tip and the map's centre (Leaflet animates the pan).
  const offset = () => {
    const host = view.shadowRoot!.querySelector<HTMLElement>('.leaflet-host')!.getBoundingClientRect();
    const pin = markers(view)
      .find((m) => m.getAttribute('aria-current') === 'true')
      ?.getBoundingClientRect();
    if (!pin) return { x: Infinity, y: Infinity };
    return {
      x: Math.abs(pin.left + pin.width / 2 - (host.left + host.width / 2)),
      y: Math.abs(pin.bottom - 2 - (host.top + host.height / 2)),
    };
  };
  // Waits for the pan to arrive instead of a fixed 1.2 s (a busy machine draws the animation late).
  await until(() => offset().x < 30 && offset().y < 30, 5000, 'the picked bench centred').catch(() => {});
  expect(offset().x, 'x').to.be.lessThan(30);
  expect(offset().y, 'y').to.be.lessThan(30);
});
