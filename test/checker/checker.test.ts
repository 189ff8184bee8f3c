import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/checker/checker.js';
// On the page the loader (dist/stadttraum.js) defines the widgets; here the sources do.
import '../../src/idea-wall/idea-wall.js';
import '../../src/partner-logos/partner-logos.js';
import type { FeedChecker } from '../../src/checker/checker.js';
import type { Finding } from '../../src/checker/checks.js';
import { sri } from '../../src/checker/snippet.js';
import { markupOf } from '../helpers.js';

const FIX = '/test/checker/fixtures';
let original: typeof fetch;

async function checker(tag = 'idea-wall'): Promise<FeedChecker> {
  const el = await fixture<FeedChecker>(html`<st-feed-checker></st-feed-checker>`);
  el.tag = tag;
  el.builder = { ...el.builder, tag };
  await el.updateComplete;
  return el;
}

async function run(el: FeedChecker, url: string, format = ''): Promise<Finding[]> {
  el.url = url;
  el.format = format;
  await el.check();
  await el.updateComplete;
  return el.findings ?? [];
}

const codes = (f: Finding[]) => f.map((x) => x.code);
const shown = (el: Node) => (el.textContent ?? '').replace(/\s+/g, ' ');
/** Answers the checker's fetches with `body` (the no-cors probe included). */
const serve = (body: BodyInit | (() => never), init: ResponseInit = {}) => {
  window.fetch = async (input: RequestInfo | URL, opts?: RequestInit) => {
    if (typeof body === 'function') body();
    if (String(input).includes('/dist/')) return original(input, opts);
    return new Response(body as BodyInit, init);
  };
};

