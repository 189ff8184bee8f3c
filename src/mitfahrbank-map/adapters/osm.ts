/**
 * GeoJSON and Overpass API JSON → the native bench feed, so a uMap/OSM export works without
 * code. Loaded lazily (only when `format` names it). Real exports name their properties
 * differently: the usual names are matched case-insensitively; `label-property` picks another.
 */
import type { FeedAdapter, FeedContext } from '../../core/feed-types.js';
import { FeedError } from '../../core/feed-error.js';

type Props = Record<string, unknown>;

const NAME = ['name', 'titel', 'title', 'bezeichnung', 'standortbeschreibung', 'standort', 'ort_name', 'label'];
const MUNICIPALITY = ['municipality', 'gemeinde', 'ortsteil', 'ort', 'stadt', 'addr:city', 'city'];
const DESTINATIONS = ['destinations', 'destination', 'ziele', 'ziel', 'fahrtziele', 'richtung', 'richtungen', 'destination:forward'];
const DESCRIPTION = ['howitworks', 'description', 'beschreibung', 'hinweis', 'hinweise', 'note', 'bemerkung'];
const ACCESS = ['accessibility', 'barrierefreiheit', 'barrierefrei', 'wheelchair:description'];
const STOPS = ['busstops', 'bus_stops', 'bushaltestelle', 'bushaltestellen', 'haltestelle', 'haltestellen'];
const PHOTO = ['photo', 'image', 'foto', 'bild', 'picture'];
const LOCATION = ['location', 'lage', 'standortdetails', 'adresse', 'address'];

/** The first non-empty value among `names`, matched case-insensitively. */
function pick(props: Props, names: string[]): unknown {
  const lower = new Map(Object.keys(props).map((k) => [k.toLowerCase(), k]));
  for (const n of names) {
    const key = lower.get(n);
    if (key === undefined) continue;
    const value = props[key];
    if (value != null && (typeof value !== 'string' || value.trim() !== '')) return value;
  }
  return undefined;
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() || undefined : typeof value === 'number' ? String(value) : undefined;

/** "Quedlinburg; Gernrode", "Quedlinburg, Gernrode", "Quedlinburg / Thale" or a list. */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(str).filter((s): s is string => !!s);
  const s = str(value);
  return s ? s.split(/\s*[;,|/\n]\s*/).filter(Boolean) : [];
}

function bench(props: Props, lat: unknown, lon: unknown, id: unknown, n: number, labelProperty: string | undefined, ctx: FeedContext) {
  const chosen = labelProperty ? str(pick(props, [labelProperty.toLowerCase()])) : undefined;
  if (labelProperty && !chosen) ctx.warn(`Eintrag ${n}: Eigenschaft „${labelProperty}“ (label-property) fehlt, übliche Namen werden versucht.`, { code: 'item.label', path: `Eintrag ${n}`, severity: 'note' });
  let name = chosen ?? str(pick(props, NAME));
  if (!name) {
    name = ctx.lang === 'en' ? `Ride-share bench ${n}` : `Mitfahrbank ${n}`;
    ctx.warn(`Eintrag ${n}: kein Name gefunden (name, Name, NAME, Standortbeschreibung …; oder label-property setzen) – „${name}“ verwendet.`, { code: 'item.label', path: `Eintrag ${n}` });
  }
  const photo = str(pick(props, PHOTO));
  const wheelchair = str(props.wheelchair);
  const access = str(pick(props, ACCESS)) ?? (wheelchair === 'yes' ? 'rollstuhlgerecht' : wheelchair === 'limited' ? 'eingeschränkt rollstuhlgerecht' : undefined);
  return {
    id: str(id) ?? `bench-${n}`,
    name,
    position: { lat, lon },
    municipality: str(pick(props, MUNICIPALITY)),
    destinations: list(pick(props, DESTINATIONS)),
    howItWorks: str(pick(props, DESCRIPTION)),
    location: str(pick(props, LOCATION)),
    accessibility: access,
    busStops: list(pick(props, STOPS)),
    photo: photo ? { src: photo, alt: '' } : undefined,
  };
}

const inRange = (lat: unknown, lon: unknown) =>
  typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

function mapGeoJson(raw: unknown, ctx: FeedContext, labelProperty?: string) {
  const fc = raw as { type?: unknown; features?: unknown };
  if (!fc || typeof fc !== 'object' || !Array.isArray(fc.features)) {
    throw new FeedError('shape', 'GeoJSON: erwartet wird eine FeatureCollection mit „features“.');
  }
  const benches: unknown[] = [];
  fc.features.forEach((f: { geometry?: { type?: string; coordinates?: unknown }; properties?: Props; id?: unknown } | null, i: number) => {
    const n = i + 1;
    const geometry = f?.geometry;
    if (geometry?.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
      ctx.warn(`features[${i}]: keine Punkt-Geometrie (${geometry?.type ?? 'keine'}), übersprungen.`, { code: 'item.geometry', path: `features[${i}]`, severity: 'error' });
      return;
    }
    const [lon, lat] = geometry.coordinates as unknown[];
    if (!inRange(lat, lon)) {
      ctx.warn(`features[${i}]: Koordinaten [${String(lon)}, ${String(lat)}] ungültig oder außerhalb des Bereichs (GeoJSON: [Länge, Breite]), übersprungen.`, { code: 'item.position', path: `features[${i}]`, severity: 'error' });
      return;
    }
    const props = f?.properties ?? {};
    benches.push(bench(props, lat, lon, f?.id ?? props.id, n, labelProperty, ctx));
  });
  return { benches };
}

function mapOverpass(raw: unknown, ctx: FeedContext, labelProperty?: string) {
  const data = raw as { elements?: unknown };
  if (!data || typeof data !== 'object' || !Array.isArray(data.elements)) {
    throw new FeedError('shape', 'Overpass: erwartet wird ein Objekt mit „elements“ (out json).');
  }
  const benches: unknown[] = [];
  data.elements.forEach((e: { type?: string; id?: unknown; lat?: unknown; lon?: unknown; center?: { lat?: unknown; lon?: unknown }; tags?: Props } | null, i: number) => {
    const lat = e?.lat ?? e?.center?.lat;
    const lon = e?.lon ?? e?.center?.lon;
    if (lat === undefined || lon === undefined) {
      ctx.warn(`elements[${i}] (${e?.type ?? '?'} ${String(e?.id ?? '')}): keine Koordinaten (für Wege „out center“ verwenden), übersprungen.`, { code: 'item.geometry', path: `elements[${i}]`, severity: 'error' });
      return;
    }
    if (!inRange(lat, lon)) {
      ctx.warn(`elements[${i}]: Koordinaten ${String(lat)}/${String(lon)} ungültig, übersprungen.`, { code: 'item.position', path: `elements[${i}]`, severity: 'error' });
      return;
    }
    benches.push(bench(e?.tags ?? {}, lat, lon, e?.id != null ? `${e.type ?? 'node'}/${String(e.id)}` : undefined, i + 1, labelProperty, ctx));
  });
  return { benches };
}

export const geojson = (labelProperty: () => string | undefined): FeedAdapter => ({
  map: (raw, ctx) => mapGeoJson(raw, ctx, labelProperty()),
});

export const overpass = (labelProperty: () => string | undefined): FeedAdapter => ({
  map: (raw, ctx) => mapOverpass(raw, ctx, labelProperty()),
});
