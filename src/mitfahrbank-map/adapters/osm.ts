/**
 * GeoJSON, uMap (`.umap`, layers inside) and Overpass API JSON → the native bench feed, so a
 * uMap/OSM export works without code. Loaded lazily (when `format` names it or detection finds
 * it). Real exports name their properties differently: the usual names are matched
 * case-insensitively; `label-property` picks another.
 *
 * OpenStreetMap data (Overpass, or GeoJSON exported by overpass turbo with `@id`) holds whatever
 * the query selected; only ride-share benches are kept. What counts as one, after the OSM wiki
 * (Tag:highway=hitchhiking, DE:Mitfahrbank) and what Mitfahrbank projects map:
 * - `highway=hitchhiking` (the approved tag) or `highway=hitchhiking_bench` (older proposal),
 * - `hitchhiking=yes|designated` (usually on an `amenity=bench`),
 * - `bench:type`, `bench`, `name`, `name:de`, `description` or `note` naming a Mitfahrbank,
 *   Mitfahrerbank, Mitfahrpunkt, Mitfahrhaltestelle, Mitnahmebank or hitchhiking.
 * When no element carries any of these (a town's query may select its benches otherwise),
 * everything is kept, with one warning.
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
  const en = ctx.lang === 'en';
  const entry = en ? `Entry ${n}` : `Eintrag ${n}`;
  if (labelProperty && !chosen) {
    ctx.warn(
      en
        ? `${entry}: property “${labelProperty}” (label-property) missing, the usual names are tried.`
        : `${entry}: Eigenschaft „${labelProperty}“ (label-property) fehlt, übliche Namen werden versucht.`,
      { code: 'item.label', path: entry, severity: 'note' },
    );
  }
  let name = chosen ?? str(pick(props, NAME));
  if (!name) {
    name = ctx.lang === 'en' ? `Ride-share bench ${n}` : `Mitfahrbank ${n}`;
    ctx.warn(
      en
        ? `${entry}: no name found (name, Name, NAME, Standortbeschreibung …; or set label-property) – “${name}” used.`
        : `${entry}: kein Name gefunden (name, Name, NAME, Standortbeschreibung …; oder label-property setzen) – „${name}“ verwendet.`,
      { code: 'item.label', path: entry },
    );
  }
  const photo = str(pick(props, PHOTO));
  const wheelchair = str(props.wheelchair);
  const access =
    str(pick(props, ACCESS)) ??
    (wheelchair === 'yes'
      ? en
        ? 'wheelchair accessible'
        : 'rollstuhlgerecht'
      : wheelchair === 'limited'
        ? en
          ? 'partly wheelchair accessible'
          : 'eingeschränkt rollstuhlgerecht'
        : undefined);
  return {
    id: str(id) ?? `bench-${n}`,
    name,
    position: { lat, lon },
    municipality: str(pick(props, MUNICIPALITY)),
    // None found: the bench says nothing about destinations (not "any destination").
    destinations: list(pick(props, DESTINATIONS)),
    howItWorks: str(pick(props, DESCRIPTION)),
    location: str(pick(props, LOCATION)),
    accessibility: access,
    busStops: list(pick(props, STOPS)),
    photo: photo ? { src: photo, alt: '' } : undefined,
  };
}

const RIDE_SHARE = /mitfahr|mitnahmebank|hitch-?hik/i;

/** Whether OSM tags describe a ride-share bench (see the list above). */
export function isRideShare(tags: Props): boolean {
  const t = (k: string) => (typeof tags[k] === 'string' ? (tags[k] as string) : '');
  if (/^hitchhiking(_bench)?$/.test(t('highway')) || /^(yes|designated)$/.test(t('hitchhiking'))) return true;
  return ['bench:type', 'bench', 'name', 'name:de', 'description', 'note'].some((k) => RIDE_SHARE.test(t(k)));
}

/**
 * Keeps the ride-share benches among OSM elements; says once how many others were skipped, or
 * that none was tagged as one and all are kept.
 */
