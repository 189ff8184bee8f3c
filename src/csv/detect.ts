import type { Probe } from '../core/feed-types.js';

/**
 * A spreadsheet export: told by its content type, its file ending or the export links of
 * Google Sheets and Nextcloud (`output=csv`, `format=csv`), else by its first line: text that is
 * not JSON or HTML, with at least two separated cells. A detector only; reading is csvAdapter's.
 */
export function detectCsv({ contentType, path, text, json }: Probe): boolean {
  if (/\bcsv\b/i.test(contentType) || /\.csv$/i.test(path) || /[?&](output|format)=csv\b/i.test(path)) return true;
  if (json !== undefined || /json|html|xml/i.test(contentType)) return false;
  const first =
    text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .split(/\r\n|\n|\r/, 1)[0] ?? '';
  return !/^[[{<]/.test(first) && /[^;,\t]+[;,\t][^;,\t]*/.test(first);
}
