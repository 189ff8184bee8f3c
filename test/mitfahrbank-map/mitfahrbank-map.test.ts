import { aTimeout, expect, fixture } from '@open-wc/testing';
import type { MitfahrbankMap } from '../../src/mitfahrbank-map/mitfahrbank-map.component.js';
import { sendKeys } from '@web/test-runner-commands';
import { consent } from '../../src/core/consent.js';
import { captureWarnings, markupOf, textOf } from '../helpers.js';
import { $, $$, FIXTURE, html, loadMap, mapView, markers, stMap, tileUrl, until, widget } from './helpers.js';

const originalFetch = window.fetch;
afterEach(() => {
  window.fetch = originalFetch;
  consent().revoke('map');
  localStorage.clear();
});

const bench = (over: Record<string, unknown> = {}) => ({
  id: 'x',
  name: 'Bank',
  position: { lat: 51.73, lon: 11.26 },
  destinations: ['Quedlinburg'],
  ...over,
});

/** The element that has focus, looking through shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

describe('<mitfahrbank-map> states', () => {
  it('list view: benches with municipality and destinations, region texts', async () => {
    const el = await widget(html`<mitfahrbank-map eager view="list" src=${FIXTURE}></mitfahrbank-map>`);
    const items = $$(el, '[part="item"]');
    expect(items.length).to.equal(4);
    expect(items[0].textContent).to.contain('Harzstedt, Marktplatz');
    expect(items[0].textContent).to.contain('Harzstedt');
    expect(items[0].textContent).to.contain('Quedlinburg · Ballenstedt');
    expect(textOf(el)).to.contain('4 Mitfahrbänke');
    expect(textOf(el)).to.contain('So fahren Sie mit');
    expect($(el, 'a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:03948312345');
    await expect(el).to.be.accessible();
  });

  it('loading: a polite status, accessible', async () => {
    window.fetch = () => new Promise(() => {});
    const el = await fixture<MitfahrbankMap>(html`<mitfahrbank-map eager src="/never.json"></mitfahrbank-map>`);
    const loading = $(el, '[part="loading"]')!;
    expect(loading.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });

  it('error: a calm message with retry, accessible', async () => {
    const el = await widget(html`<mitfahrbank-map eager src="/test/mitfahrbank-map/fixtures/nope.json"></mitfahrbank-map>`);
    expect(textOf(el)).to.contain('Die Mitfahrbänke können gerade nicht angezeigt werden.');
    expect($(el, '[part="error"] button')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('empty feed: "Noch keine Bänke eingetragen", no map', async () => {
    const el = await widget(html`<mitfahrbank-map eager .data=${{ benches: [] }}></mitfahrbank-map>`);
    expect($(el, '[part="empty"]')!.textContent).to.contain('Noch keine Bänke eingetragen');
    expect(markupOf(stMap(el))).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<mitfahrbank-map> bad input', () => {
  it('shows script and HTML in names and descriptions as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const el = await widget(
      html`<mitfahrbank-map eager view="list" .data=${{ benches: [bench({ name: evil, howItWorks: evil, municipality: '<b>fett</b>' })] }}></mitfahrbank-map>`,
    );
    expect($(el, '.list .link')!.textContent).to.contain('<img src=x');
    expect(markupOf(el.shadowRoot!.querySelector('.list img, .list script, .list b'))).to.equal(null);
    $(el, '.list .link')!.click();
    await until(() => $(el, '.bench-details'), 2000, 'details');
    expect($(el, '.bench-details')!.textContent).to.contain('<script>');
    expect(markupOf(el.shadowRoot!.querySelector('.bench-details script, .bench-details img'))).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('drops javascript: photo URLs and keeps safe ones', async () => {
    let el!: HTMLElement;
    const warnings = await captureWarnings(async () => {
      el = await widget(
        html`<mitfahrbank-map eager view="list" .data=${{
          benches: [
            bench({ id: 'a', name: 'Böse', photo: { src: 'javascript:alert(1)', alt: 'x' } }),
            bench({
              id: 'b',
              name: 'Gut',
              position: { lat: 51.74, lon: 11.25 },
              photo: { src: 'https://example.org/bank.jpg', alt: 'Eine Bank' },
            }),
          ],
        }}></mitfahrbank-map>`,
      );
    });
    expect(warnings.join('\n')).to.contain('javascript:');
    $$(el, '.list .link')[0].click();
    await until(() => $(el, '.bench-details'), 2000, 'details');
    expect(markupOf($(el, '.bench-details img'))).to.equal(null);
    $$(el, '.list .link').length; // list hidden now; pick the other through the API of the list again
    (el as unknown as { view: string }).view = 'list';
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    $$(el, '.list .link')[1].click();
    await until(() => $(el, '.bench-details img'), 2000, 'photo');
    expect($(el, '.bench-details img')!.getAttribute('src')).to.equal('https://example.org/bank.jpg');
  });

  it('keeps the feed order and the position in each warning when plain and unusual benches mix', async () => {
    let el!: HTMLElement;
    const warnings = await captureWarnings(async () => {
      el = await widget(
        html`<mitfahrbank-map eager view="list" .data=${{
          benches: [
            bench({ id: 'a', name: '  Anfang  ', municipality: ' ' }),
            bench({ id: 'b', name: 'Komma', position: { lat: '51,74', lon: '11,18' } }),
            { id: 'c', name: '' },
            bench({
              id: 7,
              name: 'Zahl',
              destinations: [{ name: 'Gernrode', returnBench: 'a' }],
              busStops: ['Markt', { name: 'Bahnhof', distance: 250 }],
            }),
            bench({ id: 'd', name: 'Ohne Ziel', destinations: 'Thale' }),
            bench({ id: 'e', name: 'Ende', otherDestinations: true }),
          ],
        }}></mitfahrbank-map>`,
      );
    });
    expect($$(el, '[part="item"]').map((i) => i.querySelector('.link')!.textContent)).to.deep.equal(['Anfang', 'Komma', 'Zahl', 'Ende']);
    const all = warnings.join('\n');
    expect(all).to.match(/benches\[2\][^\n]*name/);
    expect(all).to.match(/benches\[4\] \(„d“\)[^\n]*destinations/);
    expect(textOf(el)).to.contain('4 Mitfahrbänke');
  });

  it('reports NaN and swapped coordinates and skips those benches', async () => {
    let el!: HTMLElement;
    const warnings = await captureWarnings(async () => {
      el = await widget(
        html`<mitfahrbank-map eager view="list" .data=${{
          benches: [
            bench({ id: 'ok1', name: 'Harzstedt' }),
            bench({ id: 'ok2', name: 'Ballenstedt', position: { lat: 51.717, lon: 11.23 } }),
            bench({ id: 'ok3', name: 'Rieder', position: { lat: '51,7405', lon: '11.1842' } }),
            bench({ id: 'nan', name: 'Kaputt', position: { lat: Number.NaN, lon: 11.2 } }),
            bench({ id: 'text', name: 'Text', position: { lat: 'nördlich', lon: 11.2 } }),
            bench({ id: 'range', name: 'Außerhalb', position: { lat: 112.3, lon: 51.7 } }),
            bench({ id: 'swap', name: 'Vertauscht', position: { lat: 11.24, lon: 51.72 } }),
          ],
        }}></mitfahrbank-map>`,
      );
    });
    const all = warnings.join('\n');
    expect(all).to.match(/„nan“[^\n]*position\.lat/);
    expect(all).to.match(/„text“[^\n]*position\.lat: ist keine Zahl/);
    expect(all).to.match(/Außerhalb[^\n]*vertauscht/);
    expect(all).to.match(/Vertauscht[^\n]*vertauscht/);
    expect($$(el, '[part="item"]').map((i) => i.querySelector('.link')!.textContent)).to.deep.equal(['Harzstedt', 'Ballenstedt', 'Rieder']);
  });

  it('a failed tile server never blocks the list', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} consent="granted" tile-url=${tileUrl(false)}></mitfahrbank-map>`);
    await until(() => mapView(el)?.shadowRoot?.querySelector('[part="tiles-note"]'), 8000, 'tile note');
    $$(el, '.switch button')[1].click();
    await el.updateComplete;
    expect($$(el, '[part="item"]').length).to.equal(4);
    $(el, '.list .link')!.click();
    await until(() => textOf(el).includes('So funktioniert diese Bank'), 2000, 'details');
  });
});

describe('<mitfahrbank-map> attribution', () => {
  it('names OpenStreetMap in the page language; a town’s own attribution is shown as written', async () => {
    const attribution = async (el: MitfahrbankMap) => {
      await until(() => mapView(el)?.shadowRoot?.querySelector('[part="attribution"]'), 8000, 'attribution');
      return mapView(el)!.shadowRoot!.querySelector('[part="attribution"]')!.textContent!.replace(/\s+/g, ' ');
    };
    const en = await widget(
      html`<mitfahrbank-map eager lang="en" src=${FIXTURE} consent="granted" tile-url=${tileUrl(false)}></mitfahrbank-map>`,
    );
    expect(await attribution(en)).to.contain('© OpenStreetMap contributors');
    const de = await widget(html`<mitfahrbank-map eager src=${FIXTURE} consent="granted" tile-url=${tileUrl(false)}></mitfahrbank-map>`);
    expect(await attribution(de)).to.contain('© OpenStreetMap-Mitwirkende');
    const own = await widget(
      html`<mitfahrbank-map eager lang="en" src=${FIXTURE} consent="granted" tile-url=${tileUrl(false)} tile-attribution="© Landkreis Harz"></mitfahrbank-map>`,
    );
    expect(await attribution(own)).to.contain('© Landkreis Harz');
  });
});

describe('<mitfahrbank-map> visitor features', () => {
  it('filters by destination in the list and on the map', async () => {
    const el = await widget(html`<mitfahrbank-map eager view="list" src=${FIXTURE}></mitfahrbank-map>`);
    const select = $<HTMLSelectElement>(el, 'select')!;
    expect($(el, 'label[for="destination"]')!.textContent).to.equal('Wohin möchten Sie?');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal([
      'Alle Ziele',
      'Ballenstedt',
      'Gernrode',
      'Harzstedt',
      'Quedlinburg',
    ]);
    select.value = [...select.options].find((o) => o.textContent === 'Quedlinburg')!.value;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($$(el, '[part="item"]').map((i) => i.querySelector('.link')!.textContent)).to.deep.equal([
      'Harzstedt, Marktplatz',
      'Thale, Bahnhof',
    ]);
    expect(textOf(el)).to.contain('2 von 4 Bänken fahren nach Quedlinburg.');
    $$(el, '.switch button')[0].click();
    await el.updateComplete;
    expect(stMap(el)!.points.map((p) => p.id)).to.deep.equal(['a', 'd']);
    await expect(el).to.be.accessible();
  });

  it('picking a bench in the list shows it on the map and opens its details (focus moves there)', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tileUrl()}></mitfahrbank-map>`);
    const view = await loadMap(el);
    $$(el, '.switch button')[1].click();
    await el.updateComplete;
    $$(el, '.list .link')[2].click(); // Quedlinburg, Bahnhof
    await until(() => textOf(el).includes('Bank für den Rückweg: Harzstedt, Marktplatz'), 2000, 'details');
    expect(el.view).to.equal('map');
    await until(() => markers(view).some((m) => m.getAttribute('aria-current') === 'true'), 3000, 'selected marker');
    expect(
      markers(view)
        .find((m) => m.getAttribute('aria-current') === 'true')!
        .getAttribute('aria-label'),
    ).to.contain('Quedlinburg, Bahnhof');
    expect(deepActive()?.getAttribute('part')).to.equal('details');
    await expect(el).to.be.accessible();
    // the return bench is one click away
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.bench-details .link')]
      .find((b) => b.textContent!.includes('Harzstedt, Marktplatz'))!
      .click();
    await until(() => $(el, '.details-name')!.textContent!.includes('Harzstedt, Marktplatz'), 2000, 'return bench');
  });

  it('details work without map consent (next to the placeholder)', async () => {
    const el = await widget(html`<mitfahrbank-map eager view="list" src=${FIXTURE}></mitfahrbank-map>`);
    $(el, '.list .link')!.click();
    await until(() => textOf(el).includes('So funktioniert diese Bank'), 2000, 'details');
    expect(markupOf(mapView(el))).to.equal(null);
    expect(textOf(el)).to.contain('Harzstedt Markt, Linie 318 (40 m zu Fuß)');
    expect($(el, '.bench-details img')!.getAttribute('alt')).to.equal('Grüne Bank vor der Bäckerei');
    expect(textOf(el)).to.contain('Foto: Gemeinde Harzstedt');
    await expect(el).to.be.accessible();
  });

  it('keyboard only: switch to the list, pick a bench, close the details with Escape', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE}></mitfahrbank-map>`);
    $<HTMLSelectElement>(el, 'select')!.focus();
    // Tab from the destination filter to "Liste" (nearest bench and "Karte" come first). Bounded, and
    // step by step: under load WebKitGTK's driver sometimes delivers a Tab before the last focus moved.
    for (let i = 0; i < 5 && deepActive()?.textContent?.trim() !== 'Liste'; i++) await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent?.trim()).to.equal('Liste');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.view).to.equal('list');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent).to.contain('Harzstedt, Marktplatz');
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.getAttribute('part') === 'details', 2000, 'focus in details');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('aria-label')).to.equal('Details schließen');
    await sendKeys({ press: 'Escape' });
    await until(() => !$(el, '.bench-details'), 2000, 'details closed');
  });

  it('keyboard only on the map: Tab reaches the markers, Enter opens details', async () => {
    const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE} consent="granted" tile-url=${tileUrl()}></mitfahrbank-map>`);
    await until(() => mapView(el)?.map, 8000, 'map');
    const view = mapView(el)!;
    view.map!.setView([51.7331, 11.2622], 15, { animate: false });
    await until(() => markers(view).some((m) => m.getAttribute('aria-label')?.startsWith('Harzstedt, Marktplatz')), 3000, 'marker');
    view.shadowRoot!.querySelector<HTMLElement>('.leaflet-host')!.focus();
    let found = false;
    for (let i = 0; i < 12 && !found; i++) {
      await sendKeys({ press: 'Tab' });
      found = !!deepActive()?.getAttribute('aria-label')?.startsWith('Harzstedt, Marktplatz');
    }
    expect(found, 'a marker is reachable with Tab').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => textOf(el).includes('So funktioniert diese Bank'), 2000, 'details');
    await sendKeys({ press: 'Escape' });
    await until(() => !$(el, '.bench-details'), 2000, 'closed');
    await until(() => deepActive()?.getAttribute('aria-label')?.startsWith('Harzstedt, Marktplatz'), 2000, 'focus back on the marker');
  });

  it('"Nächste Bank finden" picks the nearest bench after a click', async () => {
    const geo = navigator.geolocation;
    const original = geo.getCurrentPosition;
    let asked = 0;
    geo.getCurrentPosition = (ok: PositionCallback) => {
      asked++;
      ok({ coords: { latitude: 51.75, longitude: 11.05 } } as GeolocationPosition);
    };
    try {
      const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE}></mitfahrbank-map>`);
      await aTimeout(50);
      expect(asked, 'never before a click').to.equal(0);
      $(el, '.nearest')!.click();
      await until(() => textOf(el).includes('Die nächste Bank ist „Thale, Bahnhof“'), 2000, 'message');
      expect(textOf(el)).to.match(/etwa \d+ m entfernt/);
      expect($(el, '.details-name')!.textContent).to.contain('Thale, Bahnhof');
      // the list now starts with the nearest bench, each with its distance
      $$(el, '.switch button')[1].click();
      await el.updateComplete;
      const items = $$(el, '[part="item"]');
      expect(items[0].textContent).to.contain('Thale, Bahnhof');
      expect(items[0].textContent).to.match(/etwa \d+ m entfernt/);
      expect(items[3].textContent).to.match(/Harzstedt · etwa 15 km entfernt/);
    } finally {
      geo.getCurrentPosition = original;
    }
  });

  it('says clearly when location access is refused', async () => {
    const geo = navigator.geolocation;
    const original = geo.getCurrentPosition;
    geo.getCurrentPosition = (_ok: PositionCallback, fail?: PositionErrorCallback | null) =>
      fail?.({ code: 1, message: 'denied' } as GeolocationPositionError);
    try {
      const el = await widget(html`<mitfahrbank-map eager src=${FIXTURE}></mitfahrbank-map>`);
      $(el, '.nearest')!.click();
      await until(() => textOf(el).includes('weil der Zugriff nicht erlaubt wurde'), 2000, 'message');
      expect($(el, '.message')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
    } finally {
      geo.getCurrentPosition = original;
    }
  });

  it('speaks English with lang="en"', async () => {
    const el = await widget(html`<mitfahrbank-map eager lang="en" src=${FIXTURE}></mitfahrbank-map>`);
    expect(textOf(el)).to.contain('4 ride-share benches');
    expect(textOf(el)).to.contain('Where do you want to go?');
    const gate = stMap(el)!.shadowRoot!.textContent!;
    expect(gate).to.contain('Load map');
    expect(gate).to.contain('Remember my choice');
    await expect(el).to.be.accessible();
  });
});

describe('<mitfahrbank-map> GeoJSON and Overpass', () => {
  it('reads a GeoJSON FeatureCollection: usual names case-insensitively, non-points skipped, nameless numbered', async () => {
    const data = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [11.26, 51.73] },
          properties: { NAME: 'Harzstedt Markt', Ziele: 'Quedlinburg; Thale', Gemeinde: 'Harzstedt' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [11.23, 51.717] },
          properties: { Standortbeschreibung: 'Ballenstedt, am Schloss' },
        },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [11.18, 51.74] }, properties: { farbe: 'grün' } },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [11, 51],
              [11.1, 51.1],
            ],
          },
          properties: { name: 'Weg' },
        },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [211, 51] }, properties: { name: 'Fern' } },
      ],
    };
    let el!: HTMLElement;
    const warnings = await captureWarnings(async () => {
      el = await widget(html`<mitfahrbank-map eager view="list" format="geojson" .data=${data}></mitfahrbank-map>`);
    });
    const names = $$(el, '.list .link').map((b) => b.textContent);
    expect(names).to.deep.equal(['Harzstedt Markt', 'Ballenstedt, am Schloss', 'Mitfahrbank 3']);
    expect(textOf(el)).to.contain('Quedlinburg · Thale');
    const all = warnings.join('\n');
    expect(all).to.contain('kein Name');
    expect(all).to.contain('LineString');
    expect(all).to.contain('[211, 51]');
  });

  it('label-property picks another property', async () => {
    const data = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [11.26, 51.73] },
          properties: { name: 'x', Haltepunkt: 'Am Dorfteich' },
        },
      ],
    };
    const el = await widget(
      html`<mitfahrbank-map eager view="list" format="geojson" label-property="haltepunkt" .data=${data}></mitfahrbank-map>`,
    );
    expect($(el, '.list .link')!.textContent).to.equal('Am Dorfteich');
  });

  it('reads Overpass JSON (OSM nodes, destination tags)', async () => {
    const el = await widget(
      html`<mitfahrbank-map eager view="list" format="overpass" src="/demo/data/benches-overpass.json"></mitfahrbank-map>`,
    );
    const items = $$(el, '[part="item"]');
    expect(items.length).to.equal(11);
    expect(items[0].textContent).to.contain('Harzstedt, Marktplatz');
    expect(items[0].textContent).to.contain('Quedlinburg · Ballenstedt · Gernrode · Meisdorf');
    expect(items[10].textContent).to.contain('Mitfahrbank 11');
  });

  it('reads the demo GeoJSON export', async () => {
    const el = await widget(html`<mitfahrbank-map eager view="list" format="geojson" src="/demo/data/benches.geojson"></mitfahrbank-map>`);
    expect($$(el, '[part="item"]').length).to.equal(8);
    await expect(el).to.be.accessible();
  });
});

describe('<mitfahrbank-map> spreadsheet (format="csv", shared CSV reader)', () => {
  it('reads benches from CSV text', async () => {
    const csv =
      'Name,Breitengrad,Längengrad,Ziele,Gemeinde\n"Harzstedt, Markt",51.7331,11.2622,"Quedlinburg (zurück: q); Thale",Harzstedt\n"Quedlinburg, Bahnhof",51.7851,11.1483,Harzstedt,Quedlinburg\n';
    const el = await widget(html`<mitfahrbank-map eager view="list" format="csv" .data=${csv}></mitfahrbank-map>`);
    const items = $$(el, '[part="item"]');
    expect(items.map((i) => i.querySelector('.link')!.textContent)).to.deep.equal(['Harzstedt, Markt', 'Quedlinburg, Bahnhof']);
    expect(items[0].textContent).to.contain('Quedlinburg · Thale');
  });
});
