/**
 * A small, forgiving CSV reader (RFC 4180 plus what spreadsheet exports really contain):
 * quoted fields with doubled quotes and line breaks, a byte-order mark, CRLF/LF/CR line ends,
 * and comma, semicolon or tab as separator (detected from the header line).
 * Generic on purpose: nothing here knows about a widget, so it can move to src/core later.
 */

/** A CSV problem a webmaster can fix; `line` is the 1-based physical line in the file. */
export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`Zeile ${line}: ${message}`);
  }
}

export interface CsvRow {
  /** 1-based line on which the record starts (records may span lines inside quotes). */
  line: number;
  cells: string[];
}

export type CsvDelimiter = ',' | ';' | '\t';

/** The separator used most often outside quotes on the first line. Comma when none is found. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as CsvDelimiter]++;
  }
  return (Object.keys(counts) as CsvDelimiter[]).reduce((best, d) => (counts[d] > counts[best] ? d : best), ',');
}

/**
 * Splits CSV text into records. Blank lines are skipped. Throws a CsvError naming the line for
 * a quote that is never closed or text right after a closing quote.
 */
export function parseCsv(input: string, delimiter: CsvDelimiter = detectDelimiter(input.replace(/^\uFEFF/, ''))): CsvRow[] {
  const text = input.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoteLine = 0;
  let i = 0;
  const n = text.length;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (cells.length > 1 || cells[0].trim() !== '') rows.push({ line: start, cells });
    cells = [];
  };
  while (i < n) {
    const c = text[i];
    if (c === '"' && cell.trim() === '') {
      // A quoted field: read up to the closing quote, keeping doubled quotes and line breaks.
      quoteLine = line;
      cell = '';
      i++;
      for (;;) {
        if (i >= n) throw new CsvError('Anführungszeichen wird nie geschlossen (Feld beginnt hier).', quoteLine);
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\r' || q === '\n') {
          if (q === '\r' && text[i + 1] === '\n') i++;
          line++;
          cell += '\n';
          i++;
          continue;
        }
        cell += q;
        i++;
      }
      // Only spaces may follow before the separator or the line end.
      while (i < n && (text[i] === ' ' || text[i] === '\t') && text[i] !== delimiter) i++;
      if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
        throw new CsvError(`nach einem schließenden Anführungszeichen folgt „${text.slice(i, i + 12)}“ statt eines Trennzeichens („${delimiter === '\t' ? 'Tab' : delimiter}“). Anführungszeichen in einem Feld müssen verdoppelt werden ("").`, line);
      }
      // Mark the cell as quoted-complete: the loop below sees the separator next.
      cells.push(cell);
      cell = '';
      if (i >= n) {
        rows.push({ line: start, cells });
        cells = [];
        return rows;
      }
      if (text[i] === delimiter) {
        i++;
        if (i >= n) {
          cells.push('');
          rows.push({ line: start, cells });
          return rows;
        }
        continue;
      }
      // line end after a quoted field
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      i++;
      rows.push({ line: start, cells });
      cells = [];
      line++;
      start = line;
      continue;
    }
    if (c === delimiter) {
      endCell();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      i++;
      line++;
      start = line;
      continue;
    }
    cell += c;
    i++;
  }
  if (cell !== '' || cells.length) endRow();
  return rows;
}

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
  const rows = parseCsv(text);
  if (!rows.length) throw new CsvError('die Datei ist leer (erwartet wird eine Kopfzeile mit Spaltennamen).', 1);
  const [head, ...body] = rows;
  const canonical = new Map((options.required ?? []).map((name) => [name.toLowerCase(), name]));
  const header = head.cells.map((h) => {
    const name = h.trim();
    return canonical.get(name.toLowerCase()) ?? name;
  });
  const missing = (options.required ?? []).filter((name) => !header.includes(name));
  if (missing.length) {
    throw new CsvError(`Spalte(n) fehlen in der Kopfzeile: ${missing.join(', ')}. Gefunden: ${header.filter(Boolean).join(', ') || '–'}.`, head.line);
  }
  const out: CsvRecord[] = [];
  for (const row of body) {
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
