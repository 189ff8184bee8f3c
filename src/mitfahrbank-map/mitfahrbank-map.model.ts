import * as v from 'valibot';
import { FeedError } from '../core/feed-error.js';
import type { FeedContext } from '../core/feed-types.js';
import { safeMail, safeTel, safeUrl } from '../core/safe-url.js';
import { pluralOne } from '../core/i18n.js';
import { fold } from '../core/text.js';
import { parseItems, parseShape } from '../core/validate.js';
import type { MapPoint } from '../map/types.js';
import { fastBench, fastRegion, folder } from './fast-bench.js';
import { schemas, type BenchInput } from './mitfahrbank-map.rules.js';

export interface Destination {
  name: string;
  /** Folded name, for filtering. */
  key: string;
  /** Id of a return bench in this feed. */
  returnId?: string;
  /** A return bench described in words (not in this feed). */
  returnText?: string;
}

export interface BusStop {
  name: string;
  lines?: string;
  distance?: number;
}

export interface Bench extends MapPoint {
  name: string;
  municipality?: string;
  destinations: Destination[];
  otherDestinations: boolean;
  restingSign: boolean;
  howItWorks?: string;
  location?: string;
  photo?: { src: string; alt: string; credit?: string };
  accessibility?: string;
  busStops: BusStop[];
}

export interface Region {
  title?: string;
  intro?: string;
  howToRide?: string;
  drivers?: string;
  contact?: { name?: string; phone?: string; tel?: string; email?: string; mailto?: string; url?: string };
}

export interface BenchFeed {
  region?: Region;
  benches: Bench[];
  /** All destinations, deduplicated (first spelling wins), sorted. */
  destinations: { key: string; name: string }[];
}

const validLat = (n: number) => n >= -90 && n <= 90;
const validLon = (n: number) => n >= -180 && n <= 180;

/** Validates the feed: unsafe URLs dropped, invalid or swapped coordinates reported and skipped. */
export function parseBenchFeed(raw: unknown, ctx: FeedContext): BenchFeed {
  if (Array.isArray(raw)) raw = { benches: raw };
  if (!raw || typeof raw !== 'object')
    throw new FeedError('shape', ctx.lang === 'en' ? 'Expected an object with “benches”.' : 'Erwartet wird ein Objekt mit „benches“.');
  // valibot's array() copies a list entry by entry (10,000 calls): a plainly fine outer shape is
  // taken as it is, anything else goes through the schema for its message.
  const r = raw as { benches?: unknown; schemaVersion?: unknown; region?: unknown };
  const version = r.schemaVersion;
  const feed =
    Array.isArray(r.benches) && (version === undefined || (typeof version === 'number' && !Number.isNaN(version)))
      ? { benches: r.benches as unknown[], region: r.region }
      : parseShape(schemas().feed, raw, 'mitfahrbank-map', ctx.lang);
  const inputs = parseBenches(feed.benches, ctx);
  const centre = inputs.length >= 3 ? middle(inputs) : undefined;
  const placed = inputs.filter((b) => checkPosition(b, ctx, centre));
  if (feed.benches.length > 0 && placed.length === 0) {
    const n = feed.benches.length;
    // By the plural rules, as the shared "none of the n entries": one bench is "the one bench".
    const one = pluralOne(n);
    const en = ctx.lang === 'en';
    const text = en
      ? one
        ? 'The one bench has no valid coordinates'
        : `None of the ${n} benches has valid coordinates`
      : one
        ? 'Die eine Bank hat keine gültigen Koordinaten'
        : `Keine der ${n} Bänke hat gültige Koordinaten`;
    throw new FeedError('no-valid-item', `${text} (${en ? 'details in the notes' : 'Details in den Hinweisen'}).`);
  }
  const seen = new Set<string>();
  const unique = placed.filter((b) => {
    if (seen.has(b.id)) {
      const message =
        ctx.lang === 'en'
          ? `benches (“${b.name}”): the id “${b.id}” occurs twice, second entry skipped.`
          : `benches („${b.name}“): die id „${b.id}“ kommt doppelt vor, zweiter Eintrag übersprungen.`;
      ctx.warn(message, { code: 'item.duplicate', path: 'benches', item: b.name, severity: 'error' });
      return false;
    }
    seen.add(b.id);
    return true;
  });
  const fold = folder();
  // One destination object per name and return, shared by the benches that list it (it is never changed).
  const shared = new Map<string, Destination>();
  const benches = unique.map((b) => toBench(b, seen, ctx, fold, shared));
  // Every destination object is in `shared`, in the order the benches first list it, so the first
  // spelling of each key is found there without walking all the benches' lists again (20,000
  // entries for 10,000 benches, against a few dozen here).
  const all = new Map<string, string>();
  for (const d of shared.values()) if (!all.has(d.key)) all.set(d.key, d.name);
  const destinations = sortByName([...all].map(([key, name]) => ({ key, name })));
  return { region: parseRegion(feed.region, ctx), benches, destinations };
}

