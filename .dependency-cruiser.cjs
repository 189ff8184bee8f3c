/**
 * The layers of src/ (see src/README.md), enforced by `npm run lint` (dependency-cruiser).
 * Type-only imports count too (tsPreCompilationDeps), so a cycle through types fails as well.
 *
 *   core          imports nothing else in src/
 *   csv, map      import core (and map/leaflet/ only lazily or for types)
 *   widgets       import core, map, csv and themselves
 *   checker, src/stadttraum.ts (loader), src/index.ts   may know every widget
 *   src/widgets.ts (the registry of all widgets)        read only by the loader and the checker
 *
 * Every folder and top-level file of src/ is listed here; a file anywhere else fails.
 */
const widgets = ['idea-wall', 'mitfahrbank-map', 'ehrenamt-card', 'partner-logos', 'jugend-budget'];
const layers = ['core', 'csv', 'map', 'checker', ...widgets];
const known = [`^src/(${layers.join('|')})/`, '^src/(stadttraum|index|widgets)\\.ts$', '^src/stadttraum\\.css$', '^src/README\\.md$'];
const w = `(${widgets.join('|')})`;

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycles, type imports included.', from: {}, to: { circular: true } },
    { name: 'not-to-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment: 'core is the bottom layer: it knows no widget, no format, no map.',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'csv-imports-only-core',
      severity: 'error',
      comment: 'src/csv/ is the spreadsheet reader and its column machinery; widgets bring their own mapping.',
      from: { path: '^src/csv/' },
      to: { path: '^src/', pathNot: ['^src/core/', '^src/csv/'] },
    },
    {
      name: 'map-imports-only-core',
      severity: 'error',
      comment: 'The shared map knows no widget.',
      from: { path: '^src/map/' },
      to: { path: '^src/', pathNot: ['^src/core/', '^src/map/'] },
    },
    {
      name: 'leaflet-only-lazily',
      severity: 'error',
      comment:
        'src/map/leaflet/ is the Leaflet chunk: outside it, import it only with import() or for types, or every widget loads Leaflet.',
      from: { path: '^src/', pathNot: '^src/map/leaflet/' },
      to: { path: '^src/map/leaflet/', dependencyTypesNot: ['dynamic-import', 'type-only'] },
    },
    {
      name: 'widget-imports-core-map-csv-itself',
      severity: 'error',
      comment: 'A widget imports core, map, csv and its own folder; never another widget.',
      from: { path: `^src/${w}/` },
      to: { path: '^src/', pathNot: ['^src/(core|map|csv)/', '^src/$1/'] },
    },
    {
      name: 'nothing-imports-the-top',
      severity: 'error',
      comment: 'The checker, the loader and index.ts may know every widget; no layer imports them.',
      from: { path: '^src/', pathNot: '^src/checker/' },
      to: { path: ['^src/checker/', '^src/(stadttraum|index)\\.ts$'] },
    },
    {
      name: 'registry-only-for-the-top',
      severity: 'error',
      comment: 'The registry (src/widgets.ts) imports every widget; only the loader and the checker read it.',
      from: { path: '^src/', pathNot: ['^src/checker/', '^src/stadttraum\\.ts$'] },
      to: { path: '^src/widgets\\.ts$' },
    },
    {
      name: 'file-outside-the-layers',
      severity: 'error',
      comment: 'Every file of src/ belongs to a layer listed in .dependency-cruiser.cjs.',
      from: { path: '^src/', pathNot: known },
      to: {},
    },
    {
      name: 'import-outside-the-layers',
      severity: 'error',
      comment: 'Every file of src/ belongs to a layer listed in .dependency-cruiser.cjs.',
      from: {},
      to: { path: '^src/', pathNot: known },
    },
    {
      name: 'lone-file-outside-the-layers',
      severity: 'error',
      comment: 'Every file of src/ belongs to a layer listed in .dependency-cruiser.cjs.',
      from: { orphan: true, path: '^src/', pathNot: known },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/map/leaflet/leaflet-css\\.generated\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.d.ts'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
