import { expect } from '@open-wc/testing';
import { CsvError, detectDelimiter, parseCsv } from '../../src/csv/reader.js';
import { FeedError } from '../../src/core/feed-error.js';
import { partnersAdapter } from '../../src/ehrenamt-card/ehrenamt-card.csv.js';

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

  // The app's file is read by the general partner mapping (one CSV path); see CHANGELOG.
  const app = (text: string, warnings: string[] = []) => {
    const ctx = { baseUrl: location.href, lang: 'de' as const, warn: (m: string) => warnings.push(m) };
    return partnersAdapter.map!(partnersAdapter.decode!(text, ctx), ctx) as {
      partners: { name: string; locations: { city?: string; lat?: number }[] }[];
    };
  };
  const failure = (fn: () => unknown): FeedError => {
    try {
      fn();
    } catch (e) {
      return e as FeedError;
    }
    throw new Error('expected an error');
  };
  const fixed = 'name,street,houseNumber,postalCode,location,latitude,longitude,discountDE,categoryId';

  it("matches the app file's headers case-insensitively and names missing fixed headers on line 1", () => {
    const feed = app(`${fixed.toUpperCase()}\nBäckerei,Markt,4,06499,Harzstedt,"51,7",11.2,10 %,8\n`);
    expect(feed.partners.map((p) => [p.name, p.locations[0].city, p.locations[0].lat])).to.deep.equal([['Bäckerei', 'Harzstedt', 51.7]]);
    const e = failure(() => app('name,street\nA,B'));
    expect(e).to.be.instanceOf(FeedError);
    expect(e.message).to.contain('Zeile 1').and.contain('houseNumber, postalCode, location, latitude, longitude, discountDE, categoryId');
  });

  it('notes a row with more cells than headers by its line and still reads it', () => {
    const warnings: string[] = [];
    const feed = app(
      `${fixed}\nA,Markt,1,06499,Harzstedt,51.7,11.2,5 %,8\n"Zwei\nZeilen",Markt,2,06499,Harzstedt,51.7,11.2,5 %,8,zu viel\n`,
      warnings,
    );
    expect(feed.partners.map((p) => p.name)).to.deep.equal(['A', 'Zwei\nZeilen']);
    expect(warnings.join('\n')).to.contain('Zeile 3: 10 Felder, aber nur 9 Spalten');
  });

  it('reports an empty file', () => {
    expect(failure(() => app('\n\n')).message).to.contain('leer');
  });
});