function rideShareOnly<T>(items: T[], tagsOf: (item: T) => Props, ctx: FeedContext): T[] {
  const kept = items.filter((x) => isRideShare(tagsOf(x)));
  const en = ctx.lang === 'en';
  if (!kept.length && items.length) {
    ctx.warn(
      en
        ? `OpenStreetMap data: none of the ${items.length} elements is tagged as a ride-share bench (highway=hitchhiking, hitchhiking=yes, “Mitfahrbank” in bench:type or name) – all are shown.`
        : `OpenStreetMap-Daten: Keines der ${items.length} Elemente ist als Mitfahrbank markiert (highway=hitchhiking, hitchhiking=yes, „Mitfahrbank“ in bench:type oder name) – alle werden gezeigt.`,
      { code: 'item.kind', severity: 'warning' },
    );
    return items;
  }
  if (kept.length < items.length) {
    const n = items.length - kept.length;
    ctx.warn(
      en
        ? `OpenStreetMap data: ${n} of ${items.length} elements are not ride-share benches (restaurants, stops, other benches …) and were skipped.`
        : `OpenStreetMap-Daten: ${n} von ${items.length} Elementen sind keine Mitfahrbänke (Gaststätten, Haltestellen, andere Bänke …) und wurden übersprungen.`,
      { code: 'item.kind', severity: 'note' },
    );
  }
  return kept;
}

const inRange = (lat: unknown, lon: unknown) =>
  typeof lat === 'number' &&
  typeof lon === 'number' &&
  Number.isFinite(lat) &&
  Number.isFinite(lon) &&
  Math.abs(lat) <= 90 &&
  Math.abs(lon) <= 180;

type Feature = { geometry?: { type?: string; coordinates?: unknown }; properties?: Props; id?: unknown } | null;

function mapGeoJson(raw: unknown, ctx: FeedContext, labelProperty?: string) {
  const fc = raw as { type?: unknown; features?: unknown };
  if (fc && typeof fc === 'object' && fc.type === 'Feature') return mapFeatures([fc as Feature], ctx, labelProperty);
  if (!fc || typeof fc !== 'object' || !Array.isArray(fc.features)) {
    throw new FeedError(
      'shape',
      ctx.lang === 'en'
        ? 'GeoJSON: expected a FeatureCollection with “features”.'
        : 'GeoJSON: erwartet wird eine FeatureCollection mit „features“.',
    );
  }
  let features = fc.features as Feature[];
  // An overpass turbo export: OSM tags as properties, `@id` = "node/123".
  if (features.some((f) => typeof f?.properties?.['@id'] === 'string')) features = rideShareOnly(features, (f) => f?.properties ?? {}, ctx);
  return mapFeatures(features, ctx, labelProperty);
}

/** A uMap export: its layers' features, in layer order (points only, like any GeoJSON). */
function mapUmap(raw: unknown, ctx: FeedContext, labelProperty?: string) {
  const layers = (raw as { layers?: unknown } | null)?.layers;
  if (!Array.isArray(layers)) {
    throw new FeedError(
      'shape',
      ctx.lang === 'en'
        ? 'uMap: expected a map export (.umap) with “layers”.'
        : 'uMap: erwartet wird ein Karten-Export (.umap) mit „layers“.',
    );
  }
  const features = layers.flatMap((l: { features?: unknown } | null) => (Array.isArray(l?.features) ? (l.features as Feature[]) : []));
  return mapFeatures(features, ctx, labelProperty);
}

