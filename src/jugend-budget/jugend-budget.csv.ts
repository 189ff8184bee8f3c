/**
 * `<jugend-budget format="csv">`: one project per row, for towns that keep the list in a
 * spreadsheet. The budget and the phase come from the widget's attributes (`budget`, `phase`,
 * `rule`); the title is "Jugendbudget" unless the webmaster's page gives one in the intro.
 */
import type { FeedContext } from '../core/feed-types.js';
import { csvAdapter } from '../csv/csv-adapter.js';
import { col as c } from '../csv/column.js';
import { fromLine, slugOf, type Column, type Sheet } from '../csv/sheet.js';

export const columns: readonly Column[] = [
  c('id', 'Nr.', 'No.', ['Kennung des Projekts; leer = aus dem Titel gebildet.', 'Project id; empty = made from the title.'], 'skate-2', {
    aliases: ['ID', 'Nummer', 'Kennung'],
  }),
  c('title', 'Projekt', 'Project', ['Titel des Vorschlags (Pflicht).', 'Title of the proposal (required).'], 'Skate-Rampe am Jugendtreff', {
    required: true,
    aliases: ['Titel', 'Title', 'Vorschlag'],
  }),
  c(
    'description',
    'Beschreibung',
    'Description',
    ['Worum es geht, in ein paar Sätzen.', 'What it is about, in a few sentences.'],
    'Eine mobile Rampe, die der Jugendtreff auf- und abbauen kann.',
    { aliases: ['Text'] },
  ),
  c(
    'group',
    'Gruppe',
    'Group',
    [
      'Wer es vorschlägt, als Gruppe (Jugendclub, Klasse) – keine Namen von Kindern und Jugendlichen.',
      'Who proposes it, as a group (youth club, class) – no names of minors.',
    ],
    'Jugendtreff Sonnenberg',
    { aliases: ['Vorgeschlagen von', 'Proposed by'] },
  ),
  c(
    'category',
    'Kategorie',
    'Category',
    ['Themenfeld, z. B. Sport, Kultur, Treffpunkt.', 'Topic, e.g. sport, culture, meeting place.'],
    'Sport',
    { aliases: ['Thema'] },
  ),
  c('cost', 'Kosten', 'Cost', ['Kostenschätzung der Verwaltung in Euro.', 'The administration’s cost estimate.'], '4500', {
    kind: 'number',
    aliases: ['Kosten (€)', 'Betrag', 'Amount'],
  }),
  c(
    'feasible',
    'Umsetzbar',
    'Feasible',
    ['ja / nein – Ergebnis der Prüfung; leer = noch nicht geprüft.', 'yes / no – result of the check; empty = not checked yet.'],
    'ja',
    { kind: 'bool', aliases: ['Machbar'] },
  ),
  c(
    'feasibilityReason',
    'Begründung',
    'Reason',
    ['Warum nicht umsetzbar (oder unter welcher Bedingung).', 'Why not feasible (or on what condition).'],
    'Die Fläche gehört nicht der Stadt.',
    { aliases: ['Grund'] },
  ),
  c(
    'votes',
    'Stimmen',
    'Votes',
    ['Stimmen nach dem Ende der Abstimmung; während sie läuft leer lassen.', 'Votes once voting has ended; leave empty while it runs.'],
    '87',
    { kind: 'int' },
  ),
  c(
    'selected',
    'Gefördert',
    'Funded',
    [
      'ja / nein – das beschlossene Ergebnis; leer = das Widget rechnet nach der Regel.',
      'yes / no – the decided result; empty = the widget computes it by the rule.',
    ],
    'ja',
    { kind: 'bool', aliases: ['Ausgewählt', 'Selected'] },
  ),
  c(
    'status',
    'Stand',
    'Status',
    ['Umsetzung: geplant, in Umsetzung, umgesetzt …', 'Implementation: planned, in progress, done …'],
    'in Umsetzung',
    { aliases: ['Umsetzung'] },
  ),
  c('progress', 'Fortschritt', 'Progress', ['Fortschritt der Umsetzung in Prozent.', 'Implementation progress in per cent.'], '40', {
    kind: 'number',
    aliases: ['Fortschritt (%)'],
  }),
];

export function toFeed(sheet: Sheet, ctx: FeedContext): unknown {
  const projects = sheet.rows.map((r) => {
    const title = r.text('title')!;
    return fromLine(
      {
        id: r.text('id') ?? slugOf(title),
        title,
        description: r.text('description'),
        group: r.text('group'),
        category: r.text('category'),
        cost: r.number('cost'),
        feasible: r.bool('feasible'),
        feasibilityReason: r.text('feasibilityReason'),
        votes: r.number('votes'),
        selected: r.bool('selected'),
        status: r.text('status'),
        progress: r.number('progress'),
      },
      r.line,
    );
  });
  return { schemaVersion: 1, title: ctx.lang === 'en' ? 'Youth budget' : 'Jugendbudget', budget: 0, projects };
}

/** `format="csv"`: this mapping on the shared spreadsheet reader. */
export default csvAdapter({ columns, toFeed });
