// The map's first screen without consent: the text, the consent question in <st-map>, no Leaflet.
// What the widget hands <st-map> stays the same object while nothing changed, so an update of the
// widget (it gets two before its first frame) does not re-render the map's placeholder as well.
import { expect } from '@open-wc/testing';
import type { StMap } from '../../src/map/st-map.js';
import { FIXTURE, html, stMap, widget } from './helpers.js';

type Labelled = StMap & { clusterLabel?: (n: number) => string };

describe('<mitfahrbank-map> first screen', () => {
  it('an update with nothing changed leaves <st-map> alone; a new language gives new cluster names', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE}></mitfahrbank-map>`);
    const map = stMap(el) as Labelled;
    expect(map.shadowRoot!.querySelector('[part="consent"]') !== null).to.equal(true, 'the consent question shows');
    let updates = 0;
    const count = () => updates++;
    // Counted where Lit calls it after every update of <st-map> (protected: reached through a cast).
    const hooks = map as unknown as { updated: (changed: Map<PropertyKey, unknown>) => void };
    const original = hooks.updated.bind(map);
    hooks.updated = (changed) => (count(), original(changed));
    const label = map.clusterLabel;
    el.requestUpdate();
    await el.updateComplete;
    await map.updateComplete;
    expect(updates).to.equal(0, '<st-map> was not updated');
    expect(map.clusterLabel === label).to.equal(true, 'the same cluster-name function');
    expect(label!(3)).to.equal('3 Bänke – heranzoomen');

    el.setAttribute('lang', 'en');
    el.requestUpdate();
    await el.updateComplete;
    await map.updateComplete;
    expect(map.clusterLabel!(3)).to.equal('3 benches – zoom in');
    expect(updates).to.equal(1, 'a new language reaches <st-map>');
  });
});
