/**
 * Types of the shared map piece. Type-only: importing this file costs nothing at run time,
 * so widgets can use it before Leaflet is loaded.
 */

/** One place on the map. Everything is text; nothing is ever parsed as HTML. */
export interface MapPoint {
  /** Unique within one map; the value `st-map-select` reports. */
  id: string;
  /** Latitude, −90…90 (WGS 84). */
  lat: number;
  /** Longitude, −180…180 (WGS 84). */
  lon: number;
  /** Accessible name of the marker (screen readers, tooltip), e.g. the bench's name. */
  label: string;
}

/** A visitor's position (from the browser's geolocation), drawn as a distinct dot. */
export interface MapPosition {
  lat: number;
  lon: number;
}

/** Tile server settings; a town may use its own server. */
export interface TileSettings {
  /** `{z}/{x}/{y}` template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  url: string;
  /** Plain text; `[text](https://…)` parts become links. Always shown on the map. */
  attribution: string;
  maxZoom: number;
}
