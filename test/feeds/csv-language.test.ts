/**
 * Spreadsheet notes follow the page's language (issue 16 leftover): every widget loads a bad CSV
 * on an English page (the `lang` of an ancestor) and on a German one; the console note and the
 * widget's text are in that language, with no fragment of the other.
 */
import { expect, fixture } from '@open-wc/testing';
import { captureWarnings, settled, textOf } from '../helpers.js';
import '../../src/mitfahrbank-map/mitfahrbank-map.js';
import '../../src/idea-wall/idea-wall.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import '../../src/partner-logos/partner-logos.js';
import '../../src/jugend-budget/jugend-budget.js';
import type { WidgetElement } from '../../src/core/widget-element.js';
import { clearFeedCache } from '../../src/core/request.js';

/** Per widget: a CSV with an unknown column, a bad cell and a row it must skip, and what must show. */
const cases = [
  {
    tag: 'idea-wall',
    csv: 'Titel;Unterstützer;Farbe\nDas rollende Sofa;viele;rot\n;3;blau\n',
    shown: 'Das rollende Sofa',
    en: [
      'Line 1: column “Farbe” is unknown',
      'Line 2, column “Unterstützer”: “viele” is not a number',
      'Line 3, column “Titel”: empty – the row is skipped.',
    ],
    de: [
      'Zeile 1: Spalte „Farbe“ ist unbekannt',
      'Zeile 2, Spalte „Unterstützer“: „viele“ ist keine Zahl',
      'Zeile 3, Spalte „Titel“: leer – die Zeile wird übersprungen.',
    ],
  },
  {
    tag: 'mitfahrbank-map',
    csv: 'Name;Breitengrad;Längengrad;Ziele;Farbe\nMarktplatz;51,73;11,26;Quedlinburg;rot\nOhne Breite;;11,2;Ort;\nAußerhalb;95;11,2;Ort;\nOhne Ziel;51,74;11,27;;\n',
    shown: 'Marktplatz',
    en: [
      'column “Farbe” is unknown',
      'Line 3, column “Breitengrad”: empty – the row is skipped.',
      'Line 4, column “Breitengrad”: 95 is off the earth',
      'Line 5, column “Ziele”: empty – the bench is shown without destinations',
    ],
    de: [
      'Spalte „Farbe“ ist unbekannt',
      'Zeile 3, Spalte „Breitengrad“: leer – die Zeile wird übersprungen.',
      'Zeile 4, Spalte „Breitengrad“: 95 liegt außerhalb der Erde',
      'Zeile 5, Spalte „Ziele“: leer – die Bank wird ohne Ziele gezeigt',
    ],
  },
  {
    tag: 'ehrenamt-card',
    attrs: 'sections="partners"',
    csv: 'Name;Kategorie;Breitengrad;Längengrad;Farbe\nFreibad Harzstedt;Sport;51,71;;rot\n;Sport;;;\n',
    shown: 'Freibad Harzstedt',
    en: [
      'column “Farbe” is unknown',
      'Line 2, column “Längengrad”: empty, but the other coordinate is there',
      'Line 3, column “Name”: empty – the row is skipped.',
    ],
    de: [
      'Spalte „Farbe“ ist unbekannt',
      'Zeile 2, Spalte „Längengrad“: leer, aber die andere Koordinate ist da',
      'Zeile 3, Spalte „Name“: leer – die Zeile wird übersprungen.',
    ],
  },
  {
    tag: 'partner-logos',
    csv: 'Name;Mindesthöhe;Graustufen;Farbe\nStiftung Harzstedt;hoch;vielleicht;rot\n',
    shown: 'Stiftung Harzstedt',
    en: [
      'column “Farbe” is unknown',
      'Line 2, column “Mindesthöhe”: “hoch” is not a number',
      'Line 2, column “Graustufen”: “vielleicht” is neither “yes” nor “no”',
      'there is no group above',
    ],
    de: [
      'Spalte „Farbe“ ist unbekannt',
      'Zeile 2, Spalte „Mindesthöhe“: „hoch“ ist keine Zahl',
      'Zeile 2, Spalte „Graustufen“: „vielleicht“ ist weder „ja“ noch „nein“',
      'darüber steht keine Gruppe',
    ],
  },
  {
    tag: 'jugend-budget',
    attrs: 'budget="10000" phase="proposals"',
    csv: 'Projekt;Kosten;Farbe\nSkate-Rampe;teuer;rot\n;100;\n',
    shown: 'Skate-Rampe',
    en: [
      'column “Farbe” is unknown',
      'Line 2, column “Kosten”: “teuer” is not a number',
      'Line 3, column “Projekt”: empty – the row is skipped.',
    ],
    de: [
      'Spalte „Farbe“ ist unbekannt',
      'Zeile 2, Spalte „Kosten“: „teuer“ ist keine Zahl',
      'Zeile 3, Spalte „Projekt“: leer – die Zeile wird übersprungen.',
    ],
  },
];

