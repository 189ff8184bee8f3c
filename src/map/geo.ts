import type { MapPoint, MapPosition } from './types.js';

/** Great-circle distance in metres (haversine). */
export function distance(a: MapPosition, b: MapPosition): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point closest to `here`, with its distance; undefined for an empty list. */
export function nearest<P extends MapPoint>(points: readonly P[], here: MapPosition): { point: P; metres: number } | undefined {
  let best: { point: P; metres: number } | undefined;
  for (const point of points) {
    const metres = distance(here, point);
    if (!best || metres < best.metres) best = { point, metres };
  }
  return best;
}
