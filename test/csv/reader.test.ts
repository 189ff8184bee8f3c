import { expect } from '@open-wc/testing';
import type { FeedContext } from '../../src/core/feed-types.js';
import { FeedError } from '../../src/core/feed-error.js';
import { decodeBody } from '../../src/core/request.js';
import { CsvError, detectDelimiter, parseCsv, readTable } from '../../src/csv/reader.js';
import { readSheet, splitList, toIsoDate, toNumber } from '../../src/csv/sheet.js';
import { columns as benchColumns } from '../../src/mitfahrbank-map/mitfahrbank-map.csv.js';

const ctx = (warnings: string[] = []): FeedContext => ({
  baseUrl: 'https://example.org/feed.csv',
  lang: 'de',
  warn: (m) => warnings.push(m),
});
const cells = (text: string) => parseCsv(text).map((r) => r.cells);

describe('CSV reader: real-world spreadsheet exports', () => {
  it('reads what German Excel writes: semicolons, BOM, CRLF, decimal commas inside fields', () => {
    const t = readTable('\uFEFFName;Breitengrad;Längengrad\r\nMarkt;51,7331;11,2622\r\n');
    expect(t.delimiter).to.equal(';');
    expect(t.header).to.deep.equal(['Name', 'Breitengrad', 'Längengrad']);
    expect(t.rows[0].cells).to.deep.equal(['Markt', '51,7331', '11,2622']);
  });

  it('reads comma-separated files (Google Sheets, LibreOffice) and tab-separated ones', () => {
    expect(detectDelimiter('a,b,c\n1,2,3')).to.equal(',');
    expect(detectDelimiter('a\tb\tc\n')).to.equal('\t');
    expect(detectDelimiter('Titel;"Beschreibung, lang"\n')).to.equal(';');
    expect(detectDelimiter('Titel\n')).to.equal(',');
    expect(cells('Titel,Status\n"Sofa, rot",neu\n')).to.deep.equal([
      ['Titel', 'Status'],
      ['Sofa, rot', 'neu'],
    ]);
  });

  it('a header with as many semicolons as commas is read as semicolon-separated (German Excel), the rows too', () => {
    // "Ort, Kreis" style headers: one comma and one semicolon outside quotes on the first line.
    expect(detectDelimiter('Name;Ort, Kreis\n')).to.equal(';');
    expect(detectDelimiter('a;b,c;d,e\n')).to.equal(';');
    // More commas than semicolons: comma wins; more semicolons: semicolon.
    expect(detectDelimiter('a,b,c;d\n')).to.equal(',');
    expect(detectDelimiter('a;b;c,d\n')).to.equal(';');
    // Only the first line counts; separators inside quotes do not.
    expect(detectDelimiter('"a;b;c";d,e,f\n1;2;3;4;5')).to.equal(',');
    const t = readTable('Name;Ort, Kreis\nMarkt;Harzstedt, Harz\n');
    expect(t.delimiter).to.equal(';');
    expect(t.header).to.deep.equal(['Name', 'Ort, Kreis']);
    expect(t.rows[0].cells).to.deep.equal(['Markt', 'Harzstedt, Harz']);
  });

  it('keeps quoted line breaks and doubled quotes, and counts the lines a record spans', () => {
    const rows = parseCsv('Titel;Beschreibung\r\nSofa;"Erste Zeile\r\nzweite ""Zeile"""\r\nBank;kurz\r\n');
    expect(rows[1].cells[1]).to.equal('Erste Zeile\nzweite "Zeile"');
    expect(rows[1].line).to.equal(2);
    expect(rows[2].line).to.equal(4);
  });

  it("drops Excel's empty trailing columns and skips blank lines", () => {
    const t = readTable('Name;Ziele;;;\r\nMarkt;Quedlinburg;;;\r\n;;;;\r\n\r\nNord;Badeborn;;;\r\n');
    expect(t.header).to.deep.equal(['Name', 'Ziele']);
    expect(t.rows.map((r) => r.cells)).to.deep.equal([
      ['Markt', 'Quedlinburg'],
      ['Nord', 'Badeborn'],
    ]);
    expect(t.rows[1].line).to.equal(5);
  });

  it('reads Windows-1252 bytes (Excel "CSV (Trennzeichen-getrennt)") with umlauts intact', () => {
    // "Größe;Straße\r\nÄpfel;Müllerstraße\r\n" in Windows-1252
    const bytes = new Uint8Array([
      0x47, 0x72, 0xf6, 0xdf, 0x65, 0x3b, 0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x0d, 0x0a, 0xc4, 0x70, 0x66, 0x65, 0x6c, 0x3b, 0x4d, 0xfc,
      0x6c, 0x6c, 0x65, 0x72, 0x73, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x0d, 0x0a,
    ]);
    const t = readTable(decodeBody(bytes.buffer, 'text/csv'));
    expect(t.header).to.deep.equal(['Größe', 'Straße']);
    expect(t.rows[0].cells).to.deep.equal(['Äpfel', 'Müllerstraße']);
  });

  it('names the line of a quote that is never closed, and of text after a closing quote', () => {
    expect(() => parseCsv('a;b\n1;"offen\n2;3\n')).to.throw(CsvError, /Zeile 2: .*nie geschlossen/);
    expect(() => parseCsv('a;b\n1;"zu"viel\n')).to.throw(CsvError, /Zeile 2: .*verdoppelt/);
  });

  it('says an empty file needs a header row', () => {
    expect(() => readTable('\uFEFF\r\n\r\n')).to.throw(CsvError, /leer.*Kopfzeile/);
  });

  it('splits lists in a cell by | or ; (not inside brackets), by line, and by comma only where allowed', () => {
    expect(splitList('Quedlinburg; Meisdorf')).to.deep.equal(['Quedlinburg', 'Meisdorf']);
    expect(splitList('A; B | C')).to.deep.equal(['A; B', 'C']);
    expect(splitList('Markt (Linie 318; 40 m)')).to.deep.equal(['Markt (Linie 318; 40 m)']);
    expect(splitList('eins\nzwei')).to.deep.equal(['eins', 'zwei']);
    expect(splitList('Sofa, Markt')).to.deep.equal(['Sofa, Markt']);
    expect(splitList('Sofa, Markt', true)).to.deep.equal(['Sofa', 'Markt']);
    expect(splitList('  ')).to.deep.equal([]);
  });

  it('reads German numbers and dates', () => {
    expect(toNumber('51,7331')).to.equal(51.7331);
    expect(toNumber('1.234,5')).to.equal(1234.5);
    expect(toNumber('60 %')).to.equal(60);
    expect(toNumber('abc')).to.be.NaN;
    expect(toIsoDate('18.10.2024')).to.equal('2024-10-18');
    expect(toIsoDate('5.1.25')).to.equal('2025-01-05');
    expect(toIsoDate('2024-10-18')).to.equal('2024-10-18');
    expect(toIsoDate('31.02.2024')).to.equal(undefined);
  });
});

