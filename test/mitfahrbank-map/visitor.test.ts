import { expect } from '@open-wc/testing';
import { consent } from '../../src/core/consent.js';
import { html, textOf } from '../helpers.js';
import { $, $$, mapView, markers, tileUrl, until, widget } from './helpers.js';

const DEMO = '/demo/data/benches.json';
const overlap = (a: DOMRect, b: DOMRect) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
const frames = (n = 2) =>
  new Promise<void>((r) => {
    const f = () => (--n <= 0 ? r() : requestAnimationFrame(f));
    requestAnimationFrame(f);
  });

afterEach(() => consent().revoke('map'));

describe('<mitfahrbank-map> for a first visitor', () => {
  it('a return bench outside the destination filter: the filter widens and says why', async () => {
    const el = await widget(html`<mitfahrbank-map eager view="list" src=${DEMO}></mitfahrbank-map>`);
    const select = $<HTMLSelectElement>(el, '#destination')!;
    select.value = 'meisdorf';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const listed = $$(el, '.list .link').map((b) => b.textContent!.trim());
    expect(listed).to.include('Harzstedt, Marktplatz');
    expect(listed).not.to.include('Quedlinburg, Bahnhof (Bank für den Rückweg)');
    $$(el, '.list .link')
      .find((b) => b.textContent!.trim() === 'Harzstedt, Marktplatz')!
      .click();
    await until(() => $(el, '.bench-details'), 2000, 'details');
    const back = $$<HTMLButtonElement>(el, '.bench-details .return').find((b) => b.textContent!.includes('Quedlinburg'))!;
    expect(back.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Bank für den Rückweg: Quedlinburg, Bahnhof (Bank für den Rückweg)');
    back.click();
    await until(() => $(el, '.details-name')?.textContent?.includes('Quedlinburg'), 2000, 'the return bench shown');
    expect(el.destination).to.equal('');
    expect(textOf(el)).to.contain('Der Filter „Meisdorf“ ist aufgehoben, damit die Bank für den Rückweg zu sehen ist.');
  });

  it('speaks of the bench for the way back in English too', async () => {
    const el = await widget(html`<mitfahrbank-map eager lang="en" view="list" src="/demo/data/en/benches.json"></mitfahrbank-map>`);
    $<HTMLButtonElement>(el, '.list .link')!.click();
    await until(() => $(el, '.bench-details .return'), 2000, 'details');
    expect($(el, '.bench-details .return')!.textContent).to.contain('Bench for the way back:');
  });

  for (const width of [390, 1000])
    it(`fitting the view at ${width} px keeps the outermost benches clear of the zoom buttons and inside the map`, async () => {
      // Spread so that at zoom 10 they just fit the width with a mere 40 px margin: the right-hand
      // pins would then stand under the zoom buttons.
      const east = 11 + (width - 2 - 84) / ((256 * 1024) / 360);
      const corners = {
        benches: [
          { id: 'w', name: 'West', position: { lat: 51.71, lon: 11.0 }, destinations: ['Ost'] },
          { id: 'ne', name: 'Nordost', position: { lat: 51.75, lon: east }, destinations: ['West'] },
          { id: 'se', name: 'Südost', position: { lat: 51.67, lon: east }, destinations: ['West'] },
        ],
      };
      const box = await widget(
        html`<div style="width:${width}px"><mitfahrbank-map eager consent="granted" .data=${corners} tile-url=${tileUrl()}></mitfahrbank-map></div>`,
      );
      const map = box.querySelector('mitfahrbank-map')!;
      await until(() => mapView(map)?.map, 8000, 'map');
      const view = mapView(map)!;
      await until(() => markers(view).length >= 2, 3000, 'markers');
      await frames();
      const area = view.shadowRoot!.querySelector('.leaflet-host')!.getBoundingClientRect();
      const controls = view.shadowRoot!.querySelector('.controls')!.getBoundingClientRect();
      const attribution = view.shadowRoot!.querySelector('.attribution')!.getBoundingClientRect();
      for (const m of markers(view)) {
        const r = m.getBoundingClientRect();
        const name = m.getAttribute('aria-label');
        expect(overlap(r, controls), `${name} under the zoom buttons`).to.equal(0);
        expect(overlap(r, attribution), `${name} under the attribution`).to.equal(0);
        expect(
          r.top >= area.top && r.left >= area.left && r.right <= area.right && r.bottom <= area.bottom,
          `${name} inside the map`,
        ).to.equal(true);
      }
    });

  for (const width of [390, 1000]) {
    it(`at ${width} px the zoom buttons and attribution cover no marker, and no two markers overlap at any zoom`, async () => {
      const el = await widget(
        html`<div style="width:${width}px"><mitfahrbank-map eager consent="granted" src=${DEMO} tile-url=${tileUrl()}></mitfahrbank-map></div>`,
      );
      const map = el.querySelector('mitfahrbank-map')!;
      await until(() => mapView(map)?.map, 8000, 'map');
      const view = mapView(map)!;
      await until(() => markers(view).length > 0, 3000, 'markers');
      await frames();
      const controls = view.shadowRoot!.querySelector('.controls')!.getBoundingClientRect();
      const attribution = view.shadowRoot!.querySelector('.attribution')!.getBoundingClientRect();
      for (const m of markers(view)) {
        const r = m.getBoundingClientRect();
        expect(overlap(r, controls), `${m.getAttribute('aria-label')} under the zoom buttons`).to.equal(0);
        expect(overlap(r, attribution), `${m.getAttribute('aria-label')} under the attribution`).to.equal(0);
      }
      for (let zoom = 8; zoom <= 15; zoom++) {
        view.map!.setView([51.74, 11.2], zoom, { animate: false });
        await frames();
        const boxes = markers(view).map((m) => ({ label: m.getAttribute('aria-label'), r: m.getBoundingClientRect() }));
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++)
            expect(overlap(boxes[i].r, boxes[j].r), `zoom ${zoom}: ${boxes[i].label} / ${boxes[j].label}`).to.equal(0);
      }
    });
  }
});
