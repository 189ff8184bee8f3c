/**
 * Records keyed by column name, on top of the shared spreadsheet reader (src/csv/reader.ts),
 * for the Ehrenamtskarte app's fixed import columns.
 */
import { CsvError, readTable } from '../csv/reader.js';

export { CsvError };

export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/**
 * Reads a CSV with a header line into records keyed by column name (trimmed; matched
 * case-insensitively against `required`, whose spelling the keys then use). Throws when a
 * required column is missing; rows whose cell count differs from the header are reported to
 * `skip` (with their line) and left out.
 */
export function readCsvRecords(
  text: string,
  options: { required?: readonly string[]; skip?: (line: number, message: string) => void } = {},
): CsvRecord[] {
  const table = readTable(text);
  const canonical = new Map((options.required ?? []).map((name) => [name.toLowerCase(), name]));
  const header = table.header.map((name) => canonical.get(name.toLowerCase()) ?? name);
  const missing = (options.required ?? []).filter((name) => !header.includes(name));
  if (missing.length) {
    throw new CsvError(`Spalte(n) fehlen in der Kopfzeile: ${missing.join(', ')}. Gefunden: ${header.filter(Boolean).join(', ') || '–'}.`, table.headerLine);
  }
  const out: CsvRecord[] = [];
  for (const row of table.rows) {
    if (row.cells.length !== header.length) {
      options.skip?.(row.line, `${row.cells.length} statt ${header.length} Spalten`);
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name) values[name] = row.cells[i].trim();
    });
    out.push({ line: row.line, values });
  }
  return out;
}
