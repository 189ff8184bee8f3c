/** `<mitfahrbank-map format="csv">`: one bench per row. */
import type { FeedContext } from '../core/feed-types.js';
import { csvAdapter } from '../csv/csv-adapter.js';
import { col as c } from '../csv/column.js';
import { fromLine, slugOf, splitList, toNumber, type Column, type Sheet } from '../csv/sheet.js';

export const columns: readonly Column[] = [
  c(
    'name',
    'Name',
    'Name',
    ['Name der Bank, meist Ort und Stelle (Pflicht).', 'Name of the bench, usually place and spot (required).'],
    'Harzstedt, Marktplatz',
    { required: true, aliases: ['Bank', 'Bench', 'Bezeichnung'] },
  ),
  c(
    'position.lat',
    'Breitengrad',
    'Latitude',
    [
      'Geografische Breite (Pflicht), z. B. aus OpenStreetMap: Rechtsklick → „Adresse anzeigen“.',
      'Latitude (required), e.g. from OpenStreetMap.',
    ],
    '51,7331',
    { required: true, kind: 'number', aliases: ['Breite', 'lat'] },
  ),
  c('position.lon', 'Längengrad', 'Longitude', ['Geografische Länge (Pflicht).', 'Longitude (required).'], '11,2622', {
    required: true,
    kind: 'number',
    aliases: ['Länge', 'lon', 'lng'],
  }),
  c(
    'destinations',
    'Ziele',
    'Destinations',
    [
      'Die Ziele auf den Schildern, getrennt mit „;“ oder „|“; die Bank für den Rückweg in Klammern: „Quedlinburg (zurück: quedlinburg-bahnhof)“.',
      'Destinations on the signs, separated by “;” or “|”; the bench for the way back in brackets.',
    ],
    'Quedlinburg (zurück: quedlinburg-bahnhof); Meisdorf',
    { kind: 'list' },
  ),
  c(
    'id',
    'ID',
    'ID',
    [
      'Eine feste Kennung (ohne Leerzeichen), auf die „zurück:“ verweist; sonst aus dem Namen gebildet.',
      'A fixed identifier (no spaces) for “back:” references; otherwise made from the name.',
    ],
    'harzstedt-markt',
    { aliases: ['Kennung'] },
  ),
  c(
    'municipality',
    'Gemeinde',
    'Municipality',
    ['Gemeinde oder Ortsteil (für den Filter).', 'Municipality (for the filter).'],
    'Harzstedt',
    { aliases: ['Ort', 'Stadt', 'Town'] },
  ),
  c(
    'location',
    'Standort',
    'Location',
    ['Wo genau die Bank steht.', 'Where exactly the bench stands.'],
    'Am Marktplatz vor der Bäckerei Lindner',
    { aliases: ['Lage', 'Wo'] },
  ),
  c(
    'otherDestinations',
    'Freies Schild',
    'Blank sign',
    ['„ja“, wenn es ein Schild für andere Ziele gibt.', '“yes” when there is a sign for other destinations.'],
    'ja',
    { kind: 'bool', aliases: ['Andere Ziele', 'Other destinations'] },
  ),
  c(
    'restingSign',
    'Ausruhen-Schild',
    'Resting sign',
    ['„ja“, wenn es ein Schild „Ich ruhe mich nur aus“ gibt.', '“yes” when there is a “just resting” sign.'],
    'nein',
    { kind: 'bool', aliases: ['Ruheschild', 'Nur ausruhen'] },
  ),
  c(
    'howItWorks',
    'So geht’s',
    'How it works',
    ['Wie das Mitfahren an dieser Bank funktioniert.', 'How riding works at this bench.'],
    'Setzen Sie sich auf die Bank und klappen Sie das Schild aus.',
    { aliases: ["So geht's", 'Anleitung'] },
  ),
  c(
    'accessibility',
    'Barrierefreiheit',
    'Accessibility',
    ['Zugang, Sitzhöhe, Beleuchtung.', 'Access, seat height, lighting.'],
    'Ebener Zugang, Bank mit Armlehnen.',
    { aliases: ['Barrierefrei', 'Zugänglichkeit'] },
  ),
  c(
    'busStops',
    'Haltestellen',
    'Bus stops',
    [
      'Haltestellen in der Nähe, getrennt mit „|“: „Name (Linie 318, 320, 40 m)“.',
      'Nearby stops separated by “|”: “Name (line 318, 320, 40 m)”.',
    ],
    'Harzstedt Markt (Linie 318, 320, 40 m)',
    { kind: 'list', aliases: ['Haltestelle', 'Bus', 'ÖPNV'] },
  ),
  c(
    'photo.src',
    'Foto',
    'Photo',
    ['Adresse eines Fotos der Bank.', 'Address of a photo of the bench.'],
    'https://www.harzstedt.de/bilder/bank-markt.jpg',
    { aliases: ['Bild', 'Image'] },
  ),
  c(
    'photo.alt',
    'Fotobeschreibung',
    'Photo alt text',
    ['Was auf dem Foto zu sehen ist.', 'What the photo shows.'],
    'Holzbank mit blauem Schild vor der Bäckerei',
    { aliases: ['Alternativtext', 'Bildbeschreibung', 'Alt text'] },
  ),
  c('photo.credit', 'Fotonachweis', 'Photo credit', ['Wer das Foto gemacht hat.', 'Who took the photo.'], 'Seniorenbeirat Harzstedt', {
    aliases: ['Bildnachweis', 'Credit'],
  }),
];

