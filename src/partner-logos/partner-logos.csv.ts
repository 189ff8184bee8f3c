/**
 * `<partner-logos format="csv">`: one partner per row. The group heading ("Gefördert durch") is
 * written once; rows below it with an empty "Gruppe" belong to the same group.
 */
import type { FeedContext } from '../core/feed-types.js';
import { csvAdapter } from '../csv/csv-adapter.js';
import { col as c } from '../csv/column.js';
import { fromLine, type Column, type Sheet } from '../csv/sheet.js';

export const columns: readonly Column[] = [
  c(
    'heading',
    'Gruppe',
    'Group',
    [
      'Überschrift der Gruppe, z. B. „Gefördert durch“; leer = wie die Zeile darüber.',
      'Group heading, e.g. “Funded by”; empty = same as the row above.',
    ],
    'Gefördert durch',
    { aliases: ['Überschrift', 'Heading'] },
  ),
  c(
    'name',
    'Name',
    'Name',
    ['Name des Partners (Pflicht); ohne Logo wird er als Text gezeigt.', 'Partner name (required); shown as text without a logo.'],
    'Bundesverband Soziokultur',
    { required: true, aliases: ['Partner', 'Förderer'] },
  ),
  c('url', 'Webseite', 'Website', ['Adresse der Webseite des Partners.', 'The partner’s website.'], 'https://www.soziokultur.de/', {
    aliases: ['Link', 'URL', 'Internet'],
  }),
  c(
    'logo.src',
    'Logo',
    'Logo',
    ['Adresse der Logodatei (SVG, PNG, WebP), https://… oder relativ zur Tabelle.', 'Logo file address (SVG, PNG, WebP).'],
    'https://www.example.de/logos/soziokultur.svg',
    { aliases: ['Logo-Datei', 'Bild', 'Image'] },
  ),
  c('logo.width', 'Breite', 'Width', ['Breite des Logos in Pixeln (aus den Eigenschaften der Datei).', 'Logo width in pixels.'], '120', {
    kind: 'number',
    aliases: ['Logobreite', 'Logo-Breite'],
  }),
  c('logo.height', 'Höhe', 'Height', ['Höhe des Logos in Pixeln.', 'Logo height in pixels.'], '120', {
    kind: 'number',
    aliases: ['Logohöhe', 'Logo-Höhe'],
  }),
  c(
    'logo.alt',
    'Alternativtext',
    'Alt text',
    ['Nur wenn der Text fürs Logo vom Namen abweichen soll.', 'Only when the logo’s text should differ from the name.'],
    'Logo des Bundesverbands Soziokultur',
    { aliases: ['Bildbeschreibung', 'Alt'] },
  ),
  c(
    'logo.darkSrc',
    'Logo dunkel',
    'Logo dark',
    ['Logo für dunklen Hintergrund (gleiche Maße).', 'Logo for dark backgrounds (same size).'],
    'https://www.example.de/logos/soziokultur-hell.svg',
    { aliases: ['Logo für dunklen Hintergrund', 'Dark logo'] },
  ),
  c(
    'notice',
    'Hinweis',
    'Notice',
    ['Ein Satz unter den Logos der Gruppe, den ein Förderer verlangt.', 'A sentence under the group’s logos a funder requires.'],
    'Gefördert aufgrund eines Beschlusses des Deutschen Bundestages.',
    { aliases: ['Fördertext', 'Pflichttext'] },
  ),
  c(
    'minHeight',
    'Mindesthöhe',
    'Minimum height',
    ['Mindesthöhe des Logos in Pixeln, wenn der Förderer sie vorschreibt.', 'Minimum logo height in pixels a funder prescribes.'],
    '96',
    { kind: 'number', aliases: ['Min. Höhe'] },
  ),
  c(
    'greyscale',
    'Graustufen',
    'Greyscale',
    ['„nein“: dieses Logo bleibt immer farbig.', '“no”: this logo always keeps its colours.'],
    'nein',
    { kind: 'bool', aliases: ['Grau', 'Grayscale'] },
  ),
  c('scale', 'Skalieren', 'Scale', ['„nein“: das Logo wird nicht nach Fläche verkleinert.', '“no”: not scaled by area.'], 'nein', {
    kind: 'bool',
    aliases: ['Skalierung'],
  }),
  c('newTab', 'Neuer Tab', 'New tab', ['„ja“: der Link öffnet in einem neuen Tab.', '“yes”: the link opens in a new tab.'], 'nein', {
    kind: 'bool',
    aliases: ['Neues Fenster', 'New window'],
  }),
];

export function toFeed(sheet: Sheet, ctx: FeedContext): unknown {
  const en = ctx.lang === 'en';
  const groups: { heading: string; notice?: string; partners: object[] }[] = [];
  let current: (typeof groups)[number] | undefined;
  for (const r of sheet.rows) {
    const heading = r.text('heading');
    if (heading && heading !== current?.heading) {
      current = groups.find((g) => g.heading === heading);
      if (!current) groups.push((current = { heading, partners: [] }));
    }
    if (!current) {
      r.warn(
        'heading',
        en
          ? 'empty, and there is no group above – the partner goes into a group headed “Partners”.'
          : 'leer, und darüber steht keine Gruppe – der Partner kommt in eine Gruppe ohne Überschrift „Partner“.',
        { code: 'csv.cell.empty' },
      );
      groups.push((current = { heading: en ? 'Partners' : 'Partner', partners: [] }));
    }
    const notice = r.text('notice');
    if (notice && !current.notice) current.notice = notice;
    const src = r.text('logo.src');
    current.partners.push(
      fromLine(
        {
          name: r.text('name')!,
          url: r.text('url'),
          newTab: r.bool('newTab'),
          logo: src
            ? {
                src,
                width: r.number('logo.width'),
                height: r.number('logo.height'),
                alt: r.text('logo.alt'),
                darkSrc: r.text('logo.darkSrc'),
              }
            : undefined,
          minHeight: r.number('minHeight'),
          greyscale: r.bool('greyscale'),
          scale: r.bool('scale'),
        },
        r.line,
      ),
    );
  }
  return { schemaVersion: 1, groups };
}

/** `format="csv"`: this mapping on the shared spreadsheet reader. */
export default csvAdapter({ columns, toFeed });
