/** The feed checker judges other formats as the widgets read them (issue 16). */
import { expect } from '@open-wc/testing';
import { checkData, type Loaded } from '../../src/checker/checks.js';
import { widgetOf } from '../../src/checker/widgets.js';

const load = async (file: string): Promise<Loaded> => {
  const url = `/test/fixtures/real/${file}`;
  return { text: await (await fetch(url)).text(), kind: 'json', needsFormat: false, url: new URL(url, location.href).href };
};

describe('feed checker: other formats', () => {
  it('checks an Overpass answer as <mitfahrbank-map> reads it: only the ride-share benches', async () => {
    const report = await checkData(widgetOf('mitfahrbank-map'), await load('overpass-kassel-mixed.json'), location.href);
    const codes = report.findings.map((f) => f.code);
    expect(codes).to.include('format-detected');
    expect(codes).not.to.include('schema');
    expect(report.fatal).to.equal(false);
    expect(report.shown).to.equal(3);
  });

  it('checks a .umap export as <mitfahrbank-map> reads it', async () => {
    const report = await checkData(widgetOf('mitfahrbank-map'), await load('landkreis-mitfahrbaenke.umap'), location.href);
    expect(report.fatal).to.equal(false);
    expect(report.shown).to.equal(3);
  });

  it('names the format a widget cannot read instead of listing schema errors', async () => {
    const report = await checkData(widgetOf('ehrenamt-card'), await load('gemeinde-mitfahrbaenke.geojson'), location.href);
    expect(report.fatal).to.equal(true);
    expect(report.findings.map((f) => f.code)).to.deep.equal(['format-unreadable']);
    expect(report.findings[0].text.de).to.contain('GeoJSON');
  });
});

describe('feed checker: the widgets’ notes in the checker’s language', () => {
  const csv = 'Name;Breitengrad;Längengrad;Ziele;Farbe\nMarktplatz;51,73;11,26;Quedlinburg;rot\nOhne Ziel;51,74;11,27;;\n';
  const loaded: Loaded = { text: csv, kind: 'csv', needsFormat: false };
  const texts = (findings: { text: { de: string; en: string } }[], lang: 'de' | 'en') => findings.map((f) => f.text[lang]).join('\n');

  it('reads a spreadsheet’s notes in English for the English checker, without the place repeated', async () => {
    const report = await checkData(widgetOf('mitfahrbank-map'), loaded, location.href, { lang: 'en' });
    const text = texts(report.findings, 'en');
    expect(text).to.contain('column “Farbe” is unknown and not read');
    expect(text).to.contain('empty – the bench is shown without destinations');
    expect(/Zeile|Spalte|unbekannt|Line 3/.test(text)).to.equal(false);
  });

  it('and in German for the German checker', async () => {
    const report = await checkData(widgetOf('mitfahrbank-map'), loaded, location.href, { lang: 'de' });
    const text = texts(report.findings, 'de');
    expect(text).to.contain('Spalte „Farbe“ ist unbekannt');
    expect(text).to.contain('leer – die Bank wird ohne Ziele gezeigt');
    expect(/Zeile 3/.test(text)).to.equal(false);
  });
});