/** Plain letters, digits, spaces and hyphens: where code-unit order is the collator's order. */
const plain = /^[a-z0-9 -]*$/;

/**
 * Sorted as `localeCompare(…, 'de')` sorts them. Creating ICU's collator costs 6–14 ms in a cold
 * page (measured in Chromium), more than reading all else of 10,000 benches, for a list of a few
 * dozen names. For names of plain letters (case, umlauts, accents and ß folded: the collator's
 * first level), digits, spaces and hyphens, code-unit order of that folded key is the collator's
 * order; names the feed lists twice in that sense never reach here (the destinations are
 * deduplicated by their search key, which folds at least as much). Any other character, and
 * the collator decides.
 */
export function sortByName<T extends { name: string }>(list: T[]): T[] {
  const keys = new Map<T, string>();
  for (const item of list) {
    const key = item.name
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    if (!plain.test(key)) return list.sort((a, b) => a.name.localeCompare(b.name, 'de'));
    keys.set(item, key);
  }
  return list.sort((a, b) => (keys.get(a)! < keys.get(b)! ? -1 : keys.get(a)! > keys.get(b)! ? 1 : 0));
}

/**
 * `parseItems(BenchSchema, …)` with the same result and warnings: plainly valid benches are read
 * directly (fast-bench.ts), only the others go through the schema.
 */
function parseBenches(list: unknown[], ctx: FeedContext): BenchInput[] {
  const out: (BenchInput | undefined)[] = new Array(list.length);
  let rest: unknown[] | undefined;
  let valid = 0;
  for (let i = 0; i < list.length; i++) {
    let b = fastBench(list[i]);
    if (!b) {
      const result = v.safeParse(schemas().bench, list[i], { lang: ctx.lang });
      if (result.success) b = result.output;
      else (rest ??= new Array(list.length))[i] = list[i]; // a sparse list keeps each bench's position
    }
    if (b) {
      out[i] = b;
      valid++;
    }
  }
  if (rest) {
    // The invalid ones, for parseItems' warnings (“benches[7] („…“) übersprungen – …”). It throws
    // “none valid” when it found none in them, which only counts when none was valid at all.
    try {
      parseItems(schemas().bench, rest, ctx, 'benches');
    } catch (error) {
      if (valid === 0) throw error;
    }
  }
  return valid === list.length ? (out as BenchInput[]) : out.filter((b): b is BenchInput => b !== undefined);
}

function checkPosition(b: BenchInput, ctx: FeedContext, centre: { lat: number; lon: number } | undefined): boolean {
  const { lat, lon } = b.position;
  // The common case first, before any message is prepared.
  if (validLat(lat) && validLon(lon) && (!centre || Math.abs(lat - centre.lat) + Math.abs(lon - centre.lon) <= 10)) return true;
  const en = ctx.lang === 'en';
  const where = () => (en ? `benches (“${b.name}”).position` : `benches („${b.name}“).position`);
  if (!validLat(lat) || !validLon(lon)) {
    const swapped = validLat(lon) && validLon(lat);
    const message = en
      ? `${where()}: lat ${lat} / lon ${lon} is out of range${swapped ? ' – latitude and longitude swapped?' : ''}; bench skipped.`
      : `${where()}: lat ${lat} / lon ${lon} liegt außerhalb des gültigen Bereichs${swapped ? ' – Breite und Länge vertauscht?' : ''}; Bank übersprungen.`;
    ctx.warn(message, { code: 'item.position', path: where(), item: b.name, severity: 'error' });
    return false;
  }
  // Both in range but swapped (e.g. 11.24 / 51.72 for the Harz): far from the others, close when swapped.
  if (centre) {
    const mid = centre.lat;
    const midLon = centre.lon;
    const off = Math.abs(lat - mid) + Math.abs(lon - midLon);
    const offSwapped = Math.abs(lon - mid) + Math.abs(lat - midLon);
    if (off > 10 && offSwapped < 2) {
      const message = en
        ? `${where()}: lat ${lat} / lon ${lon} is far from all other benches – latitude and longitude swapped? Bench skipped.`
        : `${where()}: lat ${lat} / lon ${lon} liegt weit entfernt von allen anderen Bänken – Breite und Länge vertauscht? Bank übersprungen.`;
      ctx.warn(message, { code: 'item.position', path: where(), item: b.name, severity: 'error' });
      return false;
    }
  }
  return true;
}

