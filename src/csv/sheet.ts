/**
 * Columns of a spreadsheet feed: documented German and English names (matched case-, accent-,
 * space- and dash-insensitively, "Schlagwörter" = "schlagworter" = "Schlag-Wörter"), one value
 * type per column, and problems reported as "Zeile 14, Spalte „Ziele“: leer".
 */
import { FeedError } from '../core/feed-error.js';
import type { FeedContext, WarningInfo } from '../core/feed-types.js';
import { fold } from '../core/text.js';
import { CsvError, readTable, type CsvTable } from './reader.js';

export type Kind = 'text' | 'number' | 'int' | 'bool' | 'list' | 'date';

export interface Column {
  /** Name in the widget's feed (dotted for nested fields); for documentation and the checker. */
  key: string;
  /** The documented German header, as the template spreadsheet writes it. */
  de: string;
  /** The documented English header. */
  en: string;
  /** Further accepted spellings. */
  aliases?: readonly string[];
  kind?: Kind;
  /** A row without a value here is skipped (with a note naming line and column). */
  required?: boolean;
  /** For `list` columns: a comma separates too (tags); otherwise only `|`, `;` or a line break. */
  commas?: boolean;
  /** What goes in, for the checker and the README. */
  help: { de: string; en: string };
  /** A correct value. */
  example: string;
}

/** Line numbers of the items a spreadsheet produced, so the checker can say "Zeile 14". */
export const sourceLines = new WeakMap<object, number>();

/** "Schlag-Wörter " → "schlagworter": what header names are compared by. */
export const headerKey = (name: string): string => fold(name).replace(/[^a-z0-9]/g, '');

const TRUE = new Set(['ja', 'j', 'x', 'yes', 'y', 'true', 'wahr', '1', 'an', 'on', '✓', '✔']);
const FALSE = new Set(['nein', 'n', 'no', 'false', 'falsch', '0', 'aus', 'off', '-', '–']);

/** "51,7331", "51.7331", "1.234,5" (German thousands), " 40 m" → numbers; NaN when not a number. */
export function toNumber(raw: string): number {
  let s = raw.replace(/\s+/g, '').replace(/[a-z%€]+$/i, '');
  if (s.includes(',') && s.includes('.'))
    s = s.indexOf('.') < s.indexOf(',') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else s = s.replace(',', '.');
  return s === '' ? NaN : Number(s);
}

