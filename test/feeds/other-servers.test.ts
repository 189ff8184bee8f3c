/**
 * Feeds from other people's servers and tools (issue 16): every widget pointed at a real export
 * without `format` either shows the data or says which `format` to set. Fixtures and their
 * sources: test/fixtures/real/README.md.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { captureWarnings, settled, textOf } from '../helpers.js';
import '../../src/mitfahrbank-map/mitfahrbank-map.js';
import '../../src/idea-wall/idea-wall.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import '../../src/partner-logos/partner-logos.js';
import type { WidgetElement } from '../../src/core/widget-element.js';
import { clearFeedCache } from '../../src/core/request.js';

const REAL = '/test/fixtures/real/';
const GEOJSON = `${REAL}gemeinde-mitfahrbaenke.geojson`;
const OVERPASS = `${REAL}overpass-kassel-mixed.json`;
const UMAP = `${REAL}landkreis-mitfahrbaenke.umap`;
const CSV = `${REAL}nuernberg-pass-partners.csv`;
const CONSUL = `${REAL}consul-no-ids.json`;

async function show<T extends WidgetElement>(tpl: ReturnType<typeof html>): Promise<{ el: T; warnings: string[] }> {
  let el!: T;
  const warnings = await captureWarnings(async () => {
    el = await fixture<T>(tpl);
    await settled(el);
    await el.updateComplete;
  });
  return { el, warnings };
}

/** Waits for the second feed (`partners-src`), which settled() does not know. */
async function partnersLoaded(el: WidgetElement): Promise<void> {
  const feed = (el as unknown as { partnerFeed: { settled(): Promise<void> } }).partnerFeed;
  await feed.settled();
  await el.updateComplete;
}

const isError = (el: Element) => !!el.shadowRoot?.querySelector('[part="error"]');

afterEach(() => clearFeedCache());

