import { FeedError } from '../core/feed-error.js';
import type { FeedAdapter, FeedContext } from '../core/feed-types.js';
import { CsvError } from './reader.js';
import { headerKey, readSheet, tableOf, type Column, type Sheet } from './sheet.js';

/** A widget's spreadsheet columns and how its rows become the widget's own feed. */
export interface CsvMapping {
  columns: readonly Column[];
  toFeed(sheet: Sheet, ctx: FeedContext): unknown;
  /**
   * For a fixed file format (the Ehrenamtskarte app's import file): headers that must all be in
   * the file, spelt as that format spells them, even when the cells may stay empty. A file
   * without one of them stops with a message naming the missing ones.
   */
  requiredHeaders?: readonly string[];
}

/**
 * Stops the feed when a fixed format's header is missing. A header counts as present when the
 * file has it or any other name of the same column (the app's `discountDE` or the German
 * `Rabatt`): the same file may come with German or English headers.
 */
function checkHeaders(raw: unknown, required: readonly string[], columns: readonly Column[], lang: string): void {
  const table = tableOf(raw, lang);
  const names = (c: Column) => [c.de, c.en, c.key, ...(c.aliases ?? [])].map(headerKey);
  const columnOf = (key: string) => columns.find((c) => names(c).includes(key));
  const have = new Set(table.header.map(headerKey));
  const missing = required.filter((name) => {
    const key = headerKey(name);
    const col = columnOf(key);
    return !have.has(key) && !(col && names(col).some((n) => have.has(n)));
  });
  if (missing.length) {
    const found = table.header.filter(Boolean).join(', ') || '–';
    const error = new CsvError(
      `Spalte(n) fehlen in der Kopfzeile: ${missing.join(', ')}. Gefunden: ${found}.`,
      table.headerLine,
      `Column(s) missing in the header: ${missing.join(', ')}. Found: ${found}.`,
    );
    throw new FeedError('shape', `CSV ${error.text(lang)}`);
  }
}

/**
 * Turns a column mapping into a format adapter, the one CSV path of every widget.
 * `decode` only splits the text into a table (syntax errors stop the feed with their line);
 * `map` reads the columns and reports each problem as "Zeile 14, Spalte „Ziele“: leer" through
 * the feed's warnings. `map` also accepts CSV text, for `data` set to a string.
 */
export function csvAdapter(mapping: CsvMapping): FeedAdapter {
  return {
    decode: (text, ctx) => tableOf(text, ctx.lang),
    map: (raw, ctx) => {
      if (mapping.requiredHeaders) checkHeaders(raw, mapping.requiredHeaders, mapping.columns, ctx.lang);
      return mapping.toFeed(readSheet(raw, mapping.columns, ctx), ctx);
    },
  };
}
