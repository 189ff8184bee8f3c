import type { FeedAdapter, FeedContext } from '../core/feed-controller.js';
import { readSheet, tableOf, type Column, type Sheet } from './sheet.js';

/** A widget's spreadsheet columns and how its rows become the widget's own feed. */
export interface CsvMapping {
  columns: readonly Column[];
  toFeed(sheet: Sheet, ctx: FeedContext): unknown;
}

/** One mapping module per widget, loaded only when a page reads a spreadsheet for that widget. */
export const mappings: Record<string, () => Promise<CsvMapping>> = {
  'idea-wall': () => import('./idea-wall.csv.js'),
  'mitfahrbank-map': () => import('./mitfahrbank-map.csv.js'),
  'ehrenamt-card': () => import('./ehrenamt-card.csv.js'),
  'partner-logos': () => import('./partner-logos.csv.js'),
};

/**
 * `decode` only splits the text into a table (syntax errors stop the feed with their line);
 * `map` reads the columns and reports each problem as "Zeile 14, Spalte „Ziele“: leer" through
 * the feed's warnings. `map` also accepts CSV text, for `data` set to a string.
 */
export function adapterOf(mapping: CsvMapping): FeedAdapter {
  return {
    decode: (text) => tableOf(text),
    map: (raw, ctx) => mapping.toFeed(readSheet(raw, mapping.columns, ctx), ctx),
  };
}

/**
 * Spreadsheets as feeds: the CSV adapter for a widget's main feed, by tag name.
 * Loaded lazily by the feed controller for `format="csv"` or a CSV response.
 */
export async function csvAdapterFor(tag: string): Promise<FeedAdapter | undefined> {
  const load = mappings[tag];
  return load ? adapterOf(await load()) : undefined;
}