describe('feeds from other servers: <mitfahrbank-map> without format', () => {
  it('shows a municipal GeoJSON with Name properties, and says nothing about destinations it does not know', async () => {
    const { el } = await show(html`<mitfahrbank-map eager view="list" src=${GEOJSON}></mitfahrbank-map>`);
    const text = textOf(el);
    expect(isError(el)).to.equal(false);
    expect(text).to.contain('Mitfahrbank Dorfplatz').and.contain('Mitfahrbank Sportplatz').and.contain('Mitfahrbank Kirche');
    expect(text).to.contain('Marktstadt');
    expect(text).not.to.contain('frei wählbar');
  });

  it('keeps only the ride-share benches of a mixed Overpass answer and says so once', async () => {
    const { el, warnings } = await show(html`<mitfahrbank-map eager view="list" src=${OVERPASS}></mitfahrbank-map>`);
    const text = textOf(el);
    expect(text).to.contain('Mitfahrbank Kirchditmold').and.contain('Mitfahrbank Waldau');
    for (const other of ['Ratskeller', 'Herkules', 'Hotel am Park', 'Zum Gleis']) expect(text).not.to.contain(other);
    const summary = warnings.join('\n').match(/keine Mitfahrbänke/g) ?? [];
    expect(summary.length).to.equal(1);
    expect(warnings.join('\n')).to.contain('5 von 9 Elementen');
  });

  it('keeps everything (with one warning) when no element is tagged as a ride-share bench', async () => {
    const data = {
      version: 0.6,
      osm3s: {},
      elements: [{ type: 'node', id: 1, lat: 51.3, lon: 9.5, tags: { amenity: 'bench', name: 'Bank am Teich' } }],
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/json' }));
    const { el, warnings } = await show(html`<mitfahrbank-map eager view="list" src=${url}></mitfahrbank-map>`);
    expect(textOf(el)).to.contain('Bank am Teich');
    expect(warnings.join('\n')).to.contain('Keines der 1 Elemente ist als Mitfahrbank markiert');
  });

  it('reads a full .umap export with its layers (points only)', async () => {
    const { el, warnings } = await show(html`<mitfahrbank-map eager view="list" src=${UMAP}></mitfahrbank-map>`);
    expect(textOf(el)).to.contain('Mitfahrbank Dorfplatz').and.contain('Mitfahrbank Kirche').and.not.contain('Fußweg');
    expect(warnings.join('\n')).to.contain('keine Punkt-Geometrie (LineString)');
  });

  it('an explicit format beats detection', async () => {
    const { el } = await show(html`<mitfahrbank-map eager view="list" format="overpass" src=${GEOJSON}></mitfahrbank-map>`);
    expect(isError(el)).to.equal(true);
    expect(textOf(el)).to.contain('Overpass: erwartet wird ein Objekt mit „elements“');
  });

  it('reads a spreadsheet by its own columns (names and coordinates), detected by its ending', async () => {
    const { el } = await show(html`<mitfahrbank-map eager view="list" src=${CSV}></mitfahrbank-map>`);
    expect(isError(el)).to.equal(false);
    expect(textOf(el)).to.contain('Académie de Ballett et Danse');
  });

  it('reads a spreadsheet served without a .csv ending or CSV type, by its content', async () => {
    const csv = 'Name;Breitengrad;Längengrad;Ziele\nBank am Anger;51.7;11.2;Thale\n';
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/plain' }));
    const { el } = await show(html`<mitfahrbank-map eager view="list" src=${url}></mitfahrbank-map>`);
    URL.revokeObjectURL(url);
    expect(textOf(el)).to.contain('Bank am Anger').and.contain('Thale');
  });
});

describe('feeds from other servers: widgets that cannot read a format name it and the attribute', () => {
  for (const tag of ['idea-wall', 'ehrenamt-card', 'partner-logos']) {
    for (const [file, name] of [
      [GEOJSON, 'GeoJSON'],
      [OVERPASS, 'Overpass'],
      [UMAP, 'uMap'],
    ]) {
      it(`<${tag}> with ${name}`, async () => {
        const el = await fixture<WidgetElement>(`<${tag} eager src="${file}"></${tag}>`);
        await captureWarnings(() => settled(el));
        await el.updateComplete;
        expect(isError(el)).to.equal(true);
        expect(textOf(el)).to.contain(`Die Datei ist ${name}`).and.contain('format="native"');
      });
    }
  }

  it('says it in English on an English page', async () => {
    const el = await fixture<WidgetElement>(`<partner-logos eager lang="en" src="${UMAP}"></partner-logos>`);
    await captureWarnings(() => settled(el));
    await el.updateComplete;
    expect(textOf(el)).to.contain('The file is uMap, which <partner-logos> cannot read').and.not.contain('Die Datei');
  });
});

describe('feeds from other servers: the Ehrenamtskarte app’s real partner file', () => {
  it('reads it without format and files partners under categories above 9', async () => {
    const { el } = await show(html`<ehrenamt-card eager src=${CSV} sections="partners" page-size="200"></ehrenamt-card>`);
    const text = textOf(el);
    expect(isError(el)).to.equal(false);
    expect(text).to.contain('Admira-Apotheke');
    for (const label of [
      'Apotheken/Gesundheit',
      'Sport/Bewegung/Tanz',
      'Kultur/Museen/Freizeit',
      'Mittagstische',
      'Mobilität',
      'Digitale Teilhabe',
    ])
      expect(text).to.contain(label);
    const other = /Sonstiges \((\d+)\)/.exec(text);
    // Only the file's own category-9 partners are "Sonstiges", not all of them.
    expect(Number(other?.[1] ?? 0)).to.be.below(20);
  });

  it('shows a partners-only card (partners-src, sections="partners", no programme feed)', async () => {
    const { el } = await show(
      html`<ehrenamt-card eager partners-src=${CSV} partners-format="csv" sections="partners" page-size="5"></ehrenamt-card>`,
    );
    await partnersLoaded(el);
    const text = textOf(el);
    expect(isError(el)).to.equal(false);
    expect(text).not.to.contain('Keine Datenquelle');
    expect(text).to.contain('Académie de Ballett et Danse');
  });

  it('reads the German headers through partners-src without partners-format too', async () => {
    const { el } = await show(html`<ehrenamt-card eager partners-src=${CSV} sections="partners" page-size="5"></ehrenamt-card>`);
    await partnersLoaded(el);
    expect(isError(el)).to.equal(false);
    expect(textOf(el)).to.contain('Académie de Ballett et Danse');
  });

  it('a tier colour named after Object.prototype falls back to the default colour instead of breaking the card', async () => {
    const data = {
      name: 'Karte',
      tiers: [
        { id: 'a', name: 'Grün', colour: 'constructor' },
        { id: 'b', name: 'Gold', colour: 'toString' },
      ],
      partners: [],
    };
    let el!: WidgetElement;
    const warnings = await captureWarnings(async () => {
      el = await fixture<WidgetElement>(html`<ehrenamt-card eager .data=${data}></ehrenamt-card>`);
      await settled(el);
    });
    expect(isError(el)).to.equal(false);
    expect(textOf(el)).to.contain('Grün').and.contain('Gold');
    expect(warnings.join('\n')).to.contain('Farbe „constructor“ unbekannt');
  });
});

describe('feeds from other servers: CONSUL without ids', () => {
  it('shows read-only cards with decoded entities, without a support button', async () => {
    const { el } = await show(html`<idea-wall eager src=${CONSUL} support-endpoint="/support"></idea-wall>`);
    const text = textOf(el);
    expect(isError(el)).to.equal(false);
    expect(text).to.contain('Mehr Grün am Marktplatz').and.contain('Sichere Radwege zur Schule');
    expect(text).to.contain('Schatten für den Sommer – und weniger Hitze.').and.not.contain('&uuml;');
    expect(el.shadowRoot!.querySelectorAll('[part="support"]').length).to.equal(0);
  });

  it('a platform answer without a readable list is an error, not an empty wall', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify({ data: { proposals: { total: 3 } } })], { type: 'application/json' }));
    const el = await fixture<WidgetElement>(
      html`<idea-wall eager format="consul" .data=${{ data: { proposals: { total: 3 } } }}></idea-wall>`,
    );
    await captureWarnings(() => settled(el));
    await el.updateComplete;
    URL.revokeObjectURL(url);
    expect(isError(el)).to.equal(true);
    expect(textOf(el)).to.contain('keine Liste „proposals“');
  });
});

