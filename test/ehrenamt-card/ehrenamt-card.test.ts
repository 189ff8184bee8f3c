import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { captureWarnings, fixture, html, jsonResponse, markupOf, settled, textOf } from '../helpers.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import type { EhrenamtCard } from '../../src/ehrenamt-card/ehrenamt-card.component.js';
import { typeText } from '../keys.js';
import { icons } from '../../src/ehrenamt-card/ehrenamt-card.icons.js';

const blueRule = {
  type: 'all',
  of: [
    { type: 'age', min: 16 },
    {
      type: 'any',
      of: [
        {
          type: 'all',
          of: [
            {
              type: 'any',
              of: [
                { type: 'hoursPerWeek', min: 5 },
                { type: 'hoursPerYear', min: 250 },
              ],
            },
            { type: 'years', min: 2 },
          ],
        },
        { type: 'flag', id: 'juleica', question: 'Ich habe eine Jugendleiter-Card (Juleica).' },
      ],
    },
  ],
};

const partner = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  category: 'food',
  benefit: `${name}: 10 % Rabatt`,
  locations: [{ street: 'Markt 1', postalCode: '06499', city: 'Harzstedt', lat: 51.72, lng: 11.24 }],
  ...extra,
});

const programme = () => ({
  name: 'Ehrenamtskarte Harzstedt',
  issuer: 'Stadt Harzstedt',
  region: 'Harzstedt',
  description: 'Danke für Ihr Engagement.',
  benefits: ['Ermäßigungen bei Partnern'],
  tiers: [
    { id: 'blau', name: { de: 'blaue Karte', en: 'blue card' }, colour: 'blue', validityYears: 3, rule: blueRule },
    {
      id: 'gold',
      name: 'goldene Karte',
      colour: 'gold',
      rule: {
        type: 'any',
        of: [
          { type: 'years', min: 25 },
          { type: 'honours', label: 'Ehrung durch den Landrat' },
        ],
      },
    },
  ],
  apply: { url: 'https://example.org/antrag', phone: '03946 123', email: 'ehrenamt@example.org', costs: 'kostenlos' },
  partners: [
    partner('Bäckerei Sommer', { category: 8, locations: [{ city: 'Selkeheim', lat: 51.7, lng: 11.28 }] }),
    partner('Freibad', { category: 'health', locations: [{ city: 'Harzstedt', lat: 51.71, lng: 11.23 }] }),
    partner('Kino Schauburg', {
      category: '3',
      benefit: { de: 'Montags 5 €', en: 'Mondays €5' },
      locations: [{ city: 'Kronberg', lat: 50.18, lng: 8.5 }],
    }),
  ],
});

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => root(el).querySelector<T>(sel)!;
const $$ = (el: Element, sel: string) => [...root(el).querySelectorAll<HTMLElement>(sel)];
const names = (el: Element) => $$(el, '.partner .h').map((h) => h.textContent!.trim());

async function make(data: unknown = programme(), attrs = '') {
  const el = await fixture<EhrenamtCard>(html`<ehrenamt-card eager .data=${data}></ehrenamt-card>`);
  if (attrs) attrs.split(' ').forEach((a) => el.setAttribute(a.split('=')[0], a.split('=')[1] ?? ''));
  await settled(el);
  return el;
}

async function fill(el: EhrenamtCard, values: Record<string, string>, flags: string[] = []) {
  for (const [name, value] of Object.entries(values)) {
    const input = $<HTMLInputElement | HTMLSelectElement>(el, `form [name="${name}"]`);
    input.value = value;
  }
  for (const f of flags) $<HTMLInputElement>(el, `input[value="${f}"]`).checked = true;
  $<HTMLButtonElement>(el, 'form button[type=submit]').click();
  await el.updateComplete;
}

