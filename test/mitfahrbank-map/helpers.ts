import { aTimeout, fixture, html } from '@open-wc/testing';
import { settled } from '../helpers.js';
import '../../src/mitfahrbank-map/mitfahrbank-map.js';
import type { MitfahrbankMap } from '../../src/mitfahrbank-map/mitfahrbank-map.component.js';
import type { StMap } from '../../src/map/st-map.js';
import type { StMapView } from '../../src/map/leaflet/map-view.js';

export const FIXTURE = '/test/mitfahrbank-map/fixtures/benches.json';
let n = 0;
/** A tile URL on the test server, unique per call so resource timing tells this map's tiles apart. */
export const tileUrl = (ok = true) => `/test/mitfahrbank-map/fixtures/${ok ? 'tile.png' : 'missing'}?k=${Date.now()}-${n++}&t={z}/{x}/{y}`;

export function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

export const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => root(el).querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...root(el).querySelectorAll<T>(sel)];

export function stMap(el: MitfahrbankMap): StMap | null {
  return $(el, 'st-map') as StMap | null;
}

export function mapView(el: MitfahrbankMap): StMapView | null {
  return (stMap(el)?.shadowRoot?.querySelector('st-map-view') as StMapView | null) ?? null;
}

export async function until(check: () => unknown, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(20);
  }
}

/** Resource-timing entries for a URL part (tiles, Leaflet). */
export function requested(part: string): PerformanceResourceTiming[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.includes(part));
}

export async function widget(tpl: ReturnType<typeof html>): Promise<MitfahrbankMap> {
  const el = await fixture<MitfahrbankMap>(tpl);
  await settled(el);
  return el;
}

/** Grants consent on the placeholder (click) and waits until the Leaflet map exists. */
export async function loadMap(el: MitfahrbankMap): Promise<StMapView> {
  const gate = stMap(el)!;
  const button = [...gate.shadowRoot!.querySelectorAll('button')].find((b) => /Karte laden|Load map/.test(b.textContent ?? ''));
  button!.click();
  await until(() => mapView(el)?.map, 8000, 'Leaflet map');
  await mapView(el)!.updateComplete;
  return mapView(el)!;
}

export function markers(view: StMapView): HTMLButtonElement[] {
  return [...view.shadowRoot!.querySelectorAll<HTMLButtonElement>('.st-pin, .st-cluster')];
}

export { html };
