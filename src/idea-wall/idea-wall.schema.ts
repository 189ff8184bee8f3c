import * as v from 'valibot';
import { TimelineSchema } from '../core/follow-through.js';
import { optionalText, text } from '../core/validate.js';

/** Ids may be numbers in exported data; they are used as text. */
const id = () => v.pipe(v.union([v.string(), v.number()]), v.transform(String), v.trim(), v.minLength(1));
const optionalDate = () => optionalText();
const count = () => v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)));

export const CategorySchema = v.object({
  id: id(),
  label: text(),
  /** CSS colour for the category's tape and chip (hex, rgb(), hsl()). */
  color: optionalText(),
});

/** A feed-defined status; `base` names the built-in status it behaves like (order, icon). */
export const StatusSchema = v.object({
  id: id(),
  label: text(),
  color: optionalText(),
  base: optionalText(),
});

// The timeline of the follow-through is shared (core/follow-through.ts).
export { TimelineSchema };

export const IdeaSchema = v.object({
  id: id(),
  /** Human reference, e.g. `2024-017`. */
  reference: optionalText(),
  title: text(),
  description: v.optional(v.string(), ''),
  category: v.optional(v.union([v.string(), v.number()])),
  tags: v.optional(v.array(v.string()), []),
  created: optionalDate(),
  author: optionalText(),
  group: optionalText(),
  /** A status id from the vocabulary (see README) or from the feed's `statuses`. */
  status: optionalText(),
  /** Why an idea is not pursued or was withdrawn. */
  statusReason: optionalText(),
  answer: v.optional(v.object({ text: text(), date: optionalDate(), by: optionalText() })),
  supporters: count(),
  /** No support button (an item imported without a stable id, or closed for support). */
  readOnly: v.optional(v.boolean()),
  progress: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
  nextSteps: optionalText(),
  responsible: optionalText(),
  due: optionalDate(),
  timeline: v.optional(v.array(v.unknown()), []),
  image: v.optional(v.object({ src: text(), alt: v.optional(v.string(), ''), credit: optionalText() })),
  location: v.optional(v.object({ label: optionalText(), lat: v.optional(v.number()), lng: v.optional(v.number()) })),
});

export const FeedSchema = v.object({
  schemaVersion: v.optional(v.number()),
  title: optionalText(),
  intro: optionalText(),
  categories: v.optional(v.array(v.unknown()), []),
  statuses: v.optional(v.array(v.unknown()), []),
  ideas: v.array(v.unknown()),
  /** URL of the next page of ideas (large walls). */
  next: optionalText(),
  /** How many ideas the feed holds in all its pages (or, for a search, how many match). */
  total: v.optional(v.unknown()),
  /** The query parameters the server understands (`search`, `category`, `status` …): the wall then asks it to search and filter. */
  query: v.optional(v.unknown()),
});

export type IdeaInput = v.InferOutput<typeof IdeaSchema>;

/** The whole feed, strictly, for the generated JSON Schema (the widget itself validates item by item). */
export const documentTitle = 'stadttraum <idea-wall> feed';
export const documentSchema = v.object({
  ...FeedSchema.entries,
  categories: v.optional(v.array(CategorySchema)),
  statuses: v.optional(v.array(StatusSchema)),
  ideas: v.array(v.object({ ...IdeaSchema.entries, timeline: v.optional(v.array(TimelineSchema)) })),
  total: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  query: v.optional(v.array(v.string())),
});