/** "18.10.2024", "18.10.24", "2024-10-18" → "2024-10-18"; undefined when not a date. */
export function toIsoDate(raw: string): string | undefined {
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) return s.slice(0, 10);
  const m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})$/.exec(s);
  if (!m) return undefined;
  const [, d, mo, y] = m;
  const year = y.length === 2 ? `20${y}` : y;
  const date = new Date(Date.UTC(+year, +mo - 1, +d));
  if (date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d) return undefined;
  return `${year}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * A list inside one cell: `|` wins, then `;`, then line breaks (and commas where allowed).
 * Separators inside parentheses do not split ("Markt (Linie 318; 40 m)").
 */
export function splitList(raw: string, commas = false): string[] {
  const outside = (ch: string) => {
    let depth = 0;
    for (const c of raw) {
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (c === ch && depth === 0) return true;
    }
    return false;
  };
  const sep = ['|', ';', '\n', ...(commas ? [','] : [])].find(outside);
  if (!sep) return raw.trim() ? [raw.trim()] : [];
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of raw) {
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (c === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

export interface Row {
  line: number;
  /** True when the cell has text. */
  has(key: string): boolean;
  text(key: string): string | undefined;
  number(key: string): number | undefined;
  bool(key: string): boolean | undefined;
  list(key: string): string[];
  date(key: string): string | undefined;
  /**
   * Reports a problem with this row's cell: "Zeile 14, Spalte „Ziele“: …" (`info.code` says what
   * for tools). The message is in the feed's language (`ctx.lang`); the place is added here.
   */
  warn(key: string, message: string, info: Pick<WarningInfo, 'code' | 'severity'>): void;
}

export interface Sheet {
  rows: Row[];
  /** Which documented columns the file has. */
  present: Set<string>;
}

/**
 * The place a spreadsheet warning names at its start: "Zeile 14, Spalte „Ziele“: " or "Zeile 1: "
 * ("Line 14, column “Destinations”: " on English pages). The feed checker shows the rest of the
 * message next to the line and column it takes from the warning's `line` and `path`.
 */
export const placeOf = (line: number, column?: string, lang = 'de'): string =>
  lang === 'en' ? `Line ${line}${column ? `, column “${column}”` : ''}: ` : `Zeile ${line}${column ? `, Spalte „${column}“` : ''}: `;

/** The header a volunteer wrote for a column, else the documented one in the page's language. */
function nameOf(col: Column, written: Map<string, string>, en: boolean) {
  return written.get(col.key) ?? (en ? col.en : col.de);
}

/** Parses CSV text into a table; syntax problems become a FeedError the visitor's error view shows. */
export function tableOf(raw: unknown, lang = 'de'): CsvTable {
  const en = lang === 'en';
  if (raw && typeof raw === 'object' && 'header' in raw && 'rows' in raw) return raw as CsvTable;
  if (typeof raw !== 'string')
    throw new FeedError('shape', en ? 'Expected the text of a CSV file.' : 'Erwartet wird der Text einer CSV-Datei.');
  const start = raw.replace(/^\uFEFF/, '').trimStart();
  if (/^<(!doctype|html|head|body|\?xml)/i.test(start)) {
    const quoted = start.slice(0, 60).replace(/\s+/g, ' ');
    throw new FeedError(
      'not-json',
      en
        ? `Received HTML instead of a table (an error or login page, or the link to the view instead of the CSV export?): “${quoted}…”`
        : `HTML statt einer Tabelle erhalten (eine Fehler- oder Anmeldeseite, oder der Link zur Ansicht statt zum CSV-Export?): „${quoted}…“`,
    );
  }
  if (/^[[{]/.test(start)) {
    try {
      JSON.parse(start);
      throw new FeedError(
        'shape',
        en ? 'This is JSON, not a CSV table: leave out format="csv".' : 'Das ist JSON, keine CSV-Tabelle: format="csv" weglassen.',
      );
    } catch (error) {
      if (error instanceof FeedError) throw error;
    }
  }
  try {
    return readTable(raw);
  } catch (error) {
    if (error instanceof CsvError) throw new FeedError('shape', `CSV ${error.text(lang)}`);
    throw error;
  }
}

/**
 * Reads a table against a widget's columns. Unknown columns are noted once; a missing required
 * column stops the feed (nothing could be shown); a required cell left empty skips that row; a
 * value of the wrong type is noted and left out.
 */
export function readSheet(raw: unknown, columns: readonly Column[], ctx: FeedContext): Sheet {
  const table = tableOf(raw, ctx.lang);
  const en = ctx.lang === 'en';
  const byName = new Map<string, Column>();
  for (const col of columns) for (const n of [col.de, col.en, col.key, ...(col.aliases ?? [])]) byName.set(headerKey(n), col);
  const index = new Map<string, number>();
  const written = new Map<string, string>();
  const unknown: string[] = [];
  table.header.forEach((h, i) => {
    const col = byName.get(headerKey(h));
    if (!h) return;
    if (!col) unknown.push(h);
    else if (index.has(col.key)) {
      const first = written.get(col.key);
      ctx.warn(
        `${placeOf(table.headerLine, h, ctx.lang)}${en ? `twice (like “${first}”) – only the first is read.` : `doppelt (wie „${first}“) – nur die erste wird gelesen.`}`,
        { code: 'csv.column.duplicate', line: table.headerLine, path: h },
      );
    } else {
      index.set(col.key, i);
      written.set(col.key, h);
    }
  });
  if (unknown.length) {
    const one = unknown.length === 1;
    ctx.warn(
      placeOf(table.headerLine, undefined, ctx.lang) +
        (en
          ? `${one ? 'column' : 'columns'} ${unknown.map((u) => `“${u}”`).join(', ')} ${one ? 'is' : 'are'} unknown and not read. Known columns: ${columns.map((c) => c.en).join(', ')}.`
          : `${one ? `Spalte „${unknown[0]}“ ist` : `Spalten ${unknown.map((u) => `„${u}“`).join(', ')} sind`} unbekannt und ${one ? 'wird' : 'werden'} nicht gelesen. Bekannte Spalten: ${columns.map((c) => c.de).join(', ')}.`),
      { code: 'csv.column.unknown', line: table.headerLine, severity: 'note' },
    );
  }
  const missing = columns.filter((c) => c.required && !index.has(c.key));
  if (missing.length) {
    const found = table.header.filter(Boolean);
    throw new FeedError(
      'shape',
      en
        ? `CSV line ${table.headerLine}: ${missing.length === 1 ? 'column' : 'columns'} ${missing.map((c) => `“${c.en}”`).join(', ')} missing in the header. Found: ${found.map((h) => `“${h}”`).join(', ') || 'nothing'}.`
        : `CSV Zeile ${table.headerLine}: ${missing.length === 1 ? 'Spalte' : 'Spalten'} ${missing.map((c) => `„${c.de}“`).join(', ')} ${missing.length === 1 ? 'fehlt' : 'fehlen'} in der Kopfzeile. Gefunden: ${found.map((h) => `„${h}“`).join(', ') || 'nichts'}.`,
    );
  }
  const colOf = new Map(columns.map((c) => [c.key, c]));
  const rows: Row[] = [];
  for (const record of table.rows) {
    const { line, cells } = record;
    if (cells.length > table.header.length && cells.slice(table.header.length).some(Boolean)) {
      const n = table.header.length;
      const extra = en
        ? `${cells.length} fields, but only ${n} columns in the header (a separator too many, or a field without quotation marks?) – the extra fields are not read.`
        : `${cells.length} Felder, aber nur ${n} Spalten in der Kopfzeile (ein Trennzeichen zu viel oder ein Feld ohne Anführungszeichen?) – die überzähligen Felder werden nicht gelesen.`;
      ctx.warn(`${placeOf(line, undefined, ctx.lang)}${extra}`, {
        code: 'csv.row.extra-cells',
        line,
      });
    }
    const cell = (key: string) => {
      const i = index.get(key);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const warn: Row['warn'] = (key, message, info) => {
      const column = nameOf(colOf.get(key)!, written, en);
      ctx.warn(`${placeOf(line, column, ctx.lang)}${message}`, { ...info, line, path: column });
    };
    const row: Row = {
      line,
      warn,
      has: (key) => cell(key) !== '',
      text: (key) => cell(key) || undefined,
      number(key) {
        const s = cell(key);
        if (!s) return undefined;
        const n = toNumber(s);
        if (Number.isFinite(n)) return n;
        const example = colOf.get(key)?.example;
        warn(
          key,
          en
            ? `“${s.slice(0, 40)}” is not a number (example: ${example}) – left out.`
            : `„${s.slice(0, 40)}“ ist keine Zahl (Beispiel: ${example}) – weggelassen.`,
          { code: 'csv.cell.type' },
        );
        return undefined;
      },
      bool(key) {
        const s = fold(cell(key));
        if (!s) return undefined;
        if (TRUE.has(s)) return true;
        if (FALSE.has(s)) return false;
        const s0 = cell(key).slice(0, 40);
        warn(key, en ? `“${s0}” is neither “yes” nor “no” – left out.` : `„${s0}“ ist weder „ja“ noch „nein“ – weggelassen.`, {
          code: 'csv.cell.type',
        });
        return undefined;
      },
      list: (key) => splitList(cell(key), colOf.get(key)?.commas),
      date(key) {
        const s = cell(key);
        if (!s) return undefined;
        const iso = toIsoDate(s);
        if (!iso) {
          const q = s.slice(0, 40);
          warn(
            key,
            en
              ? `“${q}” is not a date (example: 2024-10-18 or 18.10.2024) – left out.`
              : `„${q}“ ist kein Datum (Beispiel: 18.10.2024 oder 2024-10-18) – weggelassen.`,
            { code: 'csv.cell.type' },
          );
        }
        return iso;
      },
    };
    const empty = columns.filter((c) => c.required && !row.has(c.key));
    if (empty.length) {
      for (const c of empty)
        warn(c.key, en ? 'empty – the row is skipped.' : 'leer – die Zeile wird übersprungen.', {
          code: 'csv.cell.empty',
          severity: 'error',
        });
      continue;
    }
    rows.push(row);
  }
  if (table.rows.length > 0 && rows.length === 0) {
    throw new FeedError(
      'no-valid-item',
      en
        ? `None of the ${table.rows.length} rows of the table is complete (details in the notes before).`
        : `Keine der ${table.rows.length} Zeilen der Tabelle ist vollständig (Details in den Hinweisen davor).`,
    );
  }
  return { rows, present: new Set(index.keys()) };
}

/** "Das rollende Sofa" → "das-rollende-sofa": an id from a name. */
export const slugOf = (s: string): string =>
  fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'eintrag';

/** Remembers the line an item came from and returns it. */
export function fromLine<T extends object>(item: T, line: number): T {
  sourceLines.set(item, line);
  return item;
}
