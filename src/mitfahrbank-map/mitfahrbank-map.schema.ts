/**
 * The feed's schemas for tools: the feed checker and `npm run schemas` (schemas/mitfahrbank-map.schema.json).
 * The widget itself builds them only when a feed needs them (mitfahrbank-map.rules.ts).
 */
import * as v from 'valibot';
import { schemas } from './mitfahrbank-map.rules.js';

const s = schemas();
export const PositionSchema = s.position;
export const DestinationSchema = s.destination;
export const BusStopSchema = s.busStop;
export const PhotoSchema = s.photo;
export const BenchSchema = s.bench;
export const ContactSchema = s.contact;
export const RegionSchema = s.region;
export const FeedSchema = s.feed;

export type { BenchInput, RegionInput } from './mitfahrbank-map.rules.js';

/** The whole feed, strictly, for the generated JSON Schema (the widget validates bench by bench). */
export const documentTitle = 'stadttraum <mitfahrbank-map> feed';
export const documentSchema = v.object({
  schemaVersion: v.optional(v.number()),
  region: v.optional(RegionSchema),
  benches: v.array(BenchSchema),
});
