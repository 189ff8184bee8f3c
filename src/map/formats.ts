/**
 * Detectors of the map formats people export (GeoJSON, Overpass API JSON, uMap), for any widget
 * that needs to tell them apart when `format` is absent: `<mitfahrbank-map>` reads them, the
 * other widgets name them in their message. Each looks only at the top of the parsed JSON.
 */
import type { Probe } from '../core/feed-types.js';

const obj = (x: unknown): Record<string, unknown> | undefined =>
  x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;

/** A uMap map export (`.umap`): `{"type": "umap", "layers": [FeatureCollection …]}`. */
export function detectUmap({ path, json }: Probe): boolean {
  const o = obj(json);
  return !!o && (o.type === 'umap' || (/\.umap$/i.test(path) && Array.isArray(o.layers)));
}

/** GeoJSON: a FeatureCollection or a single Feature (RFC 7946), or served as `application/geo+json`. */
export function detectGeoJson({ contentType, json }: Probe): boolean {
  const o = obj(json);
  if (!o) return false;
  return (
    (o.type === 'FeatureCollection' && Array.isArray(o.features)) ||
    o.type === 'Feature' ||
    (/geo\+json/i.test(contentType) && Array.isArray(o.features))
  );
}

/** Overpass API `out json`: `{"version", "osm3s", "elements": [{type: node|way|relation, …}]}`. */
export function detectOverpass({ json }: Probe): boolean {
  const o = obj(json);
  if (!o || !Array.isArray(o.elements)) return false;
  const first = obj(o.elements[0]);
  return !!obj(o.osm3s) || (!!first && /^(node|way|relation)$/.test(String(first.type)));
}
