import * as v from 'valibot';
import { optionalText, text } from '../core/validate.js';

/** A coordinate: a number, or a numeric string ("51,72" and "51.72" both work). */
const coordinate = () =>
  v.pipe(
    v.union([
      v.number(),
      v.pipe(
        v.string(),
        v.trim(),
        v.transform((s) => Number(s.replace(',', '.'))),
      ),
    ]),
    v.check(
      (n) => Number.isFinite(n),
      (i) => (i.lang === 'en' ? 'not a number' : 'ist keine Zahl'),
    ),
  );

export const PositionSchema = v.object({ lat: coordinate(), lon: coordinate() });

/** A destination: a name, or a name with the bench that brings you back. */
export const DestinationSchema = v.union([
  text(),
  v.object({
    name: text(),
    /** Id of the return bench in the same feed, or a description of where it stands. */
    returnBench: optionalText(),
  }),
]);

export const BusStopSchema = v.union([
  text(),
  v.object({
    name: text(),
    /** Lines, e.g. "318, 320". */
    lines: optionalText(),
    /** Walking distance in metres. */
    distance: v.optional(v.pipe(v.number(), v.minValue(0))),
  }),
]);

export const PhotoSchema = v.object({
  src: text(),
  alt: v.optional(v.string(), ''),
  credit: optionalText(),
});

export const BenchSchema = v.object({
  id: v.union([text(), v.pipe(v.number(), v.transform(String))]),
  name: text(),
  position: PositionSchema,
  municipality: optionalText(),
  /** Where the bench's signs point; may be empty for a bench with only a blank sign. */
  destinations: v.optional(v.array(DestinationSchema), []),
  /** A blank sign for any other destination. */
  otherDestinations: v.optional(v.boolean(), false),
  /** A "just resting" sign (people can sit without asking for a ride). */
  restingSign: v.optional(v.boolean(), false),
  howItWorks: optionalText(),
  /** Where exactly it stands ("vor dem Edeka, Richtung B185"). */
  location: optionalText(),
  photo: v.optional(PhotoSchema),
  accessibility: optionalText(),
  busStops: v.optional(v.array(BusStopSchema), []),
});

export const ContactSchema = v.object({
  name: optionalText(),
  phone: optionalText(),
  email: optionalText(),
  url: optionalText(),
});

export const RegionSchema = v.object({
  title: optionalText(),
  intro: optionalText(),
  /** How to ride: wait, show the sign, check the driver, … */
  howToRide: optionalText(),
  /** How drivers can join (registration, sticker). */
  drivers: optionalText(),
  contact: v.optional(ContactSchema),
});

export const FeedSchema = v.object({
  schemaVersion: v.optional(v.number()),
  region: v.optional(v.unknown()),
  benches: v.array(v.unknown()),
});

export type BenchInput = v.InferOutput<typeof BenchSchema>;
export type RegionInput = v.InferOutput<typeof RegionSchema>;

/** The whole feed, strictly, for the generated JSON Schema (the widget validates bench by bench). */
export const documentTitle = 'stadttraum <mitfahrbank-map> feed';
export const documentSchema = v.object({
  schemaVersion: v.optional(v.number()),
  region: v.optional(RegionSchema),
  benches: v.array(BenchSchema),
});