describe('CSV columns: names, types and messages with line and column', () => {
  it('matches German and English column names regardless of case, accents, spaces and dashes', () => {
    const w: string[] = [];
    const sheet = readSheet('NAME;breitengrad;Laengengrad;ZIELE\nMarkt;51,7;11,2;Quedlinburg\n', benchColumns, ctx(w));
    expect([...sheet.present]).to.include.members(['name', 'position.lat', 'position.lon', 'destinations']);
    const en = readSheet('name,latitude,longitude,destinations\nMarket,51.7,11.2,Quedlinburg\n', benchColumns, ctx(w));
    expect(en.rows[0].number('position.lat')).to.equal(51.7);
    expect(w).to.deep.equal([]);
  });

  it('reports an empty required cell as "Zeile N, Spalte „…“: leer" with the header as written, and skips that row', () => {
    const w: string[] = [];
    const sheet = readSheet('Name;Breite;Länge\nMarkt;51,7;11,2\n;51,8;11,3\n', benchColumns, ctx(w));
    expect(sheet.rows).to.have.length(1);
    expect(w).to.deep.equal(['Zeile 3, Spalte „Name“: leer – die Zeile wird übersprungen.']);
  });

  it('stops with the line of the header when a required column is missing', () => {
    expect(() => readSheet('Titel;Ziele\nMarkt;Quedlinburg\n', benchColumns, ctx())).to.throw(
      FeedError,
      /Zeile 1: Spalten „Name“, „Breitengrad“, „Längengrad“ fehlen/,
    );
  });

  it('notes unknown columns once, naming the known ones', () => {
    const w: string[] = [];
    readSheet('Name;Breite;Länge;Farbe\nMarkt;51,7;11,2;rot\n', benchColumns, ctx(w));
    expect(w).to.have.length(1);
    expect(w[0]).to.match(/^Zeile 1: Spalte „Farbe“ ist unbekannt.*Bekannte Spalten: Name, Breitengrad/);
  });

  it('notes a value of the wrong type with an example, and a row with more fields than columns', () => {
    const w: string[] = [];
    const sheet = readSheet('Name;Breite;Länge;Freies Schild\nMarkt;nördlich;11,2;vielleicht;extra\n', benchColumns, ctx(w));
    expect(sheet.rows[0].number('position.lat')).to.equal(undefined);
    expect(sheet.rows[0].bool('otherDestinations')).to.equal(undefined);
    expect(w[0]).to.match(/^Zeile 2: 5 Felder, aber nur 4 Spalten/);
    expect(w[1]).to.equal('Zeile 2, Spalte „Breite“: „nördlich“ ist keine Zahl (Beispiel: 51,7331) – weggelassen.');
    expect(w[2]).to.equal('Zeile 2, Spalte „Freies Schild“: „vielleicht“ ist weder „ja“ noch „nein“ – weggelassen.');
  });

  it('says when the answer is an HTML page or JSON instead of a table', () => {
    expect(() => readSheet('<!DOCTYPE html><html><body>Anmelden</body></html>', benchColumns, ctx())).to.throw(
      FeedError,
      /HTML statt einer Tabelle/,
    );
    expect(() => readSheet('{"benches":[]}', benchColumns, ctx())).to.throw(FeedError, /Das ist JSON/);
  });
});
