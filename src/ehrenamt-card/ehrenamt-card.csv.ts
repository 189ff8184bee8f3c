/**
 * `<ehrenamt-card format="csv">`: the partners who give a discount, one place per row (rows with
 * the same ID add a further place). The card itself (tiers, how to apply) needs the JSON feed;
 * with a spreadsheet alone the widget shows the partner list under the name "Ehrenamtskarte".
 * The same columns read the Ehrenamtskarte app's import file (`partners-format="csv"`): its
 * English headers are aliases of the documented ones.
 */
import type { FeedContext } from '../core/feed-types.js';
import { fold } from '../core/text.js';
import { defaultCategories } from './ehrenamt-card.categories.js';
import { csvAdapter } from '../csv/csv-adapter.js';
import { col as c } from '../csv/column.js';
import { fromLine, type Column, type Sheet } from '../csv/sheet.js';

export const columns: readonly Column[] = [
  c(
    'name',
    'Name',
    'Name',
    ['Name des Geschäfts oder der Einrichtung (Pflicht).', 'Name of the shop or venue (required).'],
    'Freibad Harzstedt',
    { required: true, aliases: ['Partner', 'Geschäft', 'Einrichtung'] },
  ),
  c('benefit.de', 'Vorteil', 'Benefit', ['Was Karteninhaber bekommen.', 'What card holders get.'], 'Eintritt 2,50 € statt 4 €', {
    aliases: ['Ermäßigung', 'Rabatt', 'Angebot', 'discountDE', 'Vorteil (deutsch)'],
  }),
  c(
    'benefit.en',
    'Vorteil (englisch)',
    'Benefit (English)',
    ['Derselbe Vorteil auf Englisch (freiwillig).', 'The same benefit in English (optional).'],
    'Admission €2.50 instead of €4',
    { aliases: ['discountEN', 'discount', 'Vorteil englisch'] },
  ),
  c(
    'category',
    'Kategorie',
    'Category',
    [
      'Eine der Kategorien der Ehrenamtskarte, z. B. „Gesundheit/Sport/Wellness“, „Essen/Trinken/Gastronomie“ oder ihre Nummer 0–18.',
      'A category of the card, e.g. “Health/sport/wellness”, or its number 0–18.',
    ],
    'Gesundheit/Sport/Wellness',
    { aliases: ['categoryId', 'Branche'] },
  ),
  c('street', 'Straße', 'Street', ['Straße und Hausnummer.', 'Street and house number.'], 'Am Waldbad 3', {
    aliases: ['Strasse', 'Adresse', 'Anschrift'],
  }),
  c(
    'houseNumber',
    'Hausnummer',
    'House number',
    ['Nur wenn die Hausnummer in einer eigenen Spalte steht.', 'Only when the number has its own column.'],
    '3',
    { aliases: ['Nr', 'houseNumber'] },
  ),
  c(
    'postalCode',
    'PLZ',
    'Postcode',
    ['Postleitzahl (als Text formatieren, sonst fehlt die führende 0).', 'Postcode (format as text to keep a leading 0).'],
    '06499',
    { aliases: ['Postleitzahl', 'Postal code', 'ZIP', 'postalCode'] },
  ),
  c('city', 'Ort', 'City', ['Ort oder Ortsteil.', 'Town or district.'], 'Harzstedt', { aliases: ['Stadt', 'Town', 'location'] }),
  c('lat', 'Breitengrad', 'Latitude', ['Für die Karte und „in meiner Nähe“.', 'For the map and “near me”.'], '51,7135', {
    kind: 'number',
    aliases: ['Breite', 'lat', 'latitude'],
  }),
  c('lng', 'Längengrad', 'Longitude', ['Für die Karte und „in meiner Nähe“.', 'For the map and “near me”.'], '11,229', {
    kind: 'number',
    aliases: ['Länge', 'lng', 'lon', 'longitude'],
  }),
  c(
    'website',
    'Webseite',
    'Website',
    ['Adresse der Webseite; „www.…“ genügt.', 'Website; “www.…” is enough.'],
    'www.freibad-harzstedt.de',
    { aliases: ['Internet', 'Homepage', 'URL', 'Web'] },
  ),
  c('phone', 'Telefon', 'Phone', ['Telefonnummer.', 'Phone number.'], '03946 9120-40', { aliases: ['Tel', 'Telefonnummer', 'telephone'] }),
  c('email', 'E-Mail', 'Email', ['E-Mail-Adresse.', 'Email address.'], 'info@freibad-harzstedt.de', { aliases: ['Mail', 'EMail'] }),
  c(
    'hours.de',
    'Öffnungszeiten',
    'Opening hours',
    ['Wann der Vorteil gilt oder geöffnet ist.', 'When it is open.'],
    'Mai bis September täglich 10–19 Uhr',
    { aliases: ['Zeiten'] },
  ),
  c(
    'hours.en',
    'Öffnungszeiten (englisch)',
    'Opening hours (English)',
    ['Dieselben Zeiten auf Englisch (freiwillig).', 'The same hours in English (optional).'],
    'May to September, daily 10 am–7 pm',
  ),
  c(
    'id',
    'ID',
    'ID',
    [
      'Eine feste Kennung; Zeilen mit derselben ID sind weitere Standorte desselben Partners.',
      'A fixed identifier; rows with the same ID are further places of one partner.',
    ],
    'freibad',
    { aliases: ['Kennung'] },
  ),
];

