import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/idea-wall/idea-wall.js';
import '../../src/mitfahrbank-map/mitfahrbank-map.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import '../../src/partner-logos/partner-logos.js';
import type { WidgetElement } from '../../src/core/widget-element.js';
import { clearFeedCache } from '../../src/core/request.js';
import { mappings } from '../../src/checker/widgets.js';
import { readSheet, sourceLines } from '../../src/csv/sheet.js';
import { captureWarnings, markupOf, settled, textOf } from '../helpers.js';

const templates = [
  { tag: 'idea-wall', csv: 'ideen.csv', json: 'ideas.json', list: (d: any) => d.ideas, name: 'Das rollende Sofa' },
  { tag: 'mitfahrbank-map', csv: 'mitfahrbaenke.csv', json: 'benches.json', list: (d: any) => d.benches, name: 'Harzstedt, Marktplatz' },
  { tag: 'ehrenamt-card', csv: 'ehrenamt-partner.csv', json: 'ehrenamt.json', list: (d: any) => d.partners, name: 'Freibad Harzstedt' },
  {
    tag: 'partner-logos',
    csv: 'partner.csv',
    json: 'partners.json',
    list: (d: any) => d.groups.flatMap((g: any) => g.partners),
    name: 'Bundesverband Soziokultur',
  },
];

async function mount(tag: string, attrs: Record<string, string>): Promise<WidgetElement> {
  const el = document.createElement(tag) as WidgetElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.setAttribute('eager', '');
  if (tag === 'mitfahrbank-map') el.setAttribute('view', 'list');
  const wrapper = await fixture(html`<div></div>`);
  const loaded = oneEvent(el, 'st-load');
  wrapper.append(el);
  const e = await loaded;
  await settled(el);
  (el as unknown as { loadedCount: number }).loadedCount = e.detail.count;
  return el;
}

describe('CSV templates (demo/templates) hold the sample data', () => {
  for (const t of templates) {
    it(`${t.csv} reads without a single note and has every ${t.tag} item of ${t.json}`, async () => {
      const [text, json] = await Promise.all([
        fetch(`/demo/templates/${t.csv}`).then((r) => r.text()),
        fetch(`/demo/data/${t.json}`).then((r) => r.json()),
      ]);
      const warnings: string[] = [];
      const mapping = await mappings[t.tag]();
      const feed = mapping.toFeed(readSheet(text, mapping.columns, { baseUrl: location.href, lang: 'de', warn: (m) => warnings.push(m) }), {
        baseUrl: location.href,
        lang: 'de',
        warn: (m) => warnings.push(m),
      });
      expect(warnings).to.deep.equal([]);
      const items = t.list(feed);
      const names = (list: any[]) => list.map((i) => i.name ?? i.title);
      expect(names(items)).to.deep.equal(names(t.list(json)));
      expect(sourceLines.get(items[0])).to.equal(2);
    });
  }
});

describe('Every widget reads a spreadsheet', () => {
  afterEach(() => clearFeedCache());

  for (const t of templates) {
    it(`<${t.tag}> from a .csv URL (detected by the file ending)`, async () => {
      const el = await mount(t.tag, { src: `/demo/templates/${t.csv}` });
      expect(textOf(el)).to.contain(t.name);
      expect(markupOf(el.shadowRoot!.querySelector('[part="error"]'))).to.equal(null);
    });

    it(`<${t.tag} format="csv"> from a URL without a .csv ending`, async () => {
      const el = await mount(t.tag, { src: `/demo/templates/${t.csv}?download=1#x`, format: 'csv' });
      expect(textOf(el)).to.contain(t.name);
    });
  }

  it('reads a published-sheet link (output=csv) sent as text/plain', async () => {
    const original = window.fetch;
    window.fetch = async () => new Response('Titel,Status\nMehr Bänke am Fluss,neu\n', { headers: { 'Content-Type': 'text/plain' } });
    try {
      const el = await mount('idea-wall', { src: 'https://docs.example.com/spreadsheets/d/e/XYZ/pub?output=csv' });
      expect(textOf(el)).to.contain('Mehr Bänke am Fluss');
    } finally {
      window.fetch = original;
    }
  });

  it("reads Windows-1252 CSV (Excel's default in Germany) with umlauts", async () => {
    const original = window.fetch;
    const bytes = new Uint8Array(
      [...'Titel;Beschreibung\r\n']
        .map((c) => c.charCodeAt(0))
        .concat([0x47, 0x72, 0xfc, 0x6e, 0x65, 0x20, 0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x3b, 0x78, 0x0d, 0x0a]),
    );
    window.fetch = async () => new Response(bytes, { headers: { 'Content-Type': 'text/csv' } });
    try {
      const el = await mount('idea-wall', { src: '/ideen.csv' });
      expect(textOf(el)).to.contain('Grüne Straße');
    } finally {
      window.fetch = original;
    }
  });

  it('warns in the console with line and column, and shows the good rows', async () => {
    const original = window.fetch;
    window.fetch = async () =>
      new Response('Name;Breitengrad;Längengrad;Ziele\r\nMarkt;51,73;11,26;Quedlinburg\r\nNord;51,74;11,25;\r\n;51,75;11,27;Thale\r\n', {
        headers: { 'Content-Type': 'text/csv' },
      });
    try {
      let el!: WidgetElement;
      const warnings = await captureWarnings(async () => {
        el = await mount('mitfahrbank-map', { src: '/baenke.csv' });
      });
      const all = warnings.join('\n');
      expect(all).to.contain('Zeile 3, Spalte „Ziele“: leer');
      expect(all).to.contain('Zeile 4, Spalte „Name“: leer – die Zeile wird übersprungen.');
      expect(textOf(el)).to.contain('Markt');
      expect(textOf(el)).to.contain('Nord');
    } finally {
      window.fetch = original;
    }
  });

  it('shows the error view naming the line when a quote is never closed', async () => {
    const original = window.fetch;
    window.fetch = async () => new Response('Titel;Beschreibung\n"Sofa;kaputt\n', { headers: { 'Content-Type': 'text/csv' } });
    try {
      const el = document.createElement('idea-wall') as WidgetElement;
      el.src = '/kaputt.csv';
      el.eager = true;
      const wrapper = await fixture(html`<div></div>`);
      const failed = oneEvent(el, 'st-error');
      wrapper.append(el);
      const e = await failed;
      expect(e.detail.message).to.match(/CSV Zeile 2: .*nie geschlossen/);
      await settled(el);
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.not.equal(null);
    } finally {
      window.fetch = original;
    }
  });

  it('takes CSV text as the data property with format="csv"', async () => {
    const el = document.createElement('partner-logos') as WidgetElement;
    el.format = 'csv';
    el.data = 'Gruppe;Name\nGefördert durch;Landkreis Harz\n';
    el.eager = true;
    const wrapper = await fixture(html`<div></div>`);
    const loaded = oneEvent(el, 'st-load');
    wrapper.append(el);
    await loaded;
    await settled(el);
    expect(textOf(el)).to.contain('Gefördert durch');
    expect(textOf(el)).to.contain('Landkreis Harz');
  });
});
