/**
 * Every widget, written once: its tag and the module that defines it (a plain object: the loader's
 * table as it is, 2 KB budget), and and the formats it reads
 * besides native JSON (`csv` is also recognised without `format`, by the response's content
 * type, the file ending or its first line: see csv/detect.ts). The loader's table and the feed checker's
 * widget list are built from this; each component lists the same formats as lazy adapters.
 */
export const widgets = {
  'idea-wall': () => import('./idea-wall/idea-wall.js'),
  'mitfahrbank-map': () => import('./mitfahrbank-map/mitfahrbank-map.js'),
  'ehrenamt-card': () => import('./ehrenamt-card/ehrenamt-card.js'),
  'partner-logos': () => import('./partner-logos/partner-logos.js'),
  'jugend-budget': () => import('./jugend-budget/jugend-budget.js'),
} as const;

export type WidgetTag = keyof typeof widgets;

/**
 * The formats each widget reads besides native JSON. A map of its own, not a field of `widgets`:
 * the loader imports only the tags (its budget is 2 KB), the checker and the docs read these too.
 */
export const widgetFormats: Record<WidgetTag, readonly string[]> = {
  'idea-wall': ['csv', 'decidim', 'consul'],
  'mitfahrbank-map': ['csv', 'geojson', 'overpass', 'umap'],
  'ehrenamt-card': ['csv'],
  'partner-logos': ['csv'],
  'jugend-budget': ['csv', 'pabulib', 'decidim'],
};
