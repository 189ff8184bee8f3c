/**
 * The tile default of every map (OpenStreetMap's standard tiles; tile policy: visible
 * attribution, switchable URL), written once. No Leaflet here: widgets, the Leaflet view and
 * the feed checker's snippet builder all read it.
 */
import type { TileSettings } from './types.js';

export const OSM_ATTRIBUTION = '© [OpenStreetMap-Mitwirkende](https://www.openstreetmap.org/copyright)';

export const defaultTiles: TileSettings = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: OSM_ATTRIBUTION,
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
