// The shared map's contract, as <ehrenamt-card> and <mitfahrbank-map> use it.
import { expect, fixture, html } from '@open-wc/testing';
import { consent } from '../../src/core/consent.js';
import type { StMapSelectEvent } from '../../src/map/events.js';
import { parseAttribution, type StMapView } from '../../src/map/leaflet/map-view.js';
import '../../src/map/st-map.js';
import type { StMap } from '../../src/map/st-map.js';
import { until } from '../mitfahrbank-map/helpers.js';
import { markupOf } from '../helpers.js';

const points = [
  { id: 'p1', lat: 51.7331, lon: 11.2622, label: 'Sportverein Harzstedt' },
  { id: 'p2', lat: 51.717, lon: 11.2305, label: 'Tafel Ballenstedt' },
];
const tiles = () => `/test/mitfahrbank-map/fixtures/tile.png?st=${Math.random()}&t={z}/{x}/{y}`;

afterEach(() => consent().revoke('map'));

describe('<st-map> (shared map)', () => {
  it('shows the placeholder until consent, then the map; emits st-map-select for a marker', async () => {
    const el = await fixture<StMap>(html`<st-map .points=${points} tile-url=${tiles()} label="Partnerkarte"></st-map>`);
    expect(el.shadowRoot!.querySelector('[part="consent"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    consent().grant('map');
    await until(() => (el.shadowRoot!.querySelector('st-map-view') as StMapView | null)?.map, 8000, 'map');
    const view = el.shadowRoot!.querySelector('st-map-view') as StMapView;
    view.map!.setView([51.7331, 11.2622], 16, { animate: false });
    await until(() => view.shadowRoot!.querySelector('.st-pin[aria-label="Sportverein Harzstedt"]'), 3000, 'marker');
    expect(view.shadowRoot!.querySelector('.leaflet-host')!.getAttribute('aria-label')).to.contain('Partnerkarte');
    const picked = new Promise<StMapSelectEvent>((r) => el.addEventListener('st-map-select', r, { once: true }));
    view.shadowRoot!.querySelector<HTMLButtonElement>('.st-pin[aria-label="Sportverein Harzstedt"]')!.click();
    expect((await picked).detail.id).to.equal('p1');
  });

  it('opens the details panel when selected is set and details are slotted; close fires id null', async () => {
    const el = await fixture<StMap>(
      html`<st-map .points=${points} selected="p2"><div slot="details"><p>Tafel Ballenstedt</p></div></st-map>`,
    );
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector<HTMLElement>('[part="details"]')!;
    expect(panel.hidden).to.equal(false);
    await el.focusDetails();
    expect(el.shadowRoot!.activeElement).to.equal(panel);
    const closed = new Promise<StMapSelectEvent>((r) => el.addEventListener('st-map-select', r, { once: true }));
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect((await closed).detail.id).to.equal(null);
  });

  it('uses the widget-provided cluster label', async () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ id: `q${i}`, lat: 51.73 + i * 0.0001, lon: 11.26, label: `Ort ${i}` }));
    const el = await fixture<StMap>(
      html`<st-map consent="granted" .points=${many} .clusterLabel=${(n: number) => `${n} Partner`} tile-url=${tiles()}></st-map>`,
    );
    await until(() => el.shadowRoot!.querySelector('st-map-view')?.shadowRoot?.querySelector('.st-cluster'), 8000, 'cluster');
    const cluster = el.shadowRoot!.querySelector('st-map-view')!.shadowRoot!.querySelector('.st-cluster')!;
    expect(cluster.getAttribute('aria-label')).to.match(/^\d+ Partner$/);
  });

  it('turns [text](url) attribution into safe links only', () => {
    expect(parseAttribution('© [OSM](https://www.openstreetmap.org/copyright), Stadt')).to.deep.equal([
      { text: '© ' },
      { text: 'OSM', href: 'https://www.openstreetmap.org/copyright' },
      { text: ', Stadt' },
    ]);
    expect(parseAttribution('[böse](javascript:alert(1))')[0].href).to.equal(undefined);
  });
});

describe('<st-map> privacy link', () => {
  it('links the privacy notice only for http(s) or relative addresses', async () => {
    const ok = await fixture<StMap>(html`<st-map privacy-url="#datenschutz"></st-map>`);
    expect(ok.shadowRoot!.querySelector('.placeholder a')!.getAttribute('href')).to.equal(new URL('#datenschutz', location.href).href);
    const bad = await fixture<StMap>(html`<st-map privacy-url="javascript:alert(1)"></st-map>`);
    expect(markupOf(bad.shadowRoot!.querySelector('.placeholder a'))).to.equal(null);
  });
});