/** Words of the German notes that must not appear on an English page (and the other way round). */
const GERMAN = /\b(Zeile|Spalte|übersprungen|weggelassen|unbekannt|Hinweis|fehlt|fehlen|Kopfzeile)\b/;
const ENGLISH = /\b(Line|column|skipped|left out|unknown|note\(s\)|missing|header)\b/;

async function load(tag: string, csv: string, lang: 'de' | 'en', attrs = ''): Promise<{ el: WidgetElement; console: string }> {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  let el!: WidgetElement;
  const warnings = await captureWarnings(async () => {
    const holder = await fixture<HTMLElement>(`<div lang="${lang}"><${tag} eager view="list" ${attrs} src="${url}"></${tag}></div>`);
    el = holder.firstElementChild as WidgetElement;
    await settled(el);
    await el.updateComplete;
  });
  URL.revokeObjectURL(url);
  return { el, console: warnings.join('\n') };
}

afterEach(() => clearFeedCache());

for (const c of cases) {
  describe(`<${c.tag}>: spreadsheet notes in the page's language`, () => {
    it('on an English page the console note and the widget are English', async () => {
      const { el, console } = await load(c.tag, c.csv, 'en', c.attrs);
      expect(textOf(el)).to.contain(c.shown);
      expect(console).to.contain('note(s) on the data');
      for (const note of c.en) expect(console).to.contain(note);
      expect(console.replace(/„[^“]*“|“[^”]*”/g, ''), 'no German fragment outside quoted cells').not.to.match(GERMAN);
    });

    it('on a German page they are German', async () => {
      const { el, console } = await load(c.tag, c.csv, 'de', c.attrs);
      expect(textOf(el)).to.contain(c.shown);
      expect(console).to.contain('Hinweis(e) zu den Daten');
      for (const note of c.de) expect(console).to.contain(note);
      expect(console.replace(/„[^“]*“|“[^”]*”/g, ''), 'no English fragment outside quoted cells').not.to.match(ENGLISH);
    });

    it('a table without the required columns is an English error on an English page, a German one on a German page', async () => {
      const en = await load(c.tag, 'Foo;Bar\n1;2\n', 'en', c.attrs);
      expect(textOf(en.el)).to.contain('The data does not have the expected shape').and.contain('missing in the header');
      expect(textOf(en.el)).not.to.match(GERMAN);
      expect(en.console).to.contain('missing in the header');
      const de = await load(c.tag, 'Foo;Bar\n1;2\n', 'de', c.attrs);
      expect(textOf(de.el))
        .to.contain('Die Daten haben nicht die erwartete Form')
        .and.match(/(fehlt|fehlen) in der Kopfzeile/);
      expect(de.console).to.match(/(fehlt|fehlen) in der Kopfzeile/);
    });
  });
}

describe('<ehrenamt-card>: programme notes in the page’s language', () => {
  const data = {
    name: 'Karte',
    tiers: [{ id: 'a', name: 'Grün', colour: 'pink', rule: { type: 'any' } }],
    partners: [{ name: 'Freibad', category: 'Sport', phone: 'ruf an!', email: 'kein-at' }],
  };
  for (const [lang, expected, other] of [
    [
      'en',
      [
        'colour “pink” unknown',
        'blue used',
        '“any” without a list “of” – shown as text',
        'phone number “ruf an!”',
        'e-mail address “kein-at” invalid',
      ],
      GERMAN,
    ],
    [
      'de',
      [
        'Farbe „pink“ unbekannt',
        'Blau verwendet',
        '„any“ ohne Liste „of“ – wird als Text angezeigt',
        'Telefonnummer „ruf an!“',
        'E-Mail-Adresse „kein-at“ ungültig',
      ],
      ENGLISH,
    ],
  ] as const) {
    it(`${lang}: unknown colour, broken rule, phone and e-mail`, async () => {
      let el!: WidgetElement;
      const warnings = await captureWarnings(async () => {
        const holder = await fixture<HTMLElement>(`<div lang="${lang}"><ehrenamt-card eager></ehrenamt-card></div>`);
        el = holder.firstElementChild as WidgetElement;
        el.data = data;
        await settled(el);
      });
      const console = warnings.join('\n');
      expect(textOf(el)).to.contain('Freibad');
      for (const note of expected) expect(console).to.contain(note);
      expect(console.replace(/„[^“]*“|“[^”]*”/g, '')).not.to.match(other);
    });
  }
});
