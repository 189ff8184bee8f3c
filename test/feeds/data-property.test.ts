/**
 * `element.data = …` goes through the same format detection as `src` (issue 16 leftover): a CSV
 * string, a GeoJSON FeatureCollection, an Overpass answer or a uMap export assigned by property is
 * read like the same file from `src`, in every widget that reads more than its native JSON.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { captureWarnings, settled, textOf } from '../helpers.js';
import '../../src/mitfahrbank-map/mitfahrbank-map.js';
import '../../src/idea-wall/idea-wall.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import '../../src/partner-logos/partner-logos.js';
import '../../src/jugend-budget/jugend-budget.js';
import type { WidgetElement } from '../../src/core/widget-element.js';

const REAL = '/test/fixtures/real/';
const isError = (el: Element) => !!el.shadowRoot?.querySelector('[part="error"]');
const fileText = async (path: string) => (await fetch(path)).text();

/** A widget of `tag` whose `data` is set by property before it connects, settled. */
async function withData(tag: string, data: unknown, attrs = ''): Promise<{ el: WidgetElement; warnings: string[] }> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement(tag) as WidgetElement;
  for (const [name, value] of [
    ['eager', ''],
    ['view', 'list'],
    ['page-size', '100'],
    ...attrs
      .split(' ')
      .filter(Boolean)
      .map((a) => a.split('=')),
  ])
    el.setAttribute(name, value ?? '');
  el.data = data;
  let warnings: string[] = [];
  warnings = await captureWarnings(async () => {
    holder.append(el);
    await settled(el);
    await el.updateComplete;
  });
  return { el, warnings };
}

describe('data set by property: <mitfahrbank-map> detects the format like src', () => {
  it('reads a GeoJSON FeatureCollection object (municipal export with Name properties)', async () => {
    const { el } = await withData('mitfahrbank-map', JSON.parse(await fileText(`${REAL}gemeinde-mitfahrbaenke.geojson`)));
    expect(isError(el)).to.equal(false);
    expect(textOf(el)).to.contain('Mitfahrbank Dorfplatz').and.contain('Mitfahrbank Kirche');
  });

  it('reads an Overpass answer object and keeps only the ride-share benches', async () => {
    const { el, warnings } = await withData('mitfahrbank-map', JSON.parse(await fileText(`${REAL}overpass-kassel-mixed.json`)));
    const text = textOf(el);
    expect(isError(el)).to.equal(false);
    expect(text).to.contain('Mitfahrbank Kirchditmold').and.contain('Mitfahrbank Waldau');
    expect(text.includes('Ratskeller')).to.equal(false);
    expect(warnings.join('\n')).to.contain('5 von 9 Elementen');
  });

  it('reads a full uMap export object with its layers', async () => {
    const { el } = await withData('mitfahrbank-map', JSON.parse(await fileText(`${REAL}landkreis-mitfahrbaenke.umap`)));
    expect(isError(el)).to.equal(false);
    expect(textOf(el)).to.contain('Mitfahrbank');
  });

  it('reads a CSV string', async () => {
    const { el } = await withData('mitfahrbank-map', await fileText('/demo/templates/mitfahrbaenke.csv'));
    expect(isError(el)).to.equal(false);
    expect(textOf(el)).to.contain('Harzstedt, Marktplatz');
  });

  it('reads a JSON string in the native shape', async () => {
    const { el } = await withData(
      'mitfahrbank-map',
      JSON.stringify({ benches: [{ id: 'a', name: 'Bank am Anger', position: { lat: 51.7, lon: 11.2 }, destinations: ['Ort'] }] }),
    );
    expect(isError(el)).to.equal(false);
    expect(textOf(el)).to.contain('Bank am Anger');
  });

  it('an explicit format still beats detection', async () => {
    const { el } = await withData(
      'mitfahrbank-map',
      JSON.parse(await fileText(`${REAL}gemeinde-mitfahrbaenke.geojson`)),
      'format=overpass',
    );
    expect(isError(el)).to.equal(true);
    expect(textOf(el)).to.contain('Overpass');
  });

  it('a GeoJSON object assigned after the first render replaces the benches', async () => {
    const { el } = await withData('mitfahrbank-map', {
      benches: [{ id: 'a', name: 'Erste Bank', position: { lat: 51.7, lon: 11.2 }, destinations: ['Ort'] }],
    });
    expect(textOf(el)).to.contain('Erste Bank');
    el.data = JSON.parse(await fileText(`${REAL}gemeinde-mitfahrbaenke.geojson`));
    await settled(el);
    await el.updateComplete;
    expect(textOf(el)).to.contain('Mitfahrbank Dorfplatz');
    expect(textOf(el).includes('Erste Bank')).to.equal(false);
  });
});

describe('data set by property: every widget reads a CSV string without format', () => {
  const sheets = [
    { tag: 'idea-wall', csv: 'ideen.csv', name: 'Das rollende Sofa' },
    { tag: 'ehrenamt-card', csv: 'ehrenamt-partner.csv', name: 'Freibad Harzstedt', attrs: 'sections=partners' },
    { tag: 'partner-logos', csv: 'partner.csv', name: 'Brandenburgische Technische Universität' },
  ];
  for (const t of sheets) {
    it(`<${t.tag}> with ${t.csv} as a string`, async () => {
      const { el } = await withData(t.tag, await fileText(`/demo/templates/${t.csv}`), t.attrs);
      expect(isError(el)).to.equal(false);
      expect(textOf(el)).to.contain(t.name);
    });
  }

  it('<ehrenamt-card> reads the Ehrenamtskarte app’s real partner file as a string', async () => {
    const { el } = await withData('ehrenamt-card', await fileText(`${REAL}nuernberg-pass-partners.csv`), 'sections=partners');
    expect(isError(el)).to.equal(false);
    expect(textOf(el).length).to.be.greaterThan(200);
  });

  it('<idea-wall> reads a CONSUL answer object (without ids) as read-only cards', async () => {
    const { el } = await withData('idea-wall', JSON.parse(await fileText(`${REAL}consul-no-ids.json`)));
    expect(isError(el)).to.equal(false);
    expect(textOf(el)).to.contain('Mehr Grün am Marktplatz').and.contain('Sichere Radwege zur Schule');
    expect(el.shadowRoot!.querySelectorAll('[part="support"]').length).to.equal(0);
  });

  it('<jugend-budget> reads a CSV string and computes its result from it', async () => {
    const result = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('st-budget-result', (e) => resolve(e as CustomEvent), { once: true }),
    );
    const csv = 'Projekt;Kosten;Umsetzbar;Stimmen\nRampe;6000;ja;120\nBühne;5000;ja;100\nSitzecke;3000;ja;80\n';
    const { el } = await withData('jugend-budget', csv, 'budget=10000 rule=greedy');
    expect(isError(el)).to.equal(false);
    expect([...(await result).detail.selected].join(',')).to.equal('rampe,sitzecke');
  });

  it('<jugend-budget> reads a Pabulib file as a string', async () => {
    const { el } = await withData('jugend-budget', await fileText('/test/jugend-budget/fixtures/Netherlands_Assen_2024.pb'));
    expect(isError(el)).to.equal(false);
    expect(textOf(el)).to.contain('Assen');
  });

  it('<partner-logos> names the format to set for a GeoJSON object it cannot read', async () => {
    const { el } = await withData('partner-logos', JSON.parse(await fileText(`${REAL}gemeinde-mitfahrbaenke.geojson`)));
    expect(isError(el)).to.equal(true);
    expect(textOf(el)).to.contain('GeoJSON');
  });
});
