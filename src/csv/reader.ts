/**
 * The shared spreadsheet reader: CSV as Excel, LibreOffice, Numbers, Nextcloud and Google Sheets
 * write it. RFC 4180 plus what real exports contain: a byte-order mark, comma, semicolon or tab
 * as separator (detected), quoted fields with doubled quotes and line breaks, CRLF/LF/CR line
 * ends, blank lines, and Excel's empty columns at the end of every row.
 * Nothing here knows about a widget; the column mappings live in `<widget>.csv.ts`.
 */

/** A CSV problem a volunteer can fix; `line` is the line as a text editor or spreadsheet counts it (1-based). */
export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    readonly reason: string,
    readonly line: number,
    /** The same in English, for English pages. */
    readonly reasonEn = reason,
  ) {
    super(`Zeile ${line}: ${reason}`);
  }

  /** The message in the page's language. */
  text(lang: string): string {
    return lang === 'en' ? `Line ${this.line}: ${this.reasonEn}` : this.message;
  }
}

export interface CsvRecord {
  /** 1-based line on which the record starts (a record may span lines inside quotes). */
  line: number;
  cells: string[];
}

export type Delimiter = ',' | ';' | '\t';

/** The separator used most often outside quotes on the first line; comma when none is found. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as Delimiter]++;
  }
  // Ties go to the semicolon (German Excel writes it); comma when the line has no separator at all.
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as Delimiter[])
    if (counts[d] > counts[best] || (d === ';' && counts[d] > 0 && counts[d] === counts[best])) best = d;
  return best;
}

const delimName = (d: Delimiter) => (d === '\t' ? 'Tabulator' : `„${d}“`);

/**
 * Splits CSV text into records. Blank lines are skipped. Throws a CsvError naming the line for a
 * quote that is never closed or text right after a closing quote.
 */
export function parseCsv(input: string, delimiter?: Delimiter): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const d = delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false; // the current cell was quoted (its spaces are kept)
  let line = 1;
  let start = 1;
  let i = 0;
  const n = text.length;
  const endCell = () => {
    cells.push(quoted ? cell : cell.trim());
    cell = '';
    quoted = false;
  };
  const endRecord = () => {
    endCell();
    if (cells.some((c) => c !== '')) records.push({ line: start, cells });
    cells = [];
  };
  while (i < n) {
    const c = text[i];
    if (c === '"' && !quoted && cell.trim() === '') {
      const opened = line;
      cell = '';
      quoted = true;
      i++;
      for (;;) {
        if (i >= n)
          throw new CsvError(
            'Ein Anführungszeichen (") wird geöffnet, aber nie geschlossen. Prüfen Sie das Feld, das hier beginnt.',
            opened,
            'A quotation mark (") is opened but never closed. Check the field that starts here.',
          );
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
      while (i < n && (text[i] === ' ' || text[i] === '\t') && text[i] !== d) i++;
      if (i < n && text[i] !== d && text[i] !== '\n' && text[i] !== '\r') {
        throw new CsvError(
          `Nach einem schließenden Anführungszeichen steht „${text.slice(i, i + 12).split(/[\r\n]/)[0]}“ statt des Trennzeichens ${delimName(d)}. Ein Anführungszeichen innerhalb eines Feldes muss verdoppelt werden ("").`,
          line,
          `After a closing quotation mark there is “${text.slice(i, i + 12).split(/[\r\n]/)[0]}” instead of the separator ${d === '\t' ? 'tab' : `“${d}”`}. A quotation mark inside a field must be doubled ("").`,
        );
      }
      continue;
    }
    if (c === d) {
      endCell();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      i++;
      line++;
      start = line;
      continue;
    }
    cell += c;
    i++;
  }
  if (cell !== '' || quoted || cells.length) endRecord();
  return records;
}

export interface CsvTable {
  /** Column names as written in the header row (trimmed). */
  header: string[];
  rows: CsvRecord[];
  delimiter: Delimiter;
  /** The header row's line (1 unless blank lines come first). */
  headerLine: number;
}

/**
 * A header row and the records under it. Excel's empty trailing columns (a spreadsheet once
 * wider than its data writes `;;;` at the end of every line) are dropped from header and rows.
 */
export function readTable(text: string): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(clean);
  const records = parseCsv(clean, delimiter);
  if (!records.length)
    throw new CsvError(
      'Die Datei ist leer. Erwartet wird eine Kopfzeile mit den Spaltennamen und darunter eine Zeile je Eintrag.',
      1,
      'The file is empty. Expected: a header line with the column names and below it one line per entry.',
    );
  const [head, ...rows] = records;
  let width = head.cells.length;
  while (width > 0 && head.cells[width - 1] === '') width--;
  const header = head.cells.slice(0, width).map((h) => h.replace(/\s+/g, ' ').trim());
  for (const row of rows) {
    let w = row.cells.length;
    while (w > width && row.cells[w - 1] === '') w--;
    row.cells.length = w;
  }
  return { header, rows, delimiter, headerLine: head.line };
}
