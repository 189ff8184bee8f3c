import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { consent } from '../../src/core/consent.js';
import { fixture, html, settled, textOf } from '../helpers.js';
import '../../src/mitfahrbank-map/mitfahrbank-map.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import type { MitfahrbankMap } from '../../src/mitfahrbank-map/mitfahrbank-map.component.js';
import type { EhrenamtCard } from '../../src/ehrenamt-card/ehrenamt-card.component.js';
import { FIXTURE, loadMap, mapView, markers, tileUrl, until } from '../mitfahrbank-map/helpers.js';
import type { StMapView } from '../../src/map/leaflet/map-view.js';

/** The element that has focus, looking through shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
const describeFocus = () => {
  const a = deepActive();
  return a ? `${a.localName}.${a.className} ${a.getAttribute('aria-label') ?? a.textContent?.trim().slice(0, 40)}` : 'nothing';
};

function buttonIn(root: ShadowRoot | null | undefined, text: RegExp): HTMLButtonElement {
  const b = [...(root?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((x) => text.test(x.textContent ?? ''));
  if (!b) throw new Error(`no button ${text}`);
  return b;
}

/** A marker drawn on its own (not in a cluster) whose label starts with `name`. */
const pin = (view: StMapView, name: string) =>
  markers(view).find((m) => m.classList.contains('st-pin') && m.getAttribute('aria-label')?.startsWith(name));

afterEach(() => {
  consent().revoke('map');
  localStorage.clear();
});

describe('focus after every action lands on what the visitor acted on, or its result', () => {
  it('bench map: after "Karte laden" focus is on the map, not on <body>', async () => {
    const el = await fixture<MitfahrbankMap>(html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tileUrl()}></mitfahrbank-map>`);
    await settled(el);
    const load = buttonIn(el.shadowRoot!.querySelector('st-map')!.shadowRoot, /Karte laden/);
    load.focus();
    load.click();
    await until(() => mapView(el)?.map, 8000, 'Leaflet map');
    await until(() => deepActive()?.classList.contains('leaflet-host'), 3000, `focus on the map (is on ${describeFocus()})`);
    expect(document.activeElement === document.body).to.equal(false);
  });

  it('card: after "Stadtplan laden" focus is on the map', async () => {
    const el = await fixture<EhrenamtCard>(
      html`<ehrenamt-card eager src="/demo/data/ehrenamt.json" sections="partners map" tile-url=${tileUrl()}></ehrenamt-card>`,
    );
    await settled(el);
    await until(
      () => /Stadtplan laden/.test(el.shadowRoot!.querySelector('st-map')?.shadowRoot?.textContent ?? ''),
      5000,
      'map placeholder',
    );
    const load = buttonIn(el.shadowRoot!.querySelector('st-map')!.shadowRoot, /Stadtplan laden/);
    load.focus();
    load.click();
    await until(() => deepActive()?.classList.contains('leaflet-host'), 8000, `focus on the map (is on ${describeFocus()})`);
  });

  it('bench map: a bench picked from the list, then Escape: back in the list on that bench', async () => {
    const el = await fixture<MitfahrbankMap>(html`<mitfahrbank-map eager view="list" src=${FIXTURE}></mitfahrbank-map>`);
    await settled(el);
    const item = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.list .link')][2];
    item.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.getAttribute('part') === 'details', 2000, 'focus in details');
    await sendKeys({ press: 'Escape' });
    await until(() => el.view === 'list', 2000, 'back to the list');
    await until(
      () => deepActive()?.textContent?.includes('Quedlinburg, Bahnhof'),
      2000,
      `focus on the picked bench (is on ${describeFocus()})`,
    );
  });

  it('card: a partner shown on the map from the list, then Escape: focus back on its button', async () => {
    const el = await fixture<EhrenamtCard>(
      html`<ehrenamt-card eager src="/demo/data/ehrenamt.json" sections="partners map"></ehrenamt-card>`,
    );
    await settled(el);
    await until(() => el.shadowRoot!.querySelector('.partner .link'), 5000, 'show-on-map buttons');
    const show = el.shadowRoot!.querySelector<HTMLButtonElement>('.partner .link')!;
    const name = show.querySelector('.visually-hidden')!.textContent!;
    show.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.getAttribute('part') === 'details', 2000, 'focus in details');
    expect(textOf(el)).to.contain(name.replace(/^: /, ''));
    await sendKeys({ press: 'Escape' });
    await until(() => deepActive() === show, 2000, `focus back on "show on map" (is on ${describeFocus()})`);
  });

  it('bench map: a bench picked on the map, then Escape: focus back on its marker', async () => {
    const el = await fixture<MitfahrbankMap>(html`<mitfahrbank-map eager src=${FIXTURE} tile-url=${tileUrl()}></mitfahrbank-map>`);
    await settled(el);
    const view = await loadMap(el);
    // Close enough that the bench stands on its own, not in a cluster.
    view.map!.setView([51.7331, 11.2622], 16, { animate: false });
    await until(() => pin(view, 'Harzstedt, Marktplatz'), 3000, 'marker');
    pin(view, 'Harzstedt, Marktplatz')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.getAttribute('part') === 'details', 2000, 'focus in details');
    await sendKeys({ press: 'Escape' });
    await until(
      () => deepActive()?.getAttribute('aria-label')?.startsWith('Harzstedt, Marktplatz'),
      2000,
      `focus back on the marker (is on ${describeFocus()})`,
    );
  });

  it('card: a partner picked on the map, then Escape: focus back on its marker', async () => {
    const at = (name: string, city: string, lat: number, lng: number) => ({ name, category: 'food', locations: [{ city, lat, lng }] });
    const data = {
      name: 'Ehrenamtskarte',
      tiers: [],
      partners: [at('Bäckerei Sommer', 'Harzstedt', 51.72, 11.24), at('Kino Schauburg', 'Kronberg', 50.18, 8.5)],
    };
    const el = await fixture<EhrenamtCard>(
      html`<ehrenamt-card eager .data=${data} sections="partners map" tile-url=${tileUrl()}></ehrenamt-card>`,
    );
    await settled(el);
    await until(
      () => /Stadtplan laden/.test(el.shadowRoot!.querySelector('st-map')?.shadowRoot?.textContent ?? ''),
      5000,
      'map placeholder',
    );
    buttonIn(el.shadowRoot!.querySelector('st-map')!.shadowRoot, /Stadtplan laden/).click();
    const view = () => el.shadowRoot!.querySelector('st-map')!.shadowRoot!.querySelector('st-map-view') as StMapView | null;
    await until(() => view()?.map && pin(view()!, 'Kino Schauburg'), 8000, "the partner's marker");
    pin(view()!, 'Kino Schauburg')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.getAttribute('part') === 'details', 2000, 'focus in details');
    expect(textOf(el)).to.contain('Kronberg');
    await sendKeys({ press: 'Escape' });
    await until(
      () => deepActive()?.getAttribute('aria-label')?.startsWith('Kino Schauburg'),
      2000,
      `focus back on the marker (is on ${describeFocus()})`,
    );
  });
});
