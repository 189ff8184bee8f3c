import * as v from 'valibot';
import { localTextSchema } from '../core/local-text.js';
import { optionalText, text } from '../core/validate.js';

/** A positive size in pixels (or any unit: only the ratio of width to height matters). */
const size = () => v.optional(v.pipe(v.number(), v.finite(), v.minValue(0)));
/** `false` switches a feature off for this group or logo; `true` or missing leaves the widget's setting. */
const flag = () => v.optional(v.boolean());

export const LogoSchema = v.object({
  /** The image file (SVG, PNG, WebP …); http(s) or relative to the feed. */
  src: text(),
  /** Intrinsic width; with `height` it gives the aspect ratio and reserves the space. */
  width: size(),
  /** Intrinsic height. */
  height: size(),
  /** A variant for dark backgrounds (same aspect ratio), used with `theme="dark"` (and `auto` in dark mode). */
  darkSrc: optionalText(),
  /** Text alternative when it should differ from the partner's name. */
  alt: optionalText(),
});

export const PartnerSchema = v.object({
  name: text(),
  /** The partner's website; only http(s) (or relative) becomes a link. */
  url: optionalText(),
  /** Open the link in a new tab (announced to visitors). */
  newTab: flag(),
  logo: v.optional(LogoSchema),
  /** Minimum display height in CSS pixels the funder prescribes; always wins. */
  minHeight: size(),
  /** `false`: this logo always keeps its colours (funder's rule). */
  greyscale: flag(),
  /** `false`: this logo is not scaled by area but shown at the full logo height. */
  scale: flag(),
});

export const GroupSchema = v.object({
  heading: localTextSchema(),
  /** A sentence the funder requires, shown under the logos. */
  notice: v.optional(localTextSchema()),
  /** Minimum display height for every logo of the group (e.g. all funders). */
  minHeight: size(),
  /** `false`: the group's logos always keep their colours. */
  greyscale: flag(),
  /** `false`: the group's logos are not scaled by area. */
  scale: flag(),
  /** Open all links of the group in a new tab. */
  newTab: flag(),
  partners: v.array(v.unknown()),
});

export const FeedSchema = v.object({
  schemaVersion: v.optional(v.number()),
  groups: v.array(v.unknown()),
});

export type PartnerInput = v.InferOutput<typeof PartnerSchema>;

/**
 * The whole feed, strictly, for the generated JSON Schema and the feed checker (the widget itself validates
 * item by item). Built in a pure-annotated call: the widget's bundle drops it instead of building it at import.
 */
export const documentTitle = 'stadttraum <partner-logos> feed';
export const documentSchema = /* @__PURE__ */ (() =>
  v.object({
    ...FeedSchema.entries,
    groups: v.array(v.object({ ...GroupSchema.entries, partners: v.array(PartnerSchema) })),
  }))();
