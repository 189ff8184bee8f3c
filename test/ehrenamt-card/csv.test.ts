import { expect } from '@open-wc/testing';
import { CsvError, detectDelimiter, parseCsv } from '../../src/csv/reader.js';
import { readCsvRecords } from '../../src/ehrenamt-card/csv.js';

const thrown = (fn: () => unknown): CsvError => {
  try {
    fn();
  } catch (e) {
    return e as CsvError;
  }
  throw new Error('expected an error');
};

describe('csv reader', () => {
  it('reads quotes, doubled quotes, quoted line breaks, a BOM and CRLF', () => {
    const rows = parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nlast,,\r\n');
    expect(rows.map((r) => r.cells)).to.deep.equal([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['last', '', ''],
    ]);
    // the record after the two-line field starts on physical line 5 (line 4 is blank)
    expect(rows.map((r) => r.line)).to.deep.equal([1, 2, 5]);
  });

  it('detects semicolon and tab separators from the header line', () => {
    expect(detectDelimiter('name;street;"a,b"\nx,y,z,w')).to.equal(';');
    expect(detectDelimiter('name\tstreet\tx')).to.equal('\t');
    expect(detectDelimiter('name,street')).to.equal(',');
    expect(parseCsv('a;b\n1,5;2').map((r) => r.cells)).to.deep.equal([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });

  it('names the line of a quote that is never closed', () => {
    const e = thrown(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n'));
    expect(e).to.be.instanceOf(CsvError);
    expect(e.line).to.equal(3);
    expect(e.message).to.match(/^Zeile 3: Ein Anführungszeichen .* nie geschlossen/);
  });

  it('names the line of text after a closing quote', () => {
    const e = thrown(() => parseCsv('a,b\n"x" y,2\n'));
    expect(e.line).to.equal(2);
    expect(e.message).to.contain('Zeile 2');
    expect(e.message).to.contain('verdoppelt');
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(parseCsv('a,b\n12" Zoll,2').map((r) => r.cells)[1]).to.deep.equal(['12" Zoll', '2']);
  });

  it('maps records by header (case-insensitive) and reports missing columns on line 1', () => {
    const records = readCsvRecords('Name,CITY\nA,B\n', { required: ['name', 'city'] });
    expect(records).to.deep.equal([{ line: 2, values: { name: 'A', city: 'B' } }]);
    const e = thrown(() => readCsvRecords('name,street\nA,B', { required: ['name', 'latitude', 'longitude'] }));
    expect(e.line).to.equal(1);
    expect(e.message).to.contain('latitude, longitude');
  });

  it('skips rows with a different number of cells and names their line', () => {
    const skipped: string[] = [];
    const records = readCsvRecords('a,b\n1,2\n"multi\nline",2\n1,2,3\n', { skip: (line, why) => skipped.push(`${line}: ${why}`) });
    expect(records).to.have.length(2);
    expect(skipped).to.deep.equal(['5: 3 statt 2 Spalten']);
  });

  it('reports an empty file', () => {
    expect(thrown(() => readCsvRecords('\n\n')).message).to.contain('leer');
  });
});