describe('<ehrenamt-card>', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
    delete (navigator as { geolocation?: unknown }).geolocation;
  });

  it('shows a loading state, then the card', async () => {
    // The feed answers only when released, so the loading state is seen for sure.
    let release!: () => void;
    const answered = new Promise<void>((r) => (release = r));
    const original = window.fetch;
    window.fetch = async () => {
      await answered;
      return jsonResponse(programme());
    };
    try {
      const el = await fixture<EhrenamtCard>(html`<ehrenamt-card eager src="/programm.json"></ehrenamt-card>`);
      expect($(el, '[part="loading"]')).to.exist;
      await expect(el).to.be.accessible();
      release();
      await settled(el);
      expect(markupOf($(el, '[part="loading"]'))).to.equal(null);
      expect($$(el, '[part="card"]'), 'the card tiers after loading').to.have.length(2);
    } finally {
      window.fetch = original;
    }
  });

  it('draws the card tiers and explains programme, rules and how to apply', async () => {
    const el = await make();
    const cards = $$(el, '[part="card"]');
    expect(cards).to.have.length(2);
    expect(cards[0].textContent).to.contain('blaue Karte').and.contain('gültig 3 Jahre').and.contain('Ehrenamtskarte Harzstedt');
    const text = textOf(el);
    expect(text).to.contain('Danke für Ihr Engagement').and.contain('Ermäßigungen bei Partnern');
    expect(text).to.contain('mindestens 16 Jahre alt').and.contain('mindestens 5 Stunden pro Woche oder mindestens 250 Stunden im Jahr');
    expect($<HTMLAnchorElement>(el, '.apply a[href^="tel:"]').href).to.equal('tel:03946123');
    expect($<HTMLAnchorElement>(el, '.apply a.primary').href).to.equal('https://example.org/antrag');
    await expect(el).to.be.accessible();
  });

  for (const [lang, src, region, blue, gold] of [
    ['de', '/demo/data/ehrenamt.json', 'Harzstedt und Kronberg', 'gültig 3 Jahre', 'unbefristet gültig'],
    ['en', '/demo/data/en/ehrenamt.json', 'Harzstedt and Kronberg', 'valid for 3 years', 'valid indefinitely'],
  ]) {
    it(`${lang}: every card face of the demo says how long it is valid, the gold one too`, async () => {
      const el = await fixture<EhrenamtCard>(html`<ehrenamt-card eager lang=${lang} src=${src}></ehrenamt-card>`);
      await settled(el);
      const feet = $$(el, '[part="card"] .card-foot').map((f) => [...f.children].map((c) => c.textContent!.trim()).join(' · '));
      expect(feet.join(' | ')).to.equal(`${region} · ${blue} | ${region} · ${gold}`);
    });
  }

  it('a tier the feed says nothing about validity for shows no validity line (none invented)', async () => {
    const el = await make();
    const feet = $$(el, '[part="card"] .card-foot').map((f) => f.textContent!.replace(/\s+/g, ' ').trim());
    expect(feet.join(' | ')).to.equal('Harzstedt gültig 3 Jahre | Harzstedt');
  });

  it('shows rules of unknown type as text, never drops them', async () => {
    const warnings = await captureWarnings(() => make());
    const el = await make();
    expect($$(el, '.rules .as-text').map((li) => li.textContent!.trim())).to.include('Ehrung durch den Landrat');
    expect(warnings.join()).to.contain('unbekannter Regeltyp „honours“');
  });

  it('asks only the questions the rules need', async () => {
    const el = await make({
      name: 'Berlin',
      tiers: [
        {
          id: 'b',
          name: 'Karte',
          rule: {
            type: 'all',
            of: [
              { type: 'hoursPerYear', min: 200 },
              { type: 'years', min: 1 },
            ],
          },
        },
      ],
    });
    expect(markupOf($(el, '[name="age"]'))).to.be.null;
    expect($(el, '[name="hours"]')).to.exist;
    expect($<HTMLSelectElement>(el, '[name="hoursUnit"]').value).to.equal('year');
    expect($(el, '[name="years"]')).to.exist;
    expect(markupOf($(el, '[name="flag"]'))).to.be.null;
    expect(markupOf($(el, '[name="allowance"]'))).to.be.null;
  });

  it('self-check: qualifies, with the apply link, marked as non-binding, focus on the result', async () => {
    const el = await make();
    await fill(el, { age: '30', hours: '6', hoursUnit: 'week', years: '3' });
    const result = $(el, '[part="result"]');
    expect(result.textContent).to.contain('Sie erfüllen die Voraussetzungen für die blaue Karte.');
    expect(result.querySelector<HTMLAnchorElement>('a.button')!.href).to.equal('https://example.org/antrag');
    expect(result.textContent).to.contain('unverbindlich'.replace('u', 'U'));
    expect(root(el).activeElement?.id).to.equal('result-h');
    await expect(el).to.be.accessible();
  });

  it('on a phone-narrow widget the categories sit behind one button; opened, every chip is visible (they wrap)', async () => {
    const el = await make();
    el.style.width = '320px';
    // The narrow layout switches a frame after the resize is observed (not after a fixed 100 ms: WebKit under load).
    for (let i = 0; i < 60 && !el.hasAttribute('narrow'); i++) await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
    expect(el.hasAttribute('narrow'), 'narrow layout').to.equal(true);
    expect($(el, '#chips').hidden).to.equal(true);
    const toggle = $<HTMLButtonElement>(el, '[aria-controls="chips"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const box = el.getBoundingClientRect();
    const chips = $$(el, '.chip');
    expect(chips.length).to.be.greaterThan(3);
    for (const chip of chips) {
      const r = chip.getBoundingClientRect();
      expect(r.left >= box.left - 1 && r.right <= box.right + 1, `${chip.textContent!.trim()} inside the widget`).to.equal(true);
    }
    // The card's text sections are disclosures there: closed, and opened by their heading's button.
    const who = ($$(el, 'button.disclose') as HTMLButtonElement[]).find((b) => b.textContent!.includes('Wer bekommt die Karte?'))!;
    expect(who.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '#sec-who').hidden).to.equal(true);
    who.click();
    await el.updateComplete;
    expect($(el, '#sec-who').hidden).to.equal(false);
    expect($(el, '#sec-who').textContent).to.contain('mindestens 16 Jahre alt');
    await expect(el).to.be.accessible();
  });

  it('self-check: one year short reads "es fehlt 1 Jahr"', async () => {
    const el = await make();
    await fill(el, { age: '15', hours: '6', hoursUnit: 'week', years: '3' });
    const t = $$(el, '.outcome')[0].textContent!.replace(/\s+/g, ' ');
    expect(t).to.contain('Ihre Angabe: 15 – es fehlt 1 Jahr)');
  });

  it('self-check: does not qualify, says by how much, and shows the alternatives', async () => {
    const el = await make();
    await fill(el, { age: '30', hours: '150', hoursUnit: 'year', years: '3' });
    const blue = $$(el, '.outcome')[0];
    expect(blue.classList.contains('no')).to.be.true;
    expect(blue.textContent).to.contain('noch nicht erfüllt');
    const t = blue.textContent!.replace(/\s+/g, ' ');
    expect(t).to.contain('mindestens 250 Stunden im Jahr (Ihre Angabe: 150 – es fehlen 100 Stunden im Jahr)');
    expect(t).to.contain('mindestens 5 Stunden pro Woche (Ihre Angabe: 3 – es fehlen 2 Stunden pro Woche)');
    expect(t).to.contain('Einer dieser Wege genügt').and.contain('Juleica');
    expect(markupOf(blue.querySelector('a.button'))).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('self-check: the alternative route (Juleica) qualifies; unknown rules keep gold open', async () => {
    const el = await make();
    await fill(el, { age: '17' }, ['juleica']);
    const [blue, gold] = $$(el, '.outcome');
    expect(blue.textContent).to.contain('Sie erfüllen die Voraussetzungen für die blaue Karte');
    expect(gold.classList.contains('open')).to.be.true;
    expect(gold.textContent).to.contain('Ehrung durch den Landrat').and.contain('klärt die Ausgabestelle');
    // "Jetzt beantragen" only where the result is positive, not while it is still open.
    expect(!!blue.querySelector('a.button')).to.equal(true);
    expect(!!gold.querySelector('a.button')).to.equal(false);
  });

  it('counts in the language: 1 Jahr, 2 Jahren; 1 year, 2 years (Intl.PluralRules)', async () => {
    const tiers = (min: number) => [
      {
        id: 't',
        name: 'Karte',
        rule: {
          type: 'all',
          of: [
            { type: 'years', min },
            { type: 'age', min: 1 },
            { type: 'hoursPerWeek', min },
          ],
        },
      },
    ];
    const one = await make({ name: 'Eins', tiers: tiers(1) });
    expect(textOf(one))
      .to.contain('seit mindestens 1 Jahr engagiert')
      .and.contain('mindestens 1 Jahr alt')
      .and.contain('mindestens 1 Stunde pro Woche');
    expect(textOf(one)).not.to.contain('1 Jahren');
    const two = await make({ name: 'Zwei', tiers: tiers(2) });
    expect(textOf(two)).to.contain('seit mindestens 2 Jahren engagiert').and.contain('mindestens 2 Stunden pro Woche');
    const en = await make({ name: 'One', tiers: tiers(1) }, 'lang=en');
    await en.updateComplete;
    expect(textOf(en)).to.contain('volunteering for at least 1 year').and.contain('at least 1 hour per week');
    expect(textOf(en)).not.to.contain('1 years');
  });

  it('never says "Karte" for the map next to the card: the map is the "Stadtplan"', async () => {
    const el = await make();
    el.sections = 'partners map';
    await waitUntil(() => root(el).querySelector('st-map'), 'the map section', { timeout: 5000 });
    await el.updateComplete;
    const map = root(el).querySelector('st-map') as HTMLElement & { updateComplete: Promise<unknown> };
    await map.updateComplete;
    const placeholder = (map.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
    expect(placeholder).to.contain('Stadtplan anzeigen?').and.contain('Stadtplan laden');
    expect(/\bKarte\b/.test(placeholder)).to.equal(false);
    // A page's own words still win.
    el.strings = { mapConsentLoad: 'Plan zeigen' };
    await el.updateComplete;
    await map.updateComplete;
    expect(map.shadowRoot!.textContent).to.contain('Plan zeigen');
  });

  it('self-check sends nothing: no request while checking', async () => {
    const el = await make();
    let calls = 0;
    window.fetch = async () => (calls++, new Response('{}'));
    const beacon = navigator.sendBeacon;
    navigator.sendBeacon = () => (calls++, true);
    await fill(el, { age: '30', hours: '6', years: '3' });
    navigator.sendBeacon = beacon;
    expect(calls).to.equal(0);
    expect($<HTMLFormElement>(el, 'form').getAttribute('action')).to.be.null;
  });

  it('searches accent-insensitively over name, benefit and place', async () => {
    const el = await make();
    expect(names(el)).to.deep.equal(['Bäckerei Sommer', 'Freibad', 'Kino Schauburg']);
    const search = $<HTMLInputElement>(el, 'input[type=search]');
    search.value = 'backerei';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Bäckerei Sommer']);
    search.value = 'montags';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Kino Schauburg']);
    search.value = 'selkeheim';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Bäckerei Sommer']);
    search.value = 'zzz';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(textOf(el)).to.contain('Keine Partner gefunden');
    await expect(el).to.be.accessible();
  });

  it('filters by category (built-in app categories, ids or aliases)', async () => {
    const el = await make();
    const chips = $$(el, '.chip');
    expect(chips.map((c) => c.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Alle',
      'Gesundheit/Sport/Wellness (1)',
      'Bildung/Kultur/Unterhaltung (1)',
      'Essen/Trinken/Gastronomie (1)',
    ]);
    chips[3].click();
    await el.updateComplete;
    expect(chips[3].getAttribute('aria-pressed')).to.equal('true');
    expect(names(el)).to.deep.equal(['Bäckerei Sommer']);
    chips[0].click();
    await el.updateComplete;
    expect(names(el)).to.have.length(3);
  });

  it('data categories add to and override the built-in set', async () => {
    const el = await make({
      ...programme(),
      categories: [{ id: 'verein', label: 'Vereine', colour: '#225500', icon: 'home' }],
      partners: [partner('Sportverein', { category: 'verein' })],
    });
    expect($$(el, '.chip')[1].textContent).to.contain('Vereine');
  });

  it("draws each partner's category icon once updateComplete resolves (the icons are a lazy chunk), 'other' for an unknown icon", async () => {
    const el = await make({
      ...programme(),
      categories: [
        { id: 'verein', label: 'Vereine', colour: '#225500', icon: 'home' },
        { id: 'x', label: 'X', colour: '#225500', icon: 'no-such-icon' },
      ],
      partners: [partner('A-Verein', { category: 'verein' }), partner('B-Laden', { category: 'x' })],
    });
    const drawn = $$(el, '.partner .cat-icon').map((s) => s.querySelector('path')?.getAttribute('d') ?? 'none');
    expect(drawn).to.deep.equal([icons.home, icons.other]);
    expect($(el, '.chip .cat-icon path')?.getAttribute('d') ?? 'none', 'the chips have icons too').to.equal(icons.home);
  });

  it('sorts by distance only after a click on "In meiner Nähe"', async () => {
    let asked = 0;
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (ok: PositionCallback) => (asked++, ok({ coords: { latitude: 50.2, longitude: 8.5 } } as GeolocationPosition)),
      },
    });
    const el = await make();
    expect(asked).to.equal(0);
    const near = $$(el, '.tools button')[0];
    expect(near.textContent).to.contain('In meiner Nähe');
    near.click();
    await el.updateComplete;
    expect(asked).to.equal(1);
    expect(names(el)[0]).to.equal('Kino Schauburg');
    expect($$(el, '.partner .meta')[0].textContent).to.match(/\d+,\d km/);
    expect($<HTMLSelectElement>(el, '#sort').value).to.equal('distance');
    expect(textOf(el)).to.contain('Sortiert nach Entfernung');
  });

  it('says clearly when the location is refused', async () => {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (_ok: PositionCallback, err: PositionErrorCallback) =>
          err({ code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError),
      },
    });
    const el = await make();
    $$(el, '.tools button')[0].click();
    await el.updateComplete;
    expect($(el, '.status').textContent).to.contain('Standort nicht freigegeben');
    expect(names(el)[0]).to.equal('Bäckerei Sommer');
    await expect(el).to.be.accessible();
  });

  // How fast first render and search are lives in `npm run bench` (speed targets are not CI gates).
  it('shows 5,000 partners in pages and searches all of them', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => partner(`Partner ${String(i).padStart(4, '0')}`, { category: String(i % 10) }));
    const el = await make({ ...programme(), partners: many }, 'page-size=20');
    expect(names(el)).to.have.length(20);
    expect(textOf(el)).to.contain('5.000 Partner gefunden');
    const search = $<HTMLInputElement>(el, 'input[type=search]');
    search.value = 'partner 4321';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(textOf(el)).to.contain(' 1 Partner gefunden');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const more = $<HTMLButtonElement>(el, 'button.more');
    expect(more.textContent).to.contain('Mehr anzeigen (20 weitere)');
    more.click();
    await el.updateComplete;
    expect(names(el)).to.have.length(40);
    expect(root(el).activeElement?.getAttribute('data-i')).to.equal('20');
  });

  it('skips partners without a name, with a warning', async () => {
    let el!: EhrenamtCard;
    const warnings = await captureWarnings(
      async () => (el = await make({ ...programme(), partners: [partner('Gut'), { benefit: 'ohne Namen' }, partner('  ')] })),
    );
    expect(names(el)).to.deep.equal(['Gut']);
    expect(warnings.join()).to.contain('partners[1]').and.contain('partners[2]');
  });

  it('shows HTML in any field as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const el = await make({
      ...programme(),
      name: `<b>Karte</b>`,
      description: evil,
      partners: [partner(`<script>x</script>Laden`, { benefit: evil, hours: '<i>immer</i>' })],
    });
    expect(markupOf(root(el).querySelector('img, b, i, script'))).to.be.null;
    expect(textOf(el)).to.contain('<b>Karte</b>').and.contain(evil).and.contain('<script>x</script>Laden');
    expect((window as { __pwned?: number }).__pwned).to.be.undefined;
  });

  it('drops unsafe URLs and builds tel: links only from digits, spaces, +, /, -', async () => {
    let el!: EhrenamtCard;
    const warnings = await captureWarnings(async () => {
      el = await make({
        ...programme(),
        apply: { url: 'javascript:alert(1)', formUrl: 'data:text/html,x' },
        partners: [
          partner('A', { website: 'javascript:alert(1)', phone: '0391 / 12-34 5', email: 'a@b.de?bcc=x@y.z' }),
          partner('B', { website: 'https://b.example/', phone: '0391 123; javascript:x', email: 'info@b.example' }),
        ],
      });
    });
    const links = $$(el, 'a').map((a) => a.getAttribute('href')!);
    expect(links.filter((h) => !/^(https?:|tel:|mailto:)/.test(h))).to.deep.equal([]);
    expect(links).to.include('tel:039112345').and.include('https://b.example/').and.include('mailto:info@b.example');
    expect(links.filter((h) => h.startsWith('tel:'))).to.have.length(1);
    expect(textOf(el)).to.contain('0391 123; javascript:x'); // shown as text, not as a link
    expect(warnings.join()).to.contain('unsichere URL');
  });

  it('reads the Ehrenamtskarte app CSV as a named partner source', async () => {
    const el = await fixture<EhrenamtCard>(
      html`<ehrenamt-card eager .data=${{ ...programme(), partners: [] }} partners-src="/test/ehrenamt-card/fixtures/partners.csv" partners-format="csv"></ehrenamt-card>`,
    );
    // Counted once the main feed has settled (it fires its own st-load, after format detection:
    // a programme without partners shows nothing natively), so only the partner file could count.
    await settled(el);
    let loads = 0;
    el.addEventListener('st-load', () => loads++);
    await waitUntil(() => names(el).length, 'the partners of the second source', { timeout: 5000 });
    expect(names(el)).to.have.length(12);
    expect(names(el)).to.include('Fahrradladen Speiche & Kette');
    const freibad = $$(el, '.partner').find((p) => p.textContent!.includes('Freibad Harzstedt'))!;
    expect(freibad.textContent)
      .to.contain('Eintritt 2,50 € statt 4 €, Saisonkarte 20 % günstiger')
      .and.contain('Am Waldbad 3, 06499 Harzstedt')
      .and.contain('Gesundheit');
    expect(freibad.querySelector<HTMLAnchorElement>('a[href^="https:"]')!.href).to.equal('https://freibad.harzstedt.example/');
    expect(loads, 'the named source fires no st-load of its own').to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('reads semicolon CSV with decimal commas, quoted quotes and line breaks', async () => {
    const el = await make({ ...programme(), partners: [] });
    el.partnersFormat = 'csv';
    el.partnersSrc = '/test/ehrenamt-card/fixtures/semicolon.csv';
    await waitUntil(() => names(el).length, 'the partners of the second source', { timeout: 5000 });
    expect(names(el)).to.deep.equal(['Café "Zur Post"']);
    expect($(el, '.benefit').textContent).to.equal('Kaffee gratis\nund Kuchen');
  });

  for (const [file, expected] of [
    ['missing-columns.csv', /Zeile 1: Spalte\(n\) fehlen in der Kopfzeile: discountDE, categoryId/],
    ['broken-quote.csv', /Zeile 3: Nach einem schließenden Anführungszeichen/],
  ] as const) {
    it(`a CSV with ${file.replace('.csv', '').replace('-', ' ')} gives a clear message naming the line`, async () => {
      const el = await make(programme());
      const error = oneEvent(el, 'st-error');
      el.partnersFormat = 'csv';
      el.partnersSrc = `/test/ehrenamt-card/fixtures/${file}`;
      const e = await error;
      expect(e.detail.message).to.match(expected);
      await el.updateComplete;
      const box = $(el, '.partners [part="error"]');
      expect(box.textContent).to.contain('Die Liste der Partner kann gerade nicht angezeigt werden.');
      expect(box.querySelector('details')!.textContent).to.match(expected);
      // the programme itself stays visible
      expect($$(el, '[part="card"]')).to.have.length(2);
      await expect(el).to.be.accessible();
    });
  }

  it('empty: a programme without partners says so', async () => {
    const el = await make({ ...programme(), partners: [] });
    expect($(el, '.partners').textContent).to.contain('Noch keine Partner eingetragen.');
    expect(markupOf($(el, 'button.more'))).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('reads partners embedded as <script type="application/json" data-source="partners">', async () => {
    const el = await fixture<EhrenamtCard>(html`<ehrenamt-card eager .data=${{ ...programme(), partners: [] }}>
      <script type="application/json" data-source="partners">
        { "partners": [{ "name": "Eingebettet", "category": 7 }] }
      </script>
    </ehrenamt-card>`);
    await settled(el);
    await waitUntil(() => names(el).length, 'the partners of the second source', { timeout: 5000 });
    expect(names(el)).to.deep.equal(['Eingebettet']);
  });

  it('lets the webmaster choose sections', async () => {
    const el = await make(programme(), 'sections=card');
    expect($(el, '[part="card"]')).to.exist;
    expect(markupOf($(el, '[part="check"]'))).to.be.null;
    expect(markupOf($(el, '[part="partners"]'))).to.be.null;
    el.sections = 'check partners';
    await el.updateComplete;
    expect(markupOf($(el, '[part="card"]'))).to.be.null;
    expect($(el, '[part="check"]')).to.exist;
    expect($(el, '[part="partners"]')).to.exist;
  });

  it('shows the partners on the shared map (consent first), filtered like the list', async () => {
    const el = await make(programme());
    el.sections = 'partners map';
    // The map loads with its words ("Stadtplan") as one lazy step: wait for the element itself.
    await waitUntil(() => root(el).querySelector('st-map'), 'the map section', { timeout: 5000 });
    await el.updateComplete;
    const map = $<HTMLElement & { points: { id: string; label: string }[]; selected?: string }>(el, 'st-map');
    expect(map.points.map((p) => p.label)).to.deep.equal(['Bäckerei Sommer', 'Freibad', 'Kino Schauburg']);
    // no tiles before consent: the placeholder is shown
    await (map as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(map.shadowRoot!.querySelector('.placeholder button')).to.exist;
    expect(markupOf(map.shadowRoot!.querySelector('st-map-view'))).to.be.null;
    $$(el, '.chip')[1].click();
    await el.updateComplete;
    expect(map.points.map((p) => p.label)).to.deep.equal(['Freibad']);
    const show = $$(el, '.partner button.link')[0];
    expect(show.textContent).to.contain('Auf dem Stadtplan zeigen');
    show.click();
    await el.updateComplete;
    expect(map.selected).to.equal(map.points[0].id);
    expect(el.querySelector('[slot=details]') ?? root(el).querySelector('[slot=details]')!.textContent).to.contain('Freibad');
    await expect(el).to.be.accessible();
  });

  it('moves focus into a partner shown on the map, and back to its button when the details close', async () => {
    const el = await make(programme());
    el.sections = 'partners map';
    await waitUntil(() => root(el).querySelector('st-map'), 'the map section', { timeout: 5000 });
    await el.updateComplete;
    const map = $<HTMLElement>(el, 'st-map');
    const show = $$(el, '.partner button.link')[0];
    const point = show.dataset.point!;
    show.focus();
    show.click();
    // The details panel (in <st-map>'s shadow root) gets focus, so a screen reader hears the pick.
    await waitUntil(() => map.shadowRoot!.activeElement?.matches('.details') ?? false, 'focus on the details', { timeout: 5000 });
    await sendKeys({ press: 'Escape' });
    // Closed: back on "Auf dem Stadtplan zeigen" for that partner, never on <body>.
    await waitUntil(() => root(el).activeElement?.getAttribute('data-point') === point, 'focus back on the button', { timeout: 5000 });
    expect(document.activeElement === el, 'focus in the card').to.equal(true);
  });

  it('shows an error state with retry when the feed fails', async () => {
    window.fetch = async () => new Response('nope', { status: 404 });
    const el = await fixture<EhrenamtCard>(html`<ehrenamt-card eager src="/nowhere.json"></ehrenamt-card>`);
    await settled(el);
    expect(textOf(el)).to.contain('Die Informationen zur Ehrenamtskarte können gerade nicht angezeigt werden.');
    await expect(el).to.be.accessible();
  });

  it('rejects a feed of the wrong shape with a message', async () => {
    window.fetch = async () => jsonResponse({ tiers: 'blau' });
    const el = await fixture<EhrenamtCard>(html`<ehrenamt-card eager src="/bad.json"></ehrenamt-card>`);
    await settled(el);
    expect($(el, '[part="error"] details').textContent).to.contain('name');
  });

  it('speaks English', async () => {
    const el = await fixture<EhrenamtCard>(html`<ehrenamt-card eager lang="en" .data=${programme()}></ehrenamt-card>`);
    await settled(el);
    expect(textOf(el))
      .to.contain('blue card')
      .and.contain('valid for 3 years')
      .and.contain('at least 16 years old')
      .and.contain('Where the card pays off')
      .and.contain('Mondays €5');
    await fill(el, { age: '30', hours: '6', years: '3' });
    expect($(el, '[part="result"]').textContent)
      .to.contain('You meet the requirements for the blue card.')
      .and.contain('Non-binding self-check');
    await expect(el).to.be.accessible();
  });

  it('works with the keyboard only', async () => {
    const el = await make();
    $<HTMLInputElement>(el, '#q-age').focus();
    await typeText('40');
    await sendKeys({ press: 'Tab' });
    await typeText('8');
    await sendKeys({ press: 'Tab' }); // unit select
    await sendKeys({ press: 'Tab' });
    await typeText('4');
    await sendKeys({ press: 'Enter' }); // submits the form
    await el.updateComplete;
    expect($(el, '[part="result"]').textContent).to.contain('Sie erfüllen die Voraussetzungen für die blaue Karte.');
    // partners: type into the search, then toggle a category chip with the keyboard
    $<HTMLInputElement>(el, 'input[type=search]').focus();
    await typeText('kino');
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Kino Schauburg']);
    $$(el, '.chip')[1].focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect($$(el, '.chip')[1].getAttribute('aria-pressed')).to.equal('true');
  });
});
