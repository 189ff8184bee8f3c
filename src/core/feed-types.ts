/**
 * The contract between the feed controller and the formats and parsers of the widgets.
 * Parsers, adapters, the controller and the feed checker all import from here (types and one
 * tiny helper), so no import cycle runs through the controller.
 */
import type { Lang } from './i18n.js';

/**
 * How much a warning matters: `error` (an item or value was dropped: visitors miss something),
 * `warning` (read, but probably not what was meant), `note` (repaired or ignored, nothing lost).
 */
export type Severity = 'error' | 'warning' | 'note';

/**
 * Stable codes of everything a parser reports. Tools (the feed checker) classify by these,
 * never by a message's wording, which may change any time.
 */
export type WarningCode =
  // an item of a list
  | 'item.invalid' // failed its schema: skipped
  | 'item.duplicate' // same id twice: the second is skipped
  | 'item.position' // coordinates out of range or far from the rest (swapped?): skipped
  | 'item.location' // one place of a partner failed its schema: skipped
  | 'item.label' // no name found, a fallback is shown
  | 'item.geometry' // GeoJSON/Overpass element without a usable point: skipped
  | 'item.kind' // OpenStreetMap elements that are not what the widget shows (or none tagged so)
  // links and images (safeUrl)
  | 'url.not-text'
  | 'url.invalid'
  | 'url.unsafe' // not http(s): dropped
  | 'logo.unsafe-src' // logo not http(s): the name is shown as text
  | 'logo.size' // logo without width/height
  // values
  | 'value.unknown' // unknown category, status or colour: shown with a fallback
  | 'value.contact' // phone or e-mail not usable as a link
  | 'value.range' // a size or count beyond what the widget allows: capped
  | 'value.rule' // a rule that cannot be evaluated: shown as text
  | 'group.invalid' // a group's partner list is broken
  | 'group.empty' // a group without valid partners: skipped
  | 'region.invalid'
  // spreadsheets
  | 'csv.column.duplicate'
  | 'csv.column.unknown'
  | 'csv.row.extra-cells'
  | 'csv.cell.empty' // a required cell is empty: the row is skipped
  | 'csv.cell.type' // not a number, yes/no or date: left out
  | 'csv.cell.value'; // the widget's own check of a cell (range, missing partner coordinate …)

/** What a parser reports besides the message: a stable code for tools, where, how bad. */
export interface WarningInfo {
  code: WarningCode;
  /**
   * Where in the feed: a path in the data (`ideas „sofa“: image.src`, `region.contact.url`), or for
   * a spreadsheet the column as the file writes it (`Ziele`).
   */
  path?: string;
  /** The spreadsheet line. */
  line?: number;
  /** Id or name of the item concerned, so a tool can find it in the data (and its line). */
  item?: string;
  /** `warning` when absent. */
  severity?: Severity;
}

/** One structured warning about a feed, as the console and the feed checker receive it. */
export interface FeedWarning extends WarningInfo {
  severity: Severity;
  /** For people (German, the webmaster's language), with its place; may change any time. */
  message: string;
}

/** The warning a context's `warn(message, info)` call stands for. */
export const toWarning = (message: string, info: WarningInfo): FeedWarning => ({ ...info, severity: info.severity ?? 'warning', message });

/** What a parser gets besides the raw feed. */
export interface FeedContext {
  /** Relative URLs in the feed resolve against this (the feed's own URL). */
  baseUrl: string;
  lang: Lang;
  /**
   * Reports a skipped or repaired item. The feed controller collects the warnings of one load
   * into one console message; the feed checker sorts them by `info.code`.
   */
  warn(message: string, info: WarningInfo): void;
}

/** A format (CSV, GeoJSON, a platform's API), loaded lazily when `format` names it. */
export interface FeedAdapter {
  /** Body for platforms that are queried by POST (GraphQL). */
  requestBody?(url: string, lang: Lang): string;
  /** Turns the response text into data (or a promise of it: a big file in slices); JSON.parse when absent. */
  decode?(text: string, ctx: FeedContext): unknown;
  /** Maps the decoded data into the widget's native shape. */
  map?(raw: unknown, ctx: FeedContext): unknown;
}

/** The formats a widget lists itself: `format="…"` names a key; each loads its module lazily. */
export type FeedAdapters = Record<string, () => Promise<FeedAdapter>>;

/**
 * What a format's detector may look at when `format` is absent: the response's content type,
 * the URL's path, the text and, when the text is JSON, the parsed value (undefined otherwise).
 */
export interface Probe {
  contentType: string;
  path: string;
  text: string;
  json: unknown;
}

/** A format's cheap check whether a response is in that format (no full parse, no validation). */
export type Detector = (probe: Probe) => boolean;

/** Detectors by format name; a widget lists those it can read and those it only recognises. */
export type Detectors = Record<string, Detector>;