function mapFeatures(features: Feature[], ctx: FeedContext, labelProperty?: string) {
  const benches: unknown[] = [];
  features.forEach((f, i) => {
    const n = i + 1;
    const geometry = f?.geometry;
    if (geometry?.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
      const type = geometry?.type ?? (ctx.lang === 'en' ? 'none' : 'keine');
      ctx.warn(
        ctx.lang === 'en'
          ? `features[${i}]: not a point geometry (${type}), skipped.`
          : `features[${i}]: keine Punkt-Geometrie (${type}), übersprungen.`,
        { code: 'item.geometry', path: `features[${i}]`, severity: 'error' },
      );
      return;
    }
    const [lon, lat] = geometry.coordinates as unknown[];
    if (!inRange(lat, lon)) {
      ctx.warn(
        ctx.lang === 'en'
          ? `features[${i}]: coordinates [${String(lon)}, ${String(lat)}] invalid or out of range (GeoJSON: [longitude, latitude]), skipped.`
          : `features[${i}]: Koordinaten [${String(lon)}, ${String(lat)}] ungültig oder außerhalb des Bereichs (GeoJSON: [Länge, Breite]), übersprungen.`,
        { code: 'item.position', path: `features[${i}]`, severity: 'error' },
      );
      return;
    }
    const props = f?.properties ?? {};
    benches.push(bench(props, lat, lon, f?.id ?? props.id ?? props['@id'], n, labelProperty, ctx));
  });
  return { benches };
}

function mapOverpass(raw: unknown, ctx: FeedContext, labelProperty?: string) {
  const data = raw as { elements?: unknown };
  if (!data || typeof data !== 'object' || !Array.isArray(data.elements)) {
    throw new FeedError(
      'shape',
      ctx.lang === 'en'
        ? 'Overpass: expected an object with “elements” (out json).'
        : 'Overpass: erwartet wird ein Objekt mit „elements“ (out json).',
    );
  }
  type Element = {
    type?: string;
    id?: unknown;
    lat?: unknown;
    lon?: unknown;
    center?: { lat?: unknown; lon?: unknown };
    tags?: Props;
  } | null;
  // Untagged nodes are the corners of ways (`out body; >;`), not places: left out silently.
  const tagged = (data.elements as Element[]).map((e, i) => ({ e, i })).filter(({ e }) => e?.tags && Object.keys(e.tags).length);
  const benches: unknown[] = [];
  rideShareOnly(tagged, ({ e }) => e?.tags ?? {}, ctx).forEach(({ e, i }) => {
    const lat = e?.lat ?? e?.center?.lat;
    const lon = e?.lon ?? e?.center?.lon;
    if (lat === undefined || lon === undefined) {
      const what = `elements[${i}] (${e?.type ?? '?'} ${String(e?.id ?? '')})`;
      ctx.warn(
        ctx.lang === 'en'
          ? `${what}: no coordinates (use “out center” for ways), skipped.`
          : `${what}: keine Koordinaten (für Wege „out center“ verwenden), übersprungen.`,
        { code: 'item.geometry', path: `elements[${i}]`, severity: 'error' },
      );
      return;
    }
    if (!inRange(lat, lon)) {
      ctx.warn(
        ctx.lang === 'en'
          ? `elements[${i}]: coordinates ${String(lat)}/${String(lon)} invalid, skipped.`
          : `elements[${i}]: Koordinaten ${String(lat)}/${String(lon)} ungültig, übersprungen.`,
        { code: 'item.position', path: `elements[${i}]`, severity: 'error' },
      );
      return;
    }
    benches.push(
      bench(e?.tags ?? {}, lat, lon, e?.id != null ? `${e.type ?? 'node'}/${String(e.id)}` : undefined, i + 1, labelProperty, ctx),
    );
  });
  return { benches };
}

export const geojson = (labelProperty: () => string | undefined): FeedAdapter => ({
  map: (raw, ctx) => mapGeoJson(raw, ctx, labelProperty()),
});

export const umap = (labelProperty: () => string | undefined): FeedAdapter => ({
  map: (raw, ctx) => mapUmap(raw, ctx, labelProperty()),
});

export const overpass = (labelProperty: () => string | undefined): FeedAdapter => ({
  map: (raw, ctx) => mapOverpass(raw, ctx, labelProperty()),
});