describe('feeds from other servers: limits and messages', () => {
  it('stops a response larger than max-size with a clear message', async () => {
    const { el } = await show(html`<mitfahrbank-map eager view="list" max-size="0.0005" src=${GEOJSON}></mitfahrbank-map>`);
    expect(isError(el)).to.equal(true);
    expect(textOf(el)).to.contain('Die Daten sind zu groß (Attribut max-size).');
  });

  it('caps a logo group’s minHeight so the widget stays page-sized', async () => {
    const data = {
      groups: [
        {
          heading: 'Gefördert von',
          minHeight: 1e6,
          partners: [{ name: 'Land', logo: { src: '/test/mitfahrbank-map/fixtures/tile.png', width: 200, height: 100, alt: 'Land' } }],
        },
      ],
    };
    let el!: WidgetElement;
    const warnings = await captureWarnings(async () => {
      el = await fixture<WidgetElement>(html`<partner-logos eager .data=${data}></partner-logos>`);
      await settled(el);
    });
    expect(el.getBoundingClientRect().height).to.be.below(1200);
    expect(warnings.join('\n')).to.contain('minHeight 1000000 ist größer als 400 px');
  });

  it('validation messages are German on a German page and English on an English one, never valibot’s', async () => {
    const data = {
      ideas: [
        { id: 'a', title: 'A', supporters: '12' },
        { id: 'b', title: 'B' },
      ],
    };
    for (const [lang, expected] of [
      ['de', 'supporters: erwartet eine Zahl, erhalten "12"'],
      ['en', 'supporters: expected a number, received "12"'],
    ]) {
      const warnings = await captureWarnings(async () => {
        const el = await fixture<WidgetElement>(html`<idea-wall eager lang=${lang} .data=${data}></idea-wall>`);
        await settled(el);
      });
      const all = warnings.join('\n');
      expect(all).to.contain(expected);
      expect(all).not.to.contain('Invalid type');
    }
  });
});

describe('feeds from other servers: every widget reads its spreadsheet without format', () => {
  const sheets = [
    { tag: 'idea-wall', csv: 'ideen.csv', name: 'Das rollende Sofa' },
    { tag: 'mitfahrbank-map', csv: 'mitfahrbaenke.csv', name: 'Harzstedt, Marktplatz' },
    { tag: 'ehrenamt-card', csv: 'ehrenamt-partner.csv', name: 'Freibad Harzstedt' },
    { tag: 'partner-logos', csv: 'partner.csv', name: 'Bundesverband Soziokultur' },
  ];
  for (const t of sheets) {
    it(`<${t.tag}> with ${t.csv} served as text/plain from an address without .csv`, async () => {
      const text = await (await fetch(`/demo/templates/${t.csv}`)).text();
      const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
      const el = await fixture<WidgetElement>(`<${t.tag} eager view="list" page-size="100" src="${url}"></${t.tag}>`);
      await captureWarnings(() => settled(el));
      await el.updateComplete;
      URL.revokeObjectURL(url);
      expect(isError(el)).to.equal(false);
      expect(textOf(el)).to.contain(t.name);
    });
  }

  it('a spreadsheet problem is explained in English on an English page', async () => {
    const url = URL.createObjectURL(new Blob(['Titel;Foo\nA;B\n'], { type: 'text/csv' }));
    const el = await fixture<WidgetElement>(`<mitfahrbank-map eager lang="en" src="${url}"></mitfahrbank-map>`);
    await captureWarnings(() => settled(el));
    await el.updateComplete;
    URL.revokeObjectURL(url);
    expect(textOf(el)).to.contain('CSV line 1: columns').and.contain('missing in the header').and.not.contain('Zeile');
  });
});
