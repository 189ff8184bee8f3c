/**
 * The six map attributes (consent and tiles) that `<mitfahrbank-map>`, `<ehrenamt-card>` and
 * `<st-map>` share, declared once as a Lit mixin (`npm run analyze` reads this file, so the
 * manifest lists the six attributes on each widget). The `@default` tags repeat `defaultTiles`
 * for the manifest, which does not evaluate `defaultTiles.url`.
 */
import type { ReactiveElement } from 'lit';
import { property } from 'lit/decorators.js';
import { defaultTiles } from './tiles.js';

type Constructor<T> = new (...args: any[]) => T;

/** The type the mixin adds to its base class. */
export declare class MapSettingsInterface {
  consent?: string;
  tileUrl: string;
  tileAttribution: string;
  maxZoom: number;
  tileProvider?: string;
  privacyUrl?: string;
}

/** Adds `consent`, `tile-url`, `tile-attribution`, `max-zoom`, `tile-provider` and `privacy-url`. */
export const MapSettings = <T extends Constructor<ReactiveElement>>(superClass: T) => {
  class MapSettingsElement extends superClass {
    /**
     * `granted` when the site's consent manager has already asked: the map shows at once. Otherwise it
     * shows a placeholder until the visitor agrees; no tile request before.
     */
    @property() consent?: string;

    /**
     * Tile URL template of the map (`{z}/{x}/{y}`); OpenStreetMap by default. Use your own tile server here.
     * @default 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'
     */
    @property({ attribute: 'tile-url' }) tileUrl: string = defaultTiles.url;

    /**
     * Attribution, always shown on the map; `[text](https://…)` becomes a link, nothing else is interpreted.
     * @default '© [OpenStreetMap-Mitwirkende](https://www.openstreetmap.org/copyright)'
     */
    @property({ attribute: 'tile-attribution' }) tileAttribution: string = defaultTiles.attribution;

    /**
     * Highest zoom level of the tile server.
     * @default 19
     */
    @property({ attribute: 'max-zoom', type: Number }) maxZoom: number = defaultTiles.maxZoom;

    /** Tile provider named in the map's consent text ("Die Hintergrundkarte wird von … geladen"); the tile URL's host by default. */
    @property({ attribute: 'tile-provider' }) tileProvider?: string;

    /** Link to the site's privacy notice, offered in the map's consent placeholder. */
    @property({ attribute: 'privacy-url' }) privacyUrl?: string;
  }
  return MapSettingsElement as Constructor<MapSettingsInterface> & T;
};
