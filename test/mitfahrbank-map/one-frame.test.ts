// Its own test file (its own page): the map chunk has not run yet when the widget's feed arrives.
import { expect, fixture } from '@open-wc/testing';
import { MitfahrbankMap } from '../../src/mitfahrbank-map/mitfahrbank-map.component.js';
import { FIXTURE, html, mapView, tileUrl, until } from './helpers.js';
import { framesOf } from './frames.js';

describe('<mitfahrbank-map> with consent: the benches wait for the map chunk', () => {
  afterEach(() => (MitfahrbankMap.holdForMapMs = 100));

  it('shows the loading line until the map chunk ran, then toolbar, count and markers in the same frame', async () => {
    // The test server sends Leaflet as many modules: a long hold, so the test does not race the cap.
    MitfahrbankMap.holdForMapMs = 20000;
    const frames = framesOf();
    const el = await fixture<MitfahrbankMap>(
      html`<mitfahrbank-map eager src=${FIXTURE} consent="granted" tile-url=${tileUrl()}></mitfahrbank-map>`,
    );
    frames.watch(el);
    await until(() => mapView(el)?.shadowRoot?.querySelector('.leaflet-marker-icon'), 15000, 'markers');
    await frames.next();
    const seen = frames.stop();
    expect(seen.includes('benches, no markers'), seen.join(' → ')).to.equal(false);
    expect(seen.at(-1)).to.equal('benches, markers');
    expect(el.shadowRoot!.querySelector('[part="base"] [role="status"]')?.textContent ?? '').to.match(/4 /);
  });
});
