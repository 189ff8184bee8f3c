/** `<idea-wall format="csv">`: one idea per row. */
import type { FeedContext } from '../core/feed-types.js';
import { csvAdapter } from '../csv/csv-adapter.js';
import { col as c } from '../csv/column.js';
import { fromLine, slugOf, toIsoDate, type Column, type Sheet } from '../csv/sheet.js';

export const columns: readonly Column[] = [
  c('title', 'Titel', 'Title', ['Der Name der Idee (Pflicht).', 'The name of the idea (required).'], 'Das rollende Sofa', {
    required: true,
    aliases: ['Idee', 'Idea', 'Überschrift'],
  }),
  c(
    'description',
    'Beschreibung',
    'Description',
    ['Was die Idee ist; Absätze mit Zeilenumbruch im Feld.', 'What the idea is; paragraphs with a line break in the cell.'],
    'Ein altes Sofa auf einem Fahrradanhänger …',
    { aliases: ['Text', 'Inhalt'] },
  ),
  c(
    'id',
    'ID',
    'ID',
    [
      'Eine feste Kennung (ohne Leerzeichen); sonst wird sie aus dem Titel gebildet.',
      'A fixed identifier (no spaces); otherwise made from the title.',
    ],
    'rollendes-sofa',
    { aliases: ['Kennung'] },
  ),
  c(
    'reference',
    'Nummer',
    'Reference',
    ['Die Nummer, unter der die Idee geführt wird.', 'The number the idea is filed under.'],
    '2024-001',
    { aliases: ['Aktenzeichen', 'Referenz', 'Nr', 'Number'] },
  ),
  c(
    'category',
    'Kategorie',
    'Category',
    ['Ein Thema; jede neue Schreibweise wird eine eigene Kategorie.', 'A topic; each spelling becomes its own category.'],
    'Begegnung & Kultur',
    { aliases: ['Thema', 'Topic'] },
  ),
  c(
    'tags',
    'Schlagwörter',
    'Tags',
    ['Stichwörter, getrennt mit Komma, „;“ oder „|“.', 'Keywords separated by comma, “;” or “|”.'],
    'Marktplatz, Begegnung',
    { kind: 'list', commas: true, aliases: ['Schlagworte', 'Stichwörter', 'Stichworte', 'Keywords'] },
  ),
  c('created', 'Datum', 'Date', ['Wann die Idee eingereicht wurde.', 'When the idea was submitted.'], '18.10.2024', {
    kind: 'date',
    aliases: ['Eingereicht am', 'Erstellt', 'Created', 'Submitted'],
  }),
  c(
    'author',
    'Von',
    'Author',
    ['Wer die Idee eingereicht hat (nur mit Einverständnis).', 'Who submitted it (only with consent).'],
    'Monika Seidel',
    { aliases: ['Autor', 'Autorin', 'Eingereicht von', 'By'] },
  ),
  c(
    'group',
    'Gruppe',
    'Group',
    ['Woher die Idee kommt, z. B. ein Tisch der Werkstatt.', 'Where it came from, e.g. a workshop table.'],
    'Visionswerkstatt, Tisch „Öffentlicher Raum“',
  ),
  c(
    'status',
    'Status',
    'Status',
    [
      'neu, in Prüfung, geplant, in Umsetzung, umgesetzt, abgelehnt, zurückgezogen (oder englisch).',
      'new, under review, planned, in progress, done, declined, withdrawn.',
    ],
    'in Umsetzung',
    { aliases: ['Stand'] },
  ),
  c(
    'statusReason',
    'Begründung',
    'Status reason',
    ['Warum eine Idee nicht weiterverfolgt wird.', 'Why an idea is not pursued.'],
    'Für einen Bürgerbus fanden sich nicht genug Fahrer*innen.',
    { aliases: ['Grund', 'Reason'] },
  ),
  c(
    'answer.text',
    'Antwort',
    'Answer',
    ['Die Antwort der Verwaltung oder des Rats.', 'The answer of the council or administration.'],
    'Eine schöne Idee, die wenig kostet …',
  ),
  c('answer.date', 'Antwort am', 'Answer date', ['Datum der Antwort.', 'Date of the answer.'], '05.12.2024', {
    kind: 'date',
    aliases: ['Antwortdatum'],
  }),
  c('answer.by', 'Antwort von', 'Answer by', ['Wer geantwortet hat.', 'Who answered.'], 'Bürgermeisterin Karin Vollmer'),
  c(
    'supporters',
    'Unterstützer',
    'Supporters',
    ['Wie viele die Idee unterstützen (ganze Zahl).', 'How many support it (whole number).'],
    '48',
    { kind: 'int', aliases: ['Unterstützungen', 'Stimmen', 'Votes', 'Unterstützerinnen'] },
  ),
  c(
    'progress',
    'Fortschritt',
    'Progress',
    ['Wie weit die Umsetzung ist, 0 bis 100 (Prozent).', 'How far it is, 0 to 100 (percent).'],
    '60',
    { kind: 'number' },
  ),
  c(
    'nextSteps',
    'Nächste Schritte',
    'Next steps',
    ['Was als Nächstes passiert.', 'What happens next.'],
    'Ab Mai steht das Sofa jeden Samstag an einem neuen Ort.',
  ),
  c('responsible', 'Zuständig', 'Responsible', ['Wer sich kümmert.', 'Who takes care of it.'], 'Kulturverein Harzstedt e.V.', {
    aliases: ['Verantwortlich'],
  }),
  c('due', 'Fällig', 'Due', ['Termin für den nächsten Schritt.', 'Date of the next step.'], '03.05.2025', {
    kind: 'date',
    aliases: ['Termin', 'Frist'],
  }),
  c(
    'timeline',
    'Verlauf',
    'Timeline',
    [
      'Stationen, getrennt mit „|“ oder je Zeile, jeweils „Datum: Text“.',
      'Milestones separated by “|” or one per line, each “date: text”.',
    ],
    '18.10.2024: Idee entwickelt | 05.12.2024: Zusage der Stadt',
    { kind: 'list', aliases: ['Chronik'] },
  ),
  c(
    'image.src',
    'Bild',
    'Image',
    ['Adresse des Bildes (https://… oder relativ zur Tabelle).', 'Image address (https://… or relative to the sheet).'],
    'https://www.harzstedt.de/bilder/sofa.jpg',
    { aliases: ['Foto', 'Photo', 'Bild-URL'] },
  ),
  c(
    'image.alt',
    'Bildbeschreibung',
    'Image alt text',
    ['Was auf dem Bild zu sehen ist (für Menschen, die es nicht sehen).', 'What the image shows (for people who cannot see it).'],
    'Zeichnung: ein rotes Sofa auf einem Fahrradanhänger',
    { aliases: ['Alternativtext', 'Bild-Alternativtext', 'Alt-Text', 'Alt text'] },
  ),
  c('image.credit', 'Bildnachweis', 'Image credit', ['Urheber des Bildes.', 'Who made the image.'], 'Jugendclub Alte Post', {
    aliases: ['Credit', 'Foto von'],
  }),
  c('location.label', 'Ort', 'Place', ['Wo die Idee umgesetzt werden soll.', 'Where the idea is located.'], 'Marktplatz', {
    aliases: ['Location', 'Standort'],
  }),
  c('location.lat', 'Breitengrad', 'Latitude', ['Geografische Breite, z. B. 51,7205.', 'Latitude, e.g. 51.7205.'], '51,7205', {
    kind: 'number',
    aliases: ['Breite', 'lat'],
  }),
  c('location.lng', 'Längengrad', 'Longitude', ['Geografische Länge, z. B. 11,0421.', 'Longitude, e.g. 11.0421.'], '11,0421', {
    kind: 'number',
    aliases: ['Länge', 'lng', 'lon'],
  }),
];