/**
 * "Gesundheit", "gesundheit/sport/wellness", "2", "health" → the app's category id; else as
 * written. A whole label wins over a part of one ("Bildung" is 13, not part of 3).
 */
function categoryOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const f = fold(value);
  const labels = (cat: (typeof defaultCategories)[number]) =>
    (typeof cat.label === 'string' ? [cat.label] : [cat.label.de, cat.label.en ?? '']).map(fold);
  return (
    defaultCategories.find((cat) => labels(cat).includes(f))?.id ??
    defaultCategories.find((cat) => labels(cat).some((l) => l.split('/').includes(f)))?.id ??
    value
  );
}

const local = (de: string | undefined, en: string | undefined) => (de ? (en ? { de, en } : de) : en ? { de: en, en } : undefined);
const web = (s: string | undefined) =>
  s && !/^[a-z][a-z0-9+.-]*:/i.test(s) && /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(s) ? `https://${s}` : s;

export function toFeed(sheet: Sheet, ctx: FeedContext): unknown {
  const en = ctx.lang === 'en';
  const byId = new Map<string, { locations: unknown[] }>();
  const partners: object[] = [];
  for (const r of sheet.rows) {
    const lat = r.number('lat');
    const lng = r.number('lng');
    const location = {
      street: [r.text('street'), r.text('houseNumber')].filter(Boolean).join(' ') || undefined,
      postalCode: r.text('postalCode'),
      city: r.text('city'),
      lat: lat !== undefined && lng !== undefined ? lat : undefined,
      lng: lat !== undefined && lng !== undefined ? lng : undefined,
    };
    if ((lat === undefined) !== (lng === undefined))
      r.warn(
        lat === undefined ? 'lat' : 'lng',
        en
          ? 'empty, but the other coordinate is there – the place is shown without a map point.'
          : 'leer, aber die andere Koordinate ist da – der Ort wird ohne Kartenpunkt gezeigt.',
        { code: 'csv.cell.value' },
      );
    const id = r.text('id');
    const known = id ? byId.get(id) : undefined;
    if (known) {
      known.locations.push(location);
      continue;
    }
    const partner = fromLine(
      {
        id,
        name: r.text('name')!,
        category: categoryOf(r.text('category')),
        benefit: local(r.text('benefit.de'), r.text('benefit.en')),
        locations: Object.values(location).some((v) => v !== undefined) ? [location] : [],
        website: web(r.text('website')),
        phone: r.text('phone'),
        email: r.text('email'),
        hours: local(r.text('hours.de'), r.text('hours.en')),
      },
      r.line,
    );
    if (id) byId.set(id, partner);
    partners.push(partner);
  }
  return { schemaVersion: 1, name: { de: 'Ehrenamtskarte', en: 'Volunteer card' }, partners };
}

/** `format="csv"`: this mapping on the shared spreadsheet reader. */
export default csvAdapter({ columns, toFeed });

/** The headers the Ehrenamtskarte app's import file always has (its other columns may be missing). */
export const appHeaders = [
  'name',
  'street',
  'houseNumber',
  'postalCode',
  'location',
  'latitude',
  'longitude',
  'discountDE',
  'categoryId',
] as const;

/** `partners-format="csv"`: the app's import file, read as it is; a file without one of its fixed headers stops. */
export const partnersAdapter = csvAdapter({ columns, toFeed, requiredHeaders: appHeaders });
