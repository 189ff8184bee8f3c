/**
 * Every widget, written once: its tag, the module that defines it, and the formats it reads
 * besides native JSON (`csv` is also recognised without `format`, by the response's content
 * type, the file ending or its first line: see csv/detect.ts). The loader's table and the feed checker's
 * widget list are built from this; each component lists the same formats as lazy adapters.
 */
export const widgets = [
  { tag: 'idea-wall', load: () => import('./idea-wall/idea-wall.js'), formats: ['csv', 'decidim', 'consul'] },
  { tag: 'mitfahrbank-map', load: () => import('./mitfahrbank-map/mitfahrbank-map.js'), formats: ['csv', 'geojson', 'overpass', 'umap'] },
  { tag: 'ehrenamt-card', load: () => import('./ehrenamt-card/ehrenamt-card.js'), formats: ['csv'] },
  { tag: 'partner-logos', load: () => import('./partner-logos/partner-logos.js'), formats: ['csv'] },
  { tag: 'jugend-budget', load: () => import('./jugend-budget/jugend-budget.js'), formats: ['csv', 'pabulib', 'decidim'] },
] as const;

export type WidgetTag = (typeof widgets)[number]['tag'];
