import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { consent } from '../../src/core/consent.js';
import { markupOf, textOf } from '../helpers.js';
import { FIXTURE, html, loadMap, mapView, markers, requested, stMap, tileUrl, until, widget } from './helpers.js';

afterEach(() => {
  consent().revoke('map');
  localStorage.clear();
});

const gateText = (el: Element) => (el.shadowRoot!.querySelector('st-map')!.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

describe('<mitfahrbank-map> privacy: consent before tiles', () => {
  it('requests no tile before "Karte laden", names the provider, then loads tiles', async () => {
    const tiles = tileUrl();
    const key = tiles.split('?')[1].split('&')[0];
    const el = await widget(
      html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tiles} tile-provider="Kartendienst Harzstedt"></mitfahrbank-map>`,
    );
    // Settled (feed loaded, consent gate drawn): everything the widget does on its own is done.
    await stMap(el)!.updateComplete;
    expect(requested(key)).to.have.length(0);
    expect(gateText(el)).to.contain('Kartendienst Harzstedt');
    expect(markupOf(mapView(el))).to.equal(null);
    await expect(el).to.be.accessible();
    await loadMap(el);
    await until(() => requested(key).length > 0, 5000, 'a tile request');
    expect(localStorage.getItem('stadttraum.consent.map')).to.equal(null);
  });

  it('names the tile host when no provider is given (OSM by default)', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE}></mitfahrbank-map>`);
    expect(gateText(el)).to.contain('tile.openstreetmap.org');
    expect(requested('tile.openstreetmap.org')).to.have.length(0);
  });

  it('remembers the choice when asked to', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tileUrl()}></mitfahrbank-map>`);
    stMap(el)!.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await loadMap(el);
    expect(localStorage.getItem('stadttraum.consent.map')).to.equal('granted');
  });

  it('shows the map at once with consent="granted" and returns to the placeholder on withdrawal (map button and global API)', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} consent="granted" tile-url=${tileUrl()}></mitfahrbank-map>`);
    await until(() => mapView(el)?.map, 8000, 'map');
    const view = mapView(el)!;
    await view.updateComplete;
    expect(view.shadowRoot!.querySelector('.attribution')!.textContent).to.contain('OpenStreetMap-Mitwirkende');
    view.shadowRoot!.querySelector<HTMLButtonElement>('.withdraw')!.click();
    await until(() => !mapView(el), 2000, 'placeholder');
    expect(gateText(el)).to.contain('Karte laden');
    // loading again, then the site's consent manager revokes it
    await loadMap(el);
    window.stadttraum!.consent!.revoke('map');
    await until(() => !mapView(el), 2000, 'placeholder after revoke');
  });

  it('starts when a consent manager grants it later', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tileUrl()}></mitfahrbank-map>`);
    expect(markupOf(mapView(el))).to.equal(null);
    window.stadttraum!.consent!.grant('map');
    await until(() => mapView(el)?.map, 8000, 'map');
  });
});

describe('<mitfahrbank-map> the map', () => {
  it('draws markers as named buttons, uses no Leaflet control, and passes axe', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tileUrl()}></mitfahrbank-map>`);
    const view = await loadMap(el);
    await until(() => markers(view).length > 0, 3000, 'markers');
    const names = markers(view).map((m) => m.getAttribute('aria-label'));
    expect(names.join('|')).to.match(/Harzstedt|Bänke/);
    expect(markupOf(view.shadowRoot!.querySelector('.leaflet-control-zoom, .leaflet-control-attribution'))).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opens details on a marker click; Escape closes them', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tileUrl()}></mitfahrbank-map>`);
    const view = await loadMap(el);
    // zoom in far enough that every bench stands on its own
    view.map!.setView([51.7331, 11.2622], 16, { animate: false });
    await until(() => markers(view).some((m) => m.getAttribute('aria-label')?.startsWith('Harzstedt, Marktplatz')), 3000, 'marker');
    markers(view)
      .find((m) => m.getAttribute('aria-label')?.startsWith('Harzstedt, Marktplatz'))!
      .click();
    await until(() => textOf(el).includes('So funktioniert diese Bank'), 2000, 'details');
    const details = stMap(el)!.shadowRoot!.querySelector('[part="details"]') as HTMLElement;
    expect(details.hidden).to.equal(false);
    await expect(el).to.be.accessible();
    details.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => details.hidden, 2000, 'details closed');
  });

  it('shows a quiet note when the tile server fails; the list keeps working', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tileUrl(false)}></mitfahrbank-map>`);
    const view = await loadMap(el);
    await until(() => view.shadowRoot!.querySelector('[part="tiles-note"]'), 5000, 'tile note');
    expect(view.shadowRoot!.querySelector('[part="tiles-note"]')!.textContent).to.contain('Hintergrundkarte ist gerade nicht verfügbar');
    expect(markers(view).length).to.be.greaterThan(0);
    const listButton = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Liste')!;
    listButton.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part="item"]').length).to.equal(4);
  });

  it('does not hijack the wheel: a hint without Ctrl, zoom with Ctrl', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tileUrl()}></mitfahrbank-map>`);
    const view = await loadMap(el);
    const map = view.map!;
    const zoom = map.getZoom();
    const host = view.shadowRoot!.querySelector('.leaflet-host')!;
    const plain = new WheelEvent('wheel', { deltaY: -100, bubbles: true, cancelable: true, clientX: 200, clientY: 200 });
    host.dispatchEvent(plain);
    await view.updateComplete;
    expect(plain.defaultPrevented).to.equal(false);
    expect(map.getZoom()).to.equal(zoom);
    expect(view.shadowRoot!.querySelector('.hint')!.textContent).to.contain('Strg');
    const ctrl = new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, bubbles: true, cancelable: true, clientX: 200, clientY: 200 });
    host.dispatchEvent(ctrl);
    expect(ctrl.defaultPrevented).to.equal(true);
    await until(() => map.getZoom() === zoom + 1, 2000, 'zoom in');
  });

  it('zooms with its own buttons (no Leaflet control)', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tileUrl()}></mitfahrbank-map>`);
    const view = await loadMap(el);
    const zoom = view.map!.getZoom();
    view.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Vergrößern"]')!.click();
    await until(() => view.map!.getZoom() === zoom + 1, 2000, 'zoom in');
  });

  it('gets its size right when it starts hidden (ResizeObserver, no timers)', async () => {
    const wrapper = document.createElement('div');
    wrapper.hidden = true;
    document.body.append(wrapper);
    try {
      const el = document.createElement('mitfahrbank-map');
      el.setAttribute('eager', '');
      el.setAttribute('src', FIXTURE);
      el.setAttribute('consent', 'granted');
      el.setAttribute('tile-url', tileUrl());
      wrapper.append(el);
      await until(() => mapView(el)?.map, 8000, 'map');
      wrapper.hidden = false;
      const view = mapView(el)!;
      const host = view.shadowRoot!.querySelector<HTMLElement>('.leaflet-host')!;
      await until(
        () => (view.map as unknown as { getSize(): { x: number } }).getSize().x === host.clientWidth && host.clientWidth > 0,
        2000,
        'invalidateSize',
      );
      // and the benches were fitted into view once it had a size
      await until(() => markers(view).length > 0, 2000, 'markers after showing');
    } finally {
      wrapper.remove();
    }
  });

  it('clusters 10,000 points into few DOM markers (its speed: npm run bench)', async () => {
    const benches = Array.from({ length: 10000 }, (_, i) => ({
      id: `b${i}`,
      name: `Bank ${i}`,
      position: { lat: 50 + (i % 100) * 0.03, lon: 9 + Math.floor(i / 100) * 0.04 },
      destinations: ['Irgendwo'],
    }));
    const el = await widget(html`<mitfahrbank-map eager .data=${{ benches }} consent="granted" tile-url=${tileUrl()}></mitfahrbank-map>`);
    await until(() => mapView(el)?.map, 8000, 'map');
    const view = mapView(el)!;
    await until(() => markers(view).length > 0, 3000, 'clusters');
    expect(markers(view).length).to.be.lessThan(300);
    expect(view.shadowRoot!.querySelectorAll('.st-cluster').length).to.be.greaterThan(0);
  });
});

describe('<mitfahrbank-map> more map behaviour', () => {
  it('shows a two-finger hint when one finger tries to move the map (the page scrolls instead)', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} consent="granted" tile-url=${tileUrl()}></mitfahrbank-map>`);
    await until(() => mapView(el)?.map, 8000, 'map');
    const view = mapView(el)!;
    const host = view.shadowRoot!.querySelector<HTMLElement>('.leaflet-host')!;
    expect(getComputedStyle(host).touchAction).to.equal('pan-x pan-y');
    host.dispatchEvent(new PointerEvent('pointercancel', { pointerType: 'touch', bubbles: true }));
    await view.updateComplete;
    expect(view.shadowRoot!.querySelector('.hint')!.textContent).to.contain('zwei Finger');
  });

  it('opens a bench given in the selected attribute and filters by the destination attribute', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} selected="c" destination="harzstedt"></mitfahrbank-map>`);
    expect(el.shadowRoot!.querySelector('.details-name')!.textContent).to.contain('Quedlinburg, Bahnhof');
    expect(stMap(el)!.points.map((p) => p.id)).to.deep.equal(['b', 'c']);
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('select')!.selectedOptions[0].textContent).to.equal('Harzstedt');
  });

  it('tells the host page which bench was opened (st-bench-select)', async () => {
    const el = await widget(html`<mitfahrbank-map eager view="list" src=${FIXTURE}></mitfahrbank-map>`);
    const seen: (string | null)[] = [];
    document.addEventListener('st-bench-select', (e) => seen.push(e.detail.id));
    el.shadowRoot!.querySelector<HTMLButtonElement>('.list .link')!.click();
    await until(() => seen.length === 1 && stMap(el)?.shadowRoot?.querySelector('.close'), 2000, 'event');
    stMap(el)!.shadowRoot!.querySelector<HTMLButtonElement>('.close')!.click();
    await until(() => seen.length === 2, 2000, 'close event');
    expect(seen).to.deep.equal(['a', null]);
  });

  // How fast lives in `npm run bench` (speed targets are not CI gates).
  it('draws 10,000 points as clusters, not 10,000 markers', async () => {
    const benches = Array.from({ length: 10000 }, (_, i) => ({
      id: `b${i}`,
      name: `Bank ${i}`,
      position: { lat: 50 + ((i * 7919) % 10000) / 3333, lon: 8 + ((i * 104729) % 10000) / 1666 },
    }));
    const el = await widget(html`<mitfahrbank-map eager .data=${{ benches }} tile-url=${tileUrl()}></mitfahrbank-map>`);
    const view = await loadMap(el);
    await until(() => markers(view).length > 0, 8000, 'clusters');
    expect(markers(view).length).to.be.lessThan(300);
  });
});

describe('<mitfahrbank-map> lifecycle', () => {
  it('removes Leaflet when taken out of the page and rebuilds it when put back', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} consent="granted" tile-url=${tileUrl()}></mitfahrbank-map>`);
    await until(() => mapView(el)?.map, 8000, 'map');
    const view = mapView(el)!;
    const parent = el.parentElement!;
    el.remove();
    expect(view.map).to.equal(undefined);
    expect(markupOf(view.shadowRoot!.querySelector('.leaflet-pane'))).to.equal(null);
    parent.append(el);
    await until(() => mapView(el)?.map && markers(mapView(el)!).length > 0, 3000, 'map again');
  });
});
