import * as v from 'valibot';
import { optionalText, text } from '../core/validate.js';

export const PartnerSchema = v.object({
  name: text(),
  url: optionalText(),
  logo: v.optional(
    v.object({
      src: text(),
      width: v.optional(v.number()),
      height: v.optional(v.number()),
    }),
  ),
});

export const GroupSchema = v.object({
  heading: text(),
  notice: optionalText(),
  partners: v.array(v.unknown()),
});

export const FeedSchema = v.object({
  schemaVersion: v.optional(v.number()),
  groups: v.array(v.unknown()),
});

export type PartnerInput = v.InferOutput<typeof PartnerSchema>;

/** The whole feed, strictly, for the generated JSON Schema (the widget itself validates item by item). */
export const documentTitle = 'stadttraum <partner-logos> feed';
export const documentSchema = v.object({
  ...FeedSchema.entries,
  groups: v.array(v.object({ ...GroupSchema.entries, partners: v.array(PartnerSchema) })),
});