export function toFeed(sheet: Sheet, ctx: FeedContext): unknown {
  const en = ctx.lang === 'en';
  const categories = new Map<string, { id: string; label: string }>();
  const ids = new Set<string>();
  const ideas = sheet.rows.map((r) => {
    const title = r.text('title')!;
    let id = r.text('id') ?? slugOf(title);
    if (!r.has('id')) for (let n = 2; ids.has(id); n++) id = `${slugOf(title)}-${n}`;
    ids.add(id);
    const category = r.text('category');
    if (category && !categories.has(category)) categories.set(category, { id: category, label: category });
    let supporters = r.number('supporters');
    if (supporters !== undefined && (!Number.isInteger(supporters) || supporters < 0)) {
      r.warn(
        'supporters',
        en
          ? `“${supporters}” is not a whole number from 0 (example: 48) – left out.`
          : `„${supporters}“ ist keine ganze Zahl ab 0 (Beispiel: 48) – weggelassen.`,
        { code: 'csv.cell.value' },
      );
      supporters = undefined;
    }
    let progress = r.number('progress');
    if (progress !== undefined && (progress < 0 || progress > 100)) {
      r.warn(
        'progress',
        en
          ? `${progress} is not between 0 and 100 (example: 60) – left out.`
          : `${progress} liegt nicht zwischen 0 und 100 (Beispiel: 60) – weggelassen.`,
        { code: 'csv.cell.value' },
      );
      progress = undefined;
    }
    const timeline = r.list('timeline').map((entry) => {
      const m = /^(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2})\s*[:–-]?\s*(.*)$/s.exec(entry);
      const date = m ? toIsoDate(m[1]) : undefined;
      return date && m![2] ? { date, text: m![2] } : { text: entry };
    });
    const answer = r.text('answer.text');
    const imageSrc = r.text('image.src');
    const lat = r.number('location.lat');
    const lng = r.number('location.lng');
    const place = r.text('location.label');
    return fromLine(
      {
        id,
        reference: r.text('reference'),
        title,
        description: r.text('description') ?? '',
        category,
        tags: r.list('tags'),
        created: r.date('created'),
        author: r.text('author'),
        group: r.text('group'),
        status: r.text('status'),
        statusReason: r.text('statusReason'),
        answer: answer ? { text: answer, date: r.date('answer.date'), by: r.text('answer.by') } : undefined,
        supporters,
        progress,
        nextSteps: r.text('nextSteps'),
        responsible: r.text('responsible'),
        due: r.date('due'),
        timeline,
        image: imageSrc ? { src: imageSrc, alt: r.text('image.alt') ?? '', credit: r.text('image.credit') } : undefined,
        location: place || (lat !== undefined && lng !== undefined) ? { label: place, lat, lng } : undefined,
      },
      r.line,
    );
  });
  return { schemaVersion: 1, categories: [...categories.values()], ideas };
}

/** `format="csv"`: this mapping on the shared spreadsheet reader. */
export default csvAdapter({ columns, toFeed });
