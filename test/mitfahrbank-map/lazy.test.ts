// Its own test file (its own page), so no earlier test has loaded Leaflet yet.
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { consent } from '../../src/core/consent.js';
import { FIXTURE, html, loadMap, requested, tileUrl, widget } from './helpers.js';

describe('<mitfahrbank-map> loads Leaflet only when a map is about to be shown', () => {
  after(() => consent().revoke('map'));

  it('list view and consent placeholder need no Leaflet; consent loads it', async () => {
    const list = await widget(html`<mitfahrbank-map eager view="list" src=${FIXTURE}></mitfahrbank-map>`);
    expect(list.shadowRoot!.querySelectorAll('[part="item"]').length).to.equal(4);
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tileUrl()}></mitfahrbank-map>`);
    // Settled (feed loaded, consent gate drawn): everything the widget does on its own is done.
    await (el.shadowRoot!.querySelector('st-map') as LitElement).updateComplete;
    expect(requested('/leaflet/'), 'Leaflet').to.have.length(0);
    expect(requested('/src/map/leaflet/cluster-index'), 'cluster index').to.have.length(0);
    expect(requested('/src/map/leaflet/map-view'), 'map view').to.have.length(0);
    await loadMap(el);
    expect(requested('/leaflet/').length).to.be.greaterThan(0);
  });
});
