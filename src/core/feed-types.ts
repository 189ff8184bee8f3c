/**
 * The contract between the feed controller and the formats and parsers of the widgets.
 * Types only: parsers, adapters and the controller all import from here, so no import cycle
 * runs through the controller.
 */
import type { Lang } from './i18n.js';

/**
 * How much a warning matters: `error` (an item or value was dropped: visitors miss something),
 * `warning` (read, but probably not what was meant), `note` (repaired or ignored, nothing lost).
 */
export type Severity = 'error' | 'warning' | 'note';

/** What a parser reports besides the message: a stable code for tools, where, how bad. */
export interface WarningInfo {
  /** Stable, dotted, e.g. `item.invalid`, `url.unsafe`, `csv.cell.empty`; tools classify by it, never by the wording. */
  code: string;
  /** Where in the feed: `ideas[3].title`, `Zeile 14, Spalte „Ziele“`. */
  path?: string;
  /** `warning` when absent. */
  severity?: Severity;
}

/** One structured warning about a feed, as the console and the feed checker receive it. */
export interface FeedWarning extends WarningInfo {
  severity: Severity;
  /** For people (German, the webmaster's language); may change any time. */
  message: string;
}

/** What a parser gets besides the raw feed. */
export interface FeedContext {
  /** Relative URLs in the feed resolve against this (the feed's own URL). */
  baseUrl: string;
  lang: Lang;
  /**
   * Reports a skipped or repaired item. The feed controller collects the warnings of one load
   * into one console message; the feed checker sorts them by `info.code`.
   */
  warn(message: string, info?: WarningInfo): void;
}

/** A format (CSV, GeoJSON, a platform's API), loaded lazily when `format` names it. */
export interface FeedAdapter {
  /** Body for platforms that are queried by POST (GraphQL). */
  requestBody?(url: string): string;
  /** Turns the response text into data; JSON.parse when absent. */
  decode?(text: string, ctx: FeedContext): unknown;
  /** Maps the decoded data into the widget's native shape. */
  map?(raw: unknown, ctx: FeedContext): unknown;
}

/** The formats a widget lists itself: `format="…"` names a key; each loads its module lazily. */
export type FeedAdapters = Record<string, () => Promise<FeedAdapter>>;
