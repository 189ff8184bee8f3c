/**
 * A spreadsheet export, told by its content type, its file ending or a sheet service's export
 * link (`output=csv`, `format=csv`), when no `format` is set. The widgets' feeds and the feed
 * checker decide the same way.
 */
export function looksLikeCsv(contentType: string, url: string): boolean {
  return /\bcsv\b/i.test(contentType) || /\.csv($|[?#])/i.test(new URL(url).pathname) || /output=csv|format=csv/i.test(url);
}