/** The median latitude and longitude (where most benches are), for telling swapped coordinates. */
function middle(all: BenchInput[]): { lat: number; lon: number } {
  // Typed arrays sort numbers natively (100,000 benches: a few ms instead of ~40 ms); one plain
  // indexed loop fills both (a for…of with a computed key cost 9 ms for 10,000 in a cold page).
  const lats = new Float64Array(all.length);
  const lons = new Float64Array(all.length);
  let a = 0;
  let o = 0;
  for (let i = 0; i < all.length; i++) {
    const p = all[i].position;
    if (Number.isFinite(p.lat)) lats[a++] = p.lat;
    if (Number.isFinite(p.lon)) lons[o++] = p.lon;
  }
  const mid = (values: Float64Array, n: number) => (n ? values.subarray(0, n).sort()[n >> 1] : 0);
  return { lat: mid(lats, a), lon: mid(lons, o) };
}

/**
 * A bench of the feed. Its `label` (the marker's name: the town added when the name lacks it)
 * folds two strings, so it is worked out when a marker first needs it, not for all 10,000.
 */
class FeedBench implements Bench {
  id: string;
  lat: number;
  lon: number;
  name: string;
  municipality?: string;
  destinations: Destination[];
  otherDestinations: boolean;
  restingSign: boolean;
  howItWorks?: string;
  location?: string;
  photo?: { src: string; alt: string; credit?: string };
  accessibility?: string;
  busStops: BusStop[];
  private text?: string;

  constructor(b: BenchInput, destinations: Destination[], photo: FeedBench['photo']) {
    this.id = b.id;
    this.lat = b.position.lat;
    this.lon = b.position.lon;
    this.name = b.name;
    this.municipality = b.municipality;
    this.destinations = destinations;
    this.otherDestinations = b.otherDestinations;
    this.restingSign = b.restingSign;
    this.howItWorks = b.howItWorks;
    this.location = b.location;
    this.photo = photo;
    this.accessibility = b.accessibility;
    this.busStops = b.busStops.length ? b.busStops.map((s) => (typeof s === 'string' ? { name: s } : s)) : [];
  }

  get label(): string {
    const m = this.municipality;
    return (this.text ??= m && !fold(this.name).includes(fold(m)) ? `${this.name}, ${m}` : this.name);
  }
}

function toBench(b: BenchInput, ids: Set<string>, ctx: FeedContext, fold: (s: string) => string, shared: Map<string, Destination>): Bench {
  const destinations: Destination[] = [];
  const list = b.destinations;
  // Most benches: two or three destination names, each folded once per feed, object shared.
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    const name = typeof d === 'string' ? d : d.name;
    const ret = typeof d === 'string' ? undefined : d.returnBench;
    const back = ret ? (ids.has(ret) && ret !== b.id ? 'id' : 'text') : '';
    const cacheKey = back ? `${back}\u0000${ret}\u0000${name}` : name;
    let dest = shared.get(cacheKey);
    if (!dest) {
      const key = fold(name);
      dest = { name, key, ...(back === 'id' ? { returnId: ret } : back === 'text' ? { returnText: ret } : {}) };
      shared.set(cacheKey, dest);
    }
    if (i > 0 && destinations.some((x) => x.key === dest.key)) continue;
    destinations.push(dest);
  }
  const src = b.photo && safeUrl(b.photo.src, ctx, `benches („${b.name}“).photo.src`, b.name);
  return new FeedBench(b, destinations, src ? { src, alt: b.photo!.alt.trim(), credit: b.photo!.credit } : undefined);
}

function parseRegion(raw: unknown, ctx: FeedContext): Region | undefined {
  if (raw == null) return undefined;
  // A plainly valid region (texts and a contact of texts) is read directly, the rest by the schema.
  const fast = fastRegion(raw);
  const result = fast ? { success: true as const, output: fast } : v.safeParse(schemas().region, raw, { lang: ctx.lang });
  if (!result.success) {
    const why = result.issues[0]?.message ?? '?';
    ctx.warn(ctx.lang === 'en' ? `region skipped – ${why}` : `region übersprungen – ${why}`, {
      code: 'region.invalid',
      path: 'region',
      severity: 'error',
    });
    return undefined;
  }
  const r = result.output;
  const c = r.contact;
  const contact = c && {
    name: c.name,
    phone: c.phone,
    tel: safeTel(c.phone),
    email: c.email,
    mailto: safeMail(c.email),
    url: safeUrl(c.url, ctx, 'region.contact.url'),
  };
  return { ...r, contact };
}
