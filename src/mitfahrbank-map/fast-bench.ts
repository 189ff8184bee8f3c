import { fold } from '../core/text.js';
import type { BenchInput, RegionInput } from './mitfahrbank-map.rules.js';

/*
 * A feed of 100,000 benches spends most of its parse time in valibot's generic machinery. This
 * reads the common, plainly valid bench (and region) directly and gives exactly what the schema
 * would; the demo feed's first screen then builds no schema at all (mitfahrbank-map.rules.ts).
 * Anything it is not sure about (string coordinates, a wrong type, an empty name, …) returns
 * undefined, and the bench goes through `BenchSchema` as before, with the same warnings.
 */

type Obj = Record<string, unknown>;
const FAIL = Symbol('fail');
type Maybe<T> = T | typeof FAIL;

const isObject = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Longer text is cut by the schema (core/validate.ts): it decides, with its "…". */
const MAX_TEXT = 20000;

/** `text()`: a non-empty trimmed string. */
function text(x: unknown): Maybe<string> {
  if (typeof x !== 'string') return FAIL;
  const s = x.trim();
  return s === '' || s.length > MAX_TEXT ? FAIL : s;
}

/** `optionalText()`: undefined stays, empty becomes undefined. */
function optionalText(x: unknown): Maybe<string | undefined> {
  if (x === undefined) return undefined;
  if (typeof x !== 'string') return FAIL;
  const s = x.trim();
  return s === '' ? undefined : s.length > MAX_TEXT ? FAIL : s;
}

function flag(x: unknown): Maybe<boolean> {
  if (x === undefined) return false;
  return typeof x === 'boolean' ? x : FAIL;
}

function coordinate(x: unknown): Maybe<number> {
  return typeof x === 'number' && Number.isFinite(x) ? x : FAIL;
}

function destinations(x: unknown): Maybe<BenchInput['destinations']> {
  if (x === undefined) return [];
  if (!Array.isArray(x)) return FAIL;
  const out: BenchInput['destinations'] = [];
  for (const d of x) {
    if (typeof d === 'string') {
      const name = text(d);
      if (name === FAIL) return FAIL;
      out.push(name);
    } else if (isObject(d)) {
      const name = text(d.name);
      const returnBench = optionalText(d.returnBench);
      if (name === FAIL || returnBench === FAIL) return FAIL;
      out.push({ name, returnBench });
    } else return FAIL;
  }
  return out;
}

function busStops(x: unknown): Maybe<BenchInput['busStops']> {
  if (x === undefined) return [];
  if (!Array.isArray(x)) return FAIL;
  const out: BenchInput['busStops'] = [];
  for (const s of x) {
    if (typeof s === 'string') {
      const name = text(s);
      if (name === FAIL) return FAIL;
      out.push(name);
    } else if (isObject(s)) {
      const name = text(s.name);
      const lines = optionalText(s.lines);
      const distance = s.distance;
      if (name === FAIL || lines === FAIL) return FAIL;
      if (distance !== undefined && (typeof distance !== 'number' || Number.isNaN(distance) || distance < 0)) return FAIL;
      // Only the keys the feed has, as valibot's object does (the stop is passed on as it is).
      const stop: { name: string; lines?: string; distance?: number } = { name };
      if ('lines' in s) stop.lines = lines;
      if ('distance' in s) stop.distance = distance as number | undefined;
      out.push(stop);
    } else return FAIL;
  }
  return out;
}

function photo(x: unknown): Maybe<BenchInput['photo']> {
  if (x === undefined) return undefined;
  if (!isObject(x)) return FAIL;
  const src = text(x.src);
  const credit = optionalText(x.credit);
  const alt = x.alt === undefined ? '' : x.alt;
  if (src === FAIL || credit === FAIL || typeof alt !== 'string') return FAIL;
  return { src, alt, credit };
}

/** The bench as `BenchSchema` outputs it, or undefined when the schema must decide. */
export function fastBench(x: unknown): BenchInput | undefined {
  if (!isObject(x)) return undefined;
  const rawId = x.id;
  const id = typeof rawId === 'number' ? (Number.isNaN(rawId) ? FAIL : String(rawId)) : text(rawId);
  const name = text(x.name);
  const position = x.position;
  if (id === FAIL || name === FAIL || !isObject(position)) return undefined;
  const lat = coordinate(position.lat);
  const lon = coordinate(position.lon);
  const municipality = optionalText(x.municipality);
  const dest = destinations(x.destinations);
  const otherDestinations = flag(x.otherDestinations);
  const restingSign = flag(x.restingSign);
  const howItWorks = optionalText(x.howItWorks);
  const location = optionalText(x.location);
  const pic = photo(x.photo);
  const accessibility = optionalText(x.accessibility);
  const stops = busStops(x.busStops);
  if (
    lat === FAIL ||
    lon === FAIL ||
    municipality === FAIL ||
    dest === FAIL ||
    otherDestinations === FAIL ||
    restingSign === FAIL ||
    howItWorks === FAIL ||
    location === FAIL ||
    pic === FAIL ||
    accessibility === FAIL ||
    stops === FAIL
  ) {
    return undefined;
  }
  return {
    id,
    name,
    position: { lat, lon },
    municipality,
    destinations: dest,
    otherDestinations,
    restingSign,
    howItWorks,
    location,
    photo: pic,
    accessibility,
    busStops: stops,
  };
}

/** Only the keys the input has, as valibot's object gives them; FAIL when one is not optional text. */
function texts<K extends string>(x: Obj, keys: readonly K[]): Maybe<Partial<Record<K, string | undefined>>> {
  const out: Partial<Record<K, string | undefined>> = {};
  for (const key of keys) {
    if (!(key in x)) continue;
    const value = optionalText(x[key]);
    if (value === FAIL) return FAIL;
    out[key] = value;
  }
  return out;
}

/** The region as `RegionSchema` outputs it, or undefined when the schema must decide (and warn). */
export function fastRegion(x: unknown): RegionInput | undefined {
  if (!isObject(x)) return undefined;
  const region = texts(x, ['title', 'intro', 'howToRide', 'drivers'] as const);
  if (region === FAIL) return undefined;
  if (!('contact' in x)) return region;
  if (x.contact === undefined) return { ...region, contact: undefined };
  if (!isObject(x.contact)) return undefined;
  const contact = texts(x.contact, ['name', 'phone', 'email', 'url'] as const);
  return contact === FAIL ? undefined : { ...region, contact };
}

const ascii = /^[\0-\x7f]*$/;

/**
 * `fold` for many strings of one feed: plain ASCII is folded directly (the same result: no
 * umlauts, ß or accents to replace), repeated strings (destinations, towns) are folded once.
 */
export function folder(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let f = seen.get(s);
    if (f === undefined) {
      f = ascii.test(s) ? s.toLowerCase().replace(/([aou])e/g, '$1') : fold(s);
      if (seen.size < 10000) seen.set(s, f);
    }
    return f;
  };
}