const back = /^(.*?)\s*\((?:zurück|rückweg|rückbank|back|return)\s*:\s*([^)]+)\)\s*$/i;

function busStop(entry: string) {
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(entry);
  if (!m) return entry;
  let inner = m[2];
  let distance: number | undefined;
  inner = inner.replace(/(\d+(?:[.,]\d+)?)\s*(m|km)\b/i, (_all, n: string, unit: string) => {
    distance = toNumber(n) * (unit.toLowerCase() === 'km' ? 1000 : 1);
    return '';
  });
  const lines = inner
    .replace(/\b(linien?|lines?|bus)\b:?/gi, '')
    .replace(/[·,;\s]+$/g, '')
    .replace(/^[·,;\s]+/, '')
    .trim();
  return { name: m[1], lines: lines || undefined, distance };
}

export function toFeed(sheet: Sheet, ctx: FeedContext): unknown {
  const en = ctx.lang === 'en';
  const ids = new Set<string>();
  const benches = sheet.rows.flatMap((r) => {
    const name = r.text('name')!;
    const lat = r.number('position.lat');
    const lon = r.number('position.lon');
    if (lat === undefined || lon === undefined) {
      r.warn(
        lat === undefined ? 'position.lat' : 'position.lon',
        en
          ? 'without a coordinate the bench cannot be shown – the row is skipped.'
          : 'ohne Koordinate kann die Bank nicht gezeigt werden – die Zeile wird übersprungen.',
        { code: 'csv.cell.empty', severity: 'error' },
      );
      return [];
    }
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      r.warn(
        Math.abs(lat) > 90 ? 'position.lat' : 'position.lon',
        en
          ? `${Math.abs(lat) > 90 ? lat : lon} is off the earth (latitude −90 to 90, longitude −180 to 180) – the row is skipped.`
          : `${Math.abs(lat) > 90 ? lat : lon} liegt außerhalb der Erde (Breite −90 bis 90, Länge −180 bis 180) – die Zeile wird übersprungen.`,
        { code: 'csv.cell.value', severity: 'error' },
      );
      return [];
    }
    let id = r.text('id') ?? slugOf(name);
    if (!r.has('id')) for (let n = 2; ids.has(id); n++) id = `${slugOf(name)}-${n}`;
    ids.add(id);
    const otherDestinations = r.bool('otherDestinations') ?? false;
    const destinations = r.list('destinations').map((d) => {
      const m = back.exec(d);
      return m ? { name: m[1], returnBench: m[2].trim() } : d;
    });
    if (!destinations.length && !otherDestinations)
      r.warn(
        'destinations',
        en
          ? 'empty – the bench is shown without destinations. Enter the destinations on the signs, or “yes” in “Blank sign”.'
          : 'leer – die Bank wird ohne Ziele gezeigt. Tragen Sie die Ziele der Schilder ein oder „ja“ in „Freies Schild“.',
        { code: 'csv.cell.empty' },
      );
    const photo = r.text('photo.src');
    return [
      fromLine(
        {
          id,
          name,
          position: { lat, lon },
          municipality: r.text('municipality'),
          destinations,
          otherDestinations,
          restingSign: r.bool('restingSign') ?? false,
          howItWorks: r.text('howItWorks'),
          location: r.text('location'),
          photo: photo ? { src: photo, alt: r.text('photo.alt') ?? '', credit: r.text('photo.credit') } : undefined,
          accessibility: r.text('accessibility'),
          busStops: splitList(r.text('busStops') ?? '').map(busStop),
        },
        r.line,
      ),
    ];
  });
  return { schemaVersion: 1, benches };
}

/** `format="csv"`: this mapping on the shared spreadsheet reader. */
export default csvAdapter({ columns, toFeed });
