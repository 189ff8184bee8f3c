import * as v from 'valibot';
import { localTextSchema } from '../core/local-text.js';
import { optionalText, text } from '../core/validate.js';

/** German text, or `{ "de": "…", "en": "…" }`. */
export const LocalTextSchema = localTextSchema();
const optionalLocal = () => v.optional(LocalTextSchema);
const id = () => v.union([text(), v.number()]);

export const LocationSchema = v.object({
  street: optionalText(),
  postalCode: v.optional(v.union([v.string(), v.number()])),
  city: optionalText(),
  lat: v.optional(v.pipe(v.number(), v.minValue(-90), v.maxValue(90))),
  lng: v.optional(v.pipe(v.number(), v.minValue(-180), v.maxValue(180))),
});

export const PartnerSchema = v.object({
  id: v.optional(id()),
  name: text(),
  category: v.optional(id()),
  benefit: optionalLocal(),
  locations: v.optional(v.array(v.unknown())),
  website: optionalText(),
  phone: optionalText(),
  email: optionalText(),
  hours: optionalLocal(),
});

export const CategorySchema = v.object({
  id: id(),
  label: LocalTextSchema,
  colour: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^#[0-9a-f]{6}$/i, (i) =>
        i.lang === 'en' ? `expected #rrggbb, received ${i.received}` : `erwartet #rrggbb, erhalten ${i.received}`,
      ),
    ),
  ),
  icon: optionalText(),
});

/** Rules are checked by the rule reader (unknown types are kept as text), so the shape here is loose. */
export const RuleSchema = v.looseObject({
  type: v.string(),
  of: v.optional(v.array(v.unknown())),
  min: v.optional(v.number()),
  max: v.optional(v.number()),
  id: v.optional(v.string()),
  question: optionalLocal(),
  label: optionalLocal(),
  text: optionalLocal(),
});

export const TierSchema = v.object({
  id: id(),
  name: LocalTextSchema,
  /** `blue`, `gold`, `green`, `red`, `silver` (theme tokens) or `#rrggbb`. */
  colour: optionalText(),
  /** Years a card is valid, or `unlimited` (e.g. Bavaria's gold card); absent: the face says nothing about it. */
  validityYears: v.optional(v.union([v.pipe(v.number(), v.minValue(0)), v.picklist(['unlimited'])])),
  description: optionalLocal(),
  rule: v.optional(v.unknown()),
});

export const ApplySchema = v.object({
  url: optionalText(),
  formUrl: optionalText(),
  office: optionalLocal(),
  address: optionalLocal(),
  phone: optionalText(),
  email: optionalText(),
  hours: optionalLocal(),
  costs: optionalLocal(),
  note: optionalLocal(),
});

export const FeedSchema = v.object({
  schemaVersion: v.optional(v.number()),
  name: LocalTextSchema,
  issuer: optionalLocal(),
  region: optionalLocal(),
  description: optionalLocal(),
  benefits: v.optional(v.array(LocalTextSchema)),
  /** Weeks per year used to turn hours per week into hours per year (default 50). */
  weeksPerYear: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(53))),
  tiers: v.optional(v.array(v.unknown())),
  apply: v.optional(ApplySchema),
  categories: v.optional(v.array(v.unknown())),
  partners: v.optional(v.array(v.unknown())),
});

/** A partners-only feed (`partners-src`): `{ "partners": [...] }` or a bare list. */
export const PartnerFeedSchema = v.object({
  categories: v.optional(v.array(v.unknown())),
  partners: v.array(v.unknown()),
});

/** The whole feed, strictly, for the generated JSON Schema (the widget itself validates item by item). */
export const documentTitle = 'stadttraum <ehrenamt-card> feed';
export const documentSchema = v.object({
  ...FeedSchema.entries,
  tiers: v.optional(v.array(v.object({ ...TierSchema.entries, rule: v.optional(RuleSchema) }))),
  categories: v.optional(v.array(CategorySchema)),
  partners: v.optional(v.array(v.object({ ...PartnerSchema.entries, locations: v.optional(v.array(LocationSchema)) }))),
});
