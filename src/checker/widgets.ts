/** What the checker and the builder know about each widget. */
import type * as v from 'valibot';
import type { FeedContext } from '../core/feed-types.js';
import type { CsvMapping } from '../csv/csv-adapter.js';
import { widgetFormats, widgets as registry, type WidgetTag } from '../widgets.js';

export type Text = { de: string; en: string };
export const L = (de: string, en: string): Text => ({ de, en });

export interface Option {
  attr: string;
  label: Text;
  choices: [string, Text][];
}

export interface WidgetInfo {
  tag: string;
  /** Formats besides native JSON (from the registry, src/widgets.ts). */
  formats: readonly string[];
  name: Text;
  /** Noun for one item and many. */
  item: [Text, Text];
  shortcode: string;
  template: string;
  sample: string;
  /** The item lists in the native feed, for counting and naming issues. */
  items(raw: unknown): unknown[];
  shown(value: unknown): number;
  parse(): Promise<(raw: unknown, ctx: FeedContext) => unknown>;
  schema(): Promise<v.GenericSchema>;
  /** The widget's spreadsheet mapping (its `format="csv"` module). */
  csv(): Promise<CsvMapping>;
  options: Option[];
  sections?: [string, Text][];
  map?: boolean;
}

const list = (o: unknown, key: string): unknown[] => {
  const x = o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;
  return Array.isArray(x) ? x : [];
};

/** What the checker adds to each registered widget; a widget missing here does not compile. */
const details: Record<WidgetTag, Omit<WidgetInfo, 'tag' | 'formats'>> = {
  'idea-wall': {
    name: L('Ideenwand', 'Idea wall'),
    item: [L('Idee', 'idea'), L('Ideen', 'ideas')],
    shortcode: 'idea_wall',
    template: 'ideen.csv',
    sample: 'ideas.json',
    items: (raw) => list(raw, 'ideas'),
    shown: (v) => list(v, 'ideas').length,
    parse: () => import('../idea-wall/idea-wall.model.js').then((m) => m.parseIdeaFeed),
    schema: () => import('../idea-wall/idea-wall.schema.js').then((m) => m.documentSchema),
    csv: () => import('../idea-wall/idea-wall.csv.js'),
    options: [
      {
        attr: 'layout',
        label: L('Darstellung', 'Layout'),
        choices: [
          ['', L('Wand (Karten)', 'Wall (cards)')],
          ['list', L('Liste', 'List')],
        ],
      },
    ],
  },
  'mitfahrbank-map': {
    name: L('Mitfahrbänke', 'Ride benches'),
    item: [L('Bank', 'bench'), L('Bänke', 'benches')],
    shortcode: 'mitfahrbank_map',
    template: 'mitfahrbaenke.csv',
    sample: 'benches.json',
    items: (raw) => list(raw, 'benches'),
    shown: (v) => list(v, 'benches').length,
    parse: () => import('../mitfahrbank-map/mitfahrbank-map.model.js').then((m) => m.parseBenchFeed),
    schema: () => import('../mitfahrbank-map/mitfahrbank-map.schema.js').then((m) => m.documentSchema),
    csv: () => import('../mitfahrbank-map/mitfahrbank-map.csv.js'),
    options: [
      {
        attr: 'view',
        label: L('Zuerst zeigen', 'Show first'),
        choices: [
          ['', L('Karte', 'Map')],
          ['list', L('Liste', 'List')],
        ],
      },
    ],
    map: true,
  },
  'ehrenamt-card': {
    name: L('Ehrenamtskarte', 'Volunteer card'),
    item: [L('Partner', 'partner'), L('Partner', 'partners')],
    shortcode: 'ehrenamt_card',
    template: 'ehrenamt-partner.csv',
    sample: 'ehrenamt.json',
    items: (raw) => list(raw, 'partners'),
    shown: (v) => list(v, 'partners').length,
    parse: () => import('../ehrenamt-card/ehrenamt-card.model.js').then((m) => m.parseProgramme),
    schema: () => import('../ehrenamt-card/ehrenamt-card.schema.js').then((m) => m.documentSchema),
    csv: () => import('../ehrenamt-card/ehrenamt-card.csv.js'),
    options: [],
    sections: [
      ['card', L('Die Karte', 'The card')],
      ['check', L('Wer bekommt sie?', 'Who can get it?')],
      ['partners', L('Partner', 'Partners')],
      ['map', L('Karte der Partner', 'Map of partners')],
    ],
    map: true,
  },
  'partner-logos': {
    name: L('Partnerlogos', 'Partner logos'),
    item: [L('Partner', 'partner'), L('Partner', 'partners')],
    shortcode: 'partner_logos',
    template: 'partner.csv',
    sample: 'partners.json',
    items: (raw) => list(raw, 'groups').flatMap((g) => list(g, 'partners')),
    shown: (v) => list(v, 'groups').flatMap((g) => list(g, 'partners')).length,
    parse: () => import('../partner-logos/partner-logos.model.js').then((m) => m.parsePartnerFeed),
    schema: () => import('../partner-logos/partner-logos.schema.js').then((m) => m.documentSchema),
    csv: () => import('../partner-logos/partner-logos.csv.js'),
    options: [
      {
        attr: 'layout',
        label: L('Anordnung', 'Arrangement'),
        choices: [
          ['', L('Raster', 'Grid')],
          ['row', L('eine Zeile je Gruppe', 'one row per group')],
          ['strip', L('Laufband', 'Moving strip')],
        ],
      },
    ],
  },
  'jugend-budget': {
    name: L('Jugendbudget', 'Youth budget'),
    item: [L('Projekt', 'project'), L('Projekte', 'projects')],
    shortcode: 'jugend_budget',
    template: 'jugendbudget.csv',
    sample: 'jugendbudget.json',
    items: (raw) => list(raw, 'projects'),
    shown: (v) => list(v, 'projects').length,
    parse: () => import('../jugend-budget/jugend-budget.model.js').then((m) => m.parseBudgetFeed),
    schema: () => import('../jugend-budget/jugend-budget.schema.js').then((m) => m.documentSchema),
    csv: () => import('../jugend-budget/jugend-budget.csv.js'),
    options: [],
  },
};

/** The registry's widgets with what the checker knows about them, in the registry's order. */
export const widgets: WidgetInfo[] = (Object.keys(registry) as WidgetTag[]).map((tag) => ({
  tag,
  formats: widgetFormats[tag],
  ...details[tag],
}));

/** Each widget's spreadsheet mapping by tag (the checker may know every widget; src/csv/ knows none). */
export const mappings: Record<string, () => Promise<CsvMapping>> = Object.fromEntries(widgets.map((w) => [w.tag, w.csv]));

export const widgetOf = (tag: string): WidgetInfo => widgets.find((w) => w.tag === tag) ?? widgets[0];
