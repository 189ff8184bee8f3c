/**
 * Events and defaults of the shared map (`<st-map>`, `<st-map-view>`). They live outside
 * src/map/ on purpose: everything under src/map/ is bundled with Leaflet, and a widget needs
 * these before the map (and Leaflet) is loaded.
 */
import type { TileSettings } from '../map/types.js';

/** A marker was activated (`id`), or the details were closed (`id: null`). Not composed: the widget listens on `<st-map>`. */
export class StMapSelectEvent extends Event {
  static readonly eventName = 'st-map-select';
  readonly detail: { id: string | null };
  constructor(id: string | null) {
    super(StMapSelectEvent.eventName, { bubbles: false, composed: false });
    this.detail = { id };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'st-map-select': StMapSelectEvent;
  }
}

/** OpenStreetMap's standard tiles (tile policy: visible attribution, switchable URL). */
export const defaultTiles: TileSettings = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© [OpenStreetMap-Mitwirkende](https://www.openstreetmap.org/copyright)',
  maxZoom: 19,
};

/** The host name the consent placeholder names, e.g. `tile.openstreetmap.org`. */
export function tileHost(url: string): string {
  try {
    return new URL(url.replace(/\{[a-z]\}/gi, '0'), globalThis.location?.href).host;
  } catch {
    return url;
  }
}