describe('feed checker: what breaks embeds', () => {
  beforeEach(() => (original = window.fetch));
  afterEach(() => (window.fetch = original));

  it('CORS missing: the server answers to no-cors only; gives the exact header for Apache, nginx and WordPress', async () => {
    const el = await checker();
    window.fetch = async (input: RequestInfo | URL, opts?: RequestInit) => {
      if (String(input).includes('/dist/')) return original(input, opts);
      if (opts?.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    };
    const f = await run(el, 'https://daten.example.org/ideen.json');
    const cors = f.find((x) => x.code === 'cors')!;
    expect(cors.level).to.equal('error');
    expect(cors.example).to.equal('Access-Control-Allow-Origin: *');
    expect(cors.fixes!.map((x) => x.label.split(' ')[0])).to.deep.equal(['Apache', 'nginx', 'WordPress']);
    expect(cors.fixes![0].code).to.contain('Header set Access-Control-Allow-Origin "*"');
    expect(cors.fixes![1].code).to.contain('add_header Access-Control-Allow-Origin "*" always;');
    expect(cors.fixes![2].code).to.contain("header( 'Access-Control-Allow-Origin: *' );");
    const item = el.querySelector('[data-code="cors"]')!;
    expect(shown(item)).to.contain('Access-Control-Allow-Origin');
    expect(shown(el.querySelector('#st-summary')!)).to.contain('Fehlermeldung');
  });

  it('unreachable server', async () => {
    const el = await checker();
    serve(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(codes(await run(el, 'https://nicht-da.example.org/x.json'))).to.deep.equal(['unreachable']);
  });

  it('HTTP errors in plain words (404, login required)', async () => {
    const el = await checker();
    serve('Not found', { status: 404 });
    let f = await run(el, '/ideen.json');
    expect(f[0].code).to.equal('http');
    expect(f[0].text.de).to.match(/HTTP 404: Unter dieser Adresse gibt es keine Datei/);
    serve('no', { status: 403 });
    f = await run(el, '/ideen.json');
    expect(f[0].text.de).to.contain('nicht öffentlich');
  });

  it('an HTML page instead of data, with the CSV link for a Google sheet', async () => {
    const el = await checker();
    serve('<!DOCTYPE html><html><body>Anmelden</body></html>', { headers: { 'Content-Type': 'text/html' } });
    const f = await run(el, 'https://docs.google.com/spreadsheets/d/e/ABC/pubhtml');
    expect(codes(f)).to.deep.equal(['html']);
    expect(f[0].example).to.equal('https://docs.google.com/spreadsheets/d/e/ABC/pub?output=csv');
  });

  it('mixed content: an http feed', async () => {
    const el = await checker('partner-logos');
    serve(JSON.stringify({ groups: [{ heading: 'Partner', partners: [{ name: 'A' }] }] }), {
      headers: { 'Content-Type': 'application/json' },
    });
    const f = await run(el, 'http://daten.example.org/partner.json');
    expect(f[0].code).to.equal('mixed-content');
    expect(f[0].example).to.equal('https://daten.example.org/partner.json');
  });

  it('wrong content type for JSON, with the server lines to fix it', async () => {
    const el = await checker('partner-logos');
    serve(JSON.stringify({ groups: [{ heading: 'Partner', partners: [{ name: 'A' }] }] }), { headers: { 'Content-Type': 'text/html' } });
    const f = await run(el, '/partner.json');
    expect(codes(f)).to.deep.equal(['content-type']);
    expect(f[0].fixes![0].code).to.equal('AddType application/json .json');
  });

  it('a CSV the widget would not detect: note, and the snippet gets format="csv"', async () => {
    const el = await checker('partner-logos');
    // Served as JSON: the widgets' detector trusts the type and would try JSON (octet-stream is detected by content now).
    serve('Gruppe;Name\nPartner;A\n', { headers: { 'Content-Type': 'application/json' } });
    const f = await run(el, '/export?id=3');
    expect(codes(f)).to.include('csv-undetected');
    await aTimeout(0);
    expect(shown(el.querySelector('#st-out-html')!)).to.contain('format="csv"');
    expect(shown(el.querySelector('#st-out-wp')!)).to.contain('[partner_logos src="http://localhost');
    expect(shown(el.querySelector('#st-out-wp')!)).to.contain('format="csv"]');
  });

  it('Windows-1252 is detected and noted', async () => {
    const el = await checker('partner-logos');
    serve(new Uint8Array([...'Gruppe;Name\nPartner;'].map((c) => c.charCodeAt(0)).concat([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a])), {
      headers: { 'Content-Type': 'text/csv' },
    });
    const f = await run(el, '/partner.csv');
    expect(codes(f)).to.deep.equal(['windows-1252']);
    expect(JSON.stringify(el.report!.data)).to.contain('Müller');
  });

  it('addresses that are not addresses, or not http(s)', async () => {
    const el = await checker();
    expect(codes(await run(el, 'javascript:alert(1)'))).to.deep.equal(['unsafe-url']);
    expect(codes(await run(el, 'http://[zz'))).to.deep.equal(['bad-url']);
  });
});

describe('feed checker: problems in the data', () => {
  it('JSON syntax errors name the line', async () => {
    const el = await checker('partner-logos');
    original = window.fetch;
    serve('{\n  "groups": [\n    { "heading": "A", },\n  ]\n}', { headers: { 'Content-Type': 'application/json' } });
    try {
      const f = await run(el, '/kaputt.json');
      expect(f[0].code).to.equal('json-syntax');
      // The same place in every engine (Firefox says "line 3 column 23", WebKit names none).
      expect(f[0].where?.de).to.equal('Zeile 3, Zeichen 23');
    } finally {
      window.fetch = original;
    }
  });

  it('CSV syntax errors name the line', async () => {
    const el = await checker();
    original = window.fetch;
    serve('Titel;Beschreibung\n"Sofa;kaputt\n', { headers: { 'Content-Type': 'text/csv' } });
    try {
      const f = await run(el, '/kaputt.csv');
      expect(f[0].code).to.equal('csv-syntax');
      expect(f[0].text.de).to.match(/CSV Zeile 2: .*nie geschlossen/);
    } finally {
      window.fetch = original;
    }
  });

  it('a spreadsheet: every problem with line, column, expectation and example; unsafe links; images without alt text', async () => {
    const el = await checker('idea-wall');
    const f = await run(el, `${FIX}/broken-ideas.csv`);
    const by = (code: string) => f.filter((x) => x.code === code);
    const notes = by('note').map((n) => `${n.where?.de} ${n.field ?? ''}: ${n.text.de}`);
    expect(notes).to.include(
      'Zeile 1 : Spalte „Farbe“ ist unbekannt und wird nicht gelesen. Bekannte Spalten: Titel, Beschreibung, ID, Nummer, Kategorie, Schlagwörter, Datum, Von, Gruppe, Status, Begründung, Antwort, Antwort am, Antwort von, Unterstützer, Fortschritt, Nächste Schritte, Zuständig, Fällig, Verlauf, Bild, Bildbeschreibung, Bildnachweis, Ort, Breitengrad, Längengrad.',
    );
    expect(notes).to.include('Zeile 4 Titel: leer – die Zeile wird übersprungen.');
    expect(notes).to.include('Zeile 5 Unterstützer: „viele“ ist keine Zahl (Beispiel: 48) – weggelassen.');
    const alt = by('alt-missing')[0];
    expect(alt.where?.de).to.equal('Zeile 2 „Das rollende Sofa“');
    expect(alt.field).to.equal('Bildbeschreibung');
    expect(alt.example).to.match(/^Bildbeschreibung: /);
    const unsafe = by('unsafe-url')[0];
    expect(unsafe.level).to.equal('error');
    expect(unsafe.text.de).to.contain('javascript:alert(1)');
    expect(shown(el.querySelector('#st-summary')!)).to.contain('Besucher sehen 2 von 3 Ideen; 1 fehlt ohne Hinweis');
    expect(unsafe.where?.de).to.equal('Zeile 5');
    const live = el.querySelector('#st-live idea-wall');
    expect(!!live, 'the live preview is mounted with the report').to.equal(true);
    // The preview renders the checked data once its chunks have loaded: wait for the idea, not a fixed time.
    await waitUntil(() => shown(live!.shadowRoot ?? live!).includes('Das rollende Sofa'), 'the live preview shows the idea', {
      timeout: 5000,
    });
  });

  it('JSON: schema problems with item, field, expected and example; logo sizes; skipped items counted', async () => {
    const el = await checker('partner-logos');
    const f = await run(el, `${FIX}/broken-partners.json`);
    const schema = f.filter((x) => x.code === 'schema');
    const name = schema.find((x) => x.field === 'name')!;
    expect(name.where?.de).to.equal('Partner 2');
    expect(name.text.de).to.equal('leer');
    expect(name.example).to.equal('"name": "Bundesverband Soziokultur"');
    const width = schema.find((x) => x.field === 'logo.width')!;
    expect(width.where?.de).to.equal('Partner 3 „Stiftung“');
    expect(width.expected?.de).to.equal('eine Zahl');
    expect(width.example).to.equal('"width": 120');
    const size = f.find((x) => x.code === 'logo-size')!;
    expect(size.where?.de).to.equal('Partner 1 „Landkreis Harz“');
    expect(shown(el.querySelector('#st-summary')!)).to.contain('Besucher sehen 1 von 3 Partner; 2 fehlen ohne Hinweis');
    const rendered = el.querySelector('[data-code="schema"]')!;
    expect(shown(rendered)).to.contain('Erwartet');
    expect(shown(rendered)).to.contain('Beispiel');
  });

  it('nothing valid: says visitors would see an error', async () => {
    const el = await checker('partner-logos');
    original = window.fetch;
    serve(JSON.stringify({ groups: [{ heading: 'A', partners: [{ name: '' }] }] }), { headers: { 'Content-Type': 'application/json' } });
    try {
      const f = await run(el, '/leer.json');
      expect(codes(f)).to.include('nothing-shown');
      expect(shown(el.querySelector('#st-summary')!)).to.contain('Besucher sähen eine Fehlermeldung');
    } finally {
      window.fetch = original;
    }
  });

  it('a dropped file is checked like a URL', async () => {
    const el = await checker('mitfahrbank-map');
    await el.check(new File(['Name;Breitengrad;Längengrad;Ziele\nMarkt;51,73;11,26;\n'], 'baenke.csv', { type: 'text/csv' }));
    await el.updateComplete;
    const note = el.findings!.find((x) => x.code === 'note')!;
    expect(`${note.where?.de}, ${note.field}: ${note.text.de}`).to.match(/^Zeile 2, Ziele: leer/);
  });
});

describe('snippet builder', () => {
  it('writes the script tag with the SRI hash of the local file, the tag with attributes, CSP and shortcode', async () => {
    const el = await checker('mitfahrbank-map');
    el.builder = {
      ...el.builder,
      src: 'https://daten.example.org/baenke.csv',
      theme: 'dark',
      lang: 'en',
      options: { view: 'list' },
      consent: true,
      tileUrl: 'https://tiles.example.de/{z}/{x}/{y}.png',
      tileAttribution: '© Beispiel',
    };
    // The checker hashes the loader it links (SRI) in the background.
    await waitUntil(() => el.builder.integrity, "the loader's integrity hash", { timeout: 5000 });
    await el.updateComplete;
    const expected = await sri(await (await fetch(el.builder.scriptUrl)).arrayBuffer());
    const code = el.querySelector('#st-out-html')!.textContent!;
    expect(code).to.contain(`integrity="${expected}"`);
    expect(code).to.contain(
      '<mitfahrbank-map src="https://daten.example.org/baenke.csv" lang="en" theme="dark" view="list" consent="granted" tile-url="https://tiles.example.de/{z}/{x}/{y}.png" tile-attribution="© Beispiel">',
    );
    const policy = el.querySelector('#st-out-csp')!.textContent!;
    expect(policy).to.contain("connect-src 'self' https://daten.example.org;");
    expect(policy).to.contain("img-src 'self' https://tiles.example.de; connect-src");
    expect(policy).to.contain("trusted-types lit-html 'allow-duplicates'");
    expect(el.querySelector('#st-out-wp')!.textContent).to.equal(
      '[mitfahrbank_map src="https://daten.example.org/baenke.csv" lang="en" theme="dark" view="list"]',
    );
  });

  it('the produced snippet, loaded in a page, renders the widget', async () => {
    const el = await checker('partner-logos');
    el.builder = { ...el.builder, src: new URL('/demo/templates/partner.csv', location.href).href, options: { layout: 'row' } };
    // The checker hashes the loader it links (SRI) in the background.
    await waitUntil(() => el.builder.integrity, "the loader's integrity hash", { timeout: 5000 });
    await el.updateComplete;
    const code = el.querySelector('#st-out-html')!.textContent!;
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="de"><body>${code}</body></html>`;
    document.body.append(frame);
    frame.scrollIntoView(); // the widget loads when it nears the viewport, as on a real page
    try {
      let text = '';
      for (let i = 0; i < 100 && !text.includes('Bundesverband Soziokultur'); i++) {
        await aTimeout(50);
        text = frame.contentDocument?.querySelector('partner-logos')?.shadowRoot?.textContent ?? '';
      }
      expect(text).to.contain('Gefördert durch');
      expect(text).to.contain('Bundesverband Soziokultur');
      expect(frame.contentDocument!.querySelector('partner-logos')!.getAttribute('layout')).to.equal('row');
    } finally {
      frame.remove();
    }
  });

  it('the live preview uses the same attributes as the code', async () => {
    const el = await checker('idea-wall');
    el.builder = { ...el.builder, src: new URL('/demo/data/ideas.json', location.href).href, options: { layout: 'list' }, theme: 'dark' };
    await el.updateComplete;
    // The preview is built once the builder has settled (its own debounce): wait for it, not a fixed time.
    await waitUntil(
      () => el.querySelector('#st-preview idea-wall')?.getAttribute('layout') === 'list',
      'the preview with the chosen layout',
      { timeout: 5000 },
    );
    const preview = el.querySelector('#st-preview idea-wall')!;
    expect(preview.getAttribute('layout')).to.equal('list');
    expect(preview.getAttribute('theme')).to.equal('dark');
    expect(preview.getAttribute('src')).to.contain('/demo/data/ideas.json');
  });

  it('sections and the map options for the volunteer card', async () => {
    const el = await checker('ehrenamt-card');
    const boxes = [...el.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')];
    expect(boxes.map((b) => b.checked)).to.deep.equal([true, true, true, false]);
    expect(markupOf(el.querySelector('#st-tiles'))).to.equal(null);
    boxes[3].click();
    await el.updateComplete;
    expect(el.querySelector('#st-tiles')).to.exist;
    el.builder = { ...el.builder, src: 'https://x.example/p.csv' };
    await el.updateComplete;
    expect(el.querySelector('#st-out-html')!.textContent).to.contain('sections="card check partners map"');
    expect(el.querySelector('#st-out-csp')!.textContent).to.contain('https://tile.openstreetmap.org');
  });
});

describe('checker page: language and accessibility', () => {
  it('switches to English and back', async () => {
    const el = await checker();
    const button = el.querySelector('header button') as HTMLButtonElement;
    button.click();
    await el.updateComplete;
    expect(document.documentElement.lang).to.equal('en');
    expect(el.querySelector('h1')!.textContent).to.equal('Check your data and embed a widget');
    button.click();
    await el.updateComplete;
    expect(el.querySelector('h1')!.textContent).to.equal('Daten prüfen und Widget einbauen');
  });

  it('is accessible empty, with results, and in English', async () => {
    const el = await checker('partner-logos');
    await expect(el).to.be.accessible();
    await run(el, `${FIX}/broken-partners.json`);
    await aTimeout(300);
    await expect(el).to.be.accessible();
    (el.querySelector('header button') as HTMLButtonElement).click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    (el.querySelector('header button') as HTMLButtonElement).click();
  });
});
