import * as v from 'valibot';
import { optionalText, text } from '../core/validate.js';

/*
 * The feed's valibot schemas, built on first use. A feed whose benches and region are plainly valid
 * is read without them (fast-bench.ts): the first screen of the demo feed evaluates none of the
 * ~50 schema builders (issue 18, first content). A bench the fast reader is not sure about, an odd
 * outer shape or region builds them, once per page, and gets the schema's messages as before.
 * `mitfahrbank-map.schema.ts` exports the same schemas for the feed checker and the JSON Schema.
 */

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

function build() {
  const position = v.object({ lat: coordinate(), lon: coordinate() });

  /** A destination: a name, or a name with the bench that brings you back. */
  const destination = v.union([
    text(),
    v.object({
      name: text(),
      /** Id of the return bench in the same feed, or a description of where it stands. */
      returnBench: optionalText(),
    }),
  ]);

  const busStop = v.union([
    text(),
    v.object({
      name: text(),
      /** Lines, e.g. "318, 320". */
      lines: optionalText(),
      /** Walking distance in metres. */
      distance: v.optional(v.pipe(v.number(), v.minValue(0))),
    }),
  ]);

  const photo = v.object({
    src: text(),
    alt: v.optional(v.string(), ''),
    credit: optionalText(),
  });

  const bench = v.object({
    id: v.union([text(), v.pipe(v.number(), v.transform(String))]),
    name: text(),
    position,
    municipality: optionalText(),
    /** Where the bench's signs point; may be empty for a bench with only a blank sign. */
    destinations: v.optional(v.array(destination), []),
    /** A blank sign for any other destination. */
    otherDestinations: v.optional(v.boolean(), false),
    /** A "just resting" sign (people can sit without asking for a ride). */
    restingSign: v.optional(v.boolean(), false),
    howItWorks: optionalText(),
    /** Where exactly it stands ("vor dem Edeka, Richtung B185"). */
    location: optionalText(),
    photo: v.optional(photo),
    accessibility: optionalText(),
    busStops: v.optional(v.array(busStop), []),
  });

  const contact = v.object({
    name: optionalText(),
    phone: optionalText(),
    email: optionalText(),
    url: optionalText(),
  });

  const region = v.object({
    title: optionalText(),
    intro: optionalText(),
    /** How to ride: wait, show the sign, check the driver, … */
    howToRide: optionalText(),
    /** How drivers can join (registration, sticker). */
    drivers: optionalText(),
    contact: v.optional(contact),
  });

  const feed = v.object({
    schemaVersion: v.optional(v.number()),
    region: v.optional(v.unknown()),
    benches: v.array(v.unknown()),
  });

  return { position, destination, busStop, photo, bench, contact, region, feed };
}

export type Schemas = ReturnType<typeof build>;
let built: Schemas | undefined;

/** The schemas, built the first time they are asked for. */
export const schemas = (): Schemas => (built ??= build());

/** Whether a feed of this page needed them yet (tests: the demo feed must not). */
export const schemasBuilt = (): boolean => built !== undefined;

export type BenchInput = v.InferOutput<Schemas['bench']>;
export type RegionInput = v.InferOutput<Schemas['region']>;
