// Tells the loader (src/stadttraum.ts) from the build which chunk files each widget needs, so it
// can ask for all of them at once (`modulepreload`) instead of discovering them import by import,
// one round trip each. Written into the loader as `__ST_PRELOAD__` in rollup's generateBundle,
// from the final chunk graph (`chunk.imports`, followed transitively).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const csv = (tag) => ['src/csv/csv-adapter.ts', `src/${tag}/${tag}.csv.ts`];
const osm = ['src/mitfahrbank-map/adapters/osm.ts'];

/**
 * Per tag: its entry module; `first` the modules its first render imports dynamically (preloaded
 * with the code all the same); per `format` value the adapter modules the widget then imports
 * (CSV also when `src` ends in .csv); for a map, what it imports once consent is given.
 * The widget's default format (native JSON) and its validation are in the entry's static graph.
 * The tags are those of src/widgets.ts: the build fails when one is missing here.
 */
export const tagModules = {
  'idea-wall': {
    entry: 'src/idea-wall/idea-wall.ts',
    formats: { decidim: ['src/idea-wall/adapters/decidim.ts'], consul: ['src/idea-wall/adapters/consul.ts'], csv: csv('idea-wall') },
  },
  'mitfahrbank-map': {
    entry: 'src/mitfahrbank-map/mitfahrbank-map.ts',
    formats: { geojson: osm, overpass: osm, umap: osm, csv: csv('mitfahrbank-map') },
    consent: ['src/map/leaflet/map-view.ts'],
  },
  // The card imports its parts (self-check, icons) dynamically right after its first frame, as one
  // chunk: preloaded with its code, or the card would show them a round trip after the feed.
  'ehrenamt-card': {
    entry: 'src/ehrenamt-card/ehrenamt-card.ts',
    first: ['src/ehrenamt-card/ehrenamt-card.parts.ts'],
    formats: { csv: csv('ehrenamt-card') },
  },
  'partner-logos': { entry: 'src/partner-logos/partner-logos.ts', formats: { csv: csv('partner-logos') } },
  // Pabulib files and Decidim budgets are what a youth budget is read from least (a result file,
  // another platform): their adapters load on demand, and the loader stays within its 2 KB.
  'jugend-budget': { entry: 'src/jugend-budget/jugend-budget.ts', formats: { csv: csv('jugend-budget') } },
};

/**
 * The table for the loader: `f` chunk names (chunks/<name>.js); per tag as indices into `f`:
 * `m` the code besides the entry chunk (the loader imports that one), `f` per format and `c` for
 * consent what they add to the code.
 */
export function preloadTable(bundle, loaderFile, modules = tagModules) {
  const registered = [...readFileSync(resolve('src/widgets.ts'), 'utf8').matchAll(/^ {2}'([a-z-]+)': \(\) => import/gm)].map((m) => m[1]);
  const missing = registered.filter((tag) => !modules[tag]);
  if (missing.length) throw new Error(`preload-graph: no tagModules entry for ${missing.join(', ')} (scripts/preload-graph.mjs)`);
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const chunkOf = new Map();
  for (const c of chunks) for (const id of c.moduleIds) chunkOf.set(id, c);
  const files = [];
  const index = (file) => (files.includes(file) ? files.indexOf(file) : files.push(file) - 1);
  /** The chunks holding these modules plus everything they import statically, loader excluded. */
  const graph = (paths, except = []) => {
    const out = new Set();
    const visit = (c) => {
      if (!c || c.fileName === loaderFile || out.has(c.fileName)) return;
      if (!/^chunks\/.*\.js$/.test(c.fileName)) throw new Error(`preload-graph: ${c.fileName} is not in chunks/`);
      out.add(c.fileName);
      for (const f of c.imports) visit(bundle[f]);
    };
    for (const p of paths) {
      const c = chunkOf.get(resolve(p));
      if (!c) throw new Error(`preload-graph: ${p} is in no chunk; update tagModules in scripts/preload-graph.mjs`);
      visit(c);
    }
    return [...out].map((file) => index(file.replace(/^chunks\/(.*)\.js$/, '$1'))).filter((i) => !except.includes(i));
  };
  const t = {};
  for (const [tag, spec] of Object.entries(modules)) {
    const code = graph([spec.entry, ...(spec.first ?? [])]);
    // The entry chunk itself is left out: the loader's import() asks for it in the same moment, and a
    // link of its own was a second request start for the same file (and its name in the table).
    const own = chunkOf.get(resolve(spec.entry)).fileName.replace(/^chunks\/(.*)\.js$/, '$1');
    const entry = { m: code.filter((i) => files[i] !== own) };
    if (!code.some((i) => files[i] === own)) throw new Error(`preload-graph: ${tag}'s entry chunk is not in its graph`);
    // What the code graph has already is preloaded with it: formats and consent list only the rest.
    if (spec.formats) entry.f = Object.fromEntries(Object.entries(spec.formats).map(([format, paths]) => [format, graph(paths, code)]));
    if (spec.consent) entry.c = graph(spec.consent, code);
    t[tag] = entry;
  }
  // Names only the loader's links use: an entry chunk no other tag preloads is dropped from `f`.
  const used = [...new Set(Object.values(t).flatMap((e) => [...e.m, ...Object.values(e.f ?? {}).flat(), ...(e.c ?? [])]))].sort(
    (a, b) => a - b,
  );
  const renumber = (list) => list.map((i) => used.indexOf(i));
  for (const e of Object.values(t)) {
    e.m = renumber(e.m);
    if (e.f) e.f = Object.fromEntries(Object.entries(e.f).map(([k, v]) => [k, renumber(v)]));
    if (e.c) e.c = renumber(e.c);
  }
  return { f: used.map((i) => files[i]), t };
}

/**
 * dist/preload.json, for pages that name the code in their <head> (the WordPress plugin, the release's
 * EINBINDEN.html): per tag `code` every file its first render imports, entry chunk included (the page
 * has no loader run yet to ask for it), and per `format` what the adapter adds; paths relative to
 * the loader. A map's Leaflet is not in it: it loads only after consent.
 */
export function headManifest(bundle, loaderFile, modules = tagModules) {
  const { f, t } = preloadTable(bundle, loaderFile, modules);
  const chunkOf = new Map();
  for (const c of Object.values(bundle)) if (c.type === 'chunk') for (const id of c.moduleIds) chunkOf.set(id, c);
  const name = (i) => `chunks/${f[i]}.js`;
  const widgets = {};
  for (const [tag, spec] of Object.entries(modules)) {
    const own = chunkOf.get(resolve(spec.entry)).fileName;
    const formats = Object.fromEntries(Object.entries(t[tag].f ?? {}).map(([k, v]) => [k, v.map(name)]));
    widgets[tag] = { code: [own, ...t[tag].m.map(name).filter((n) => n !== own)], formats };
  }
  return { loader: loaderFile, widgets };
}

/** Rollup plugin: fills the loader's `__ST_PRELOAD__` with the table of the bundle being written. */
export function preloadGraph({ loader = 'stadttraum.js' } = {}) {
  return {
    name: 'preload-graph',
    generateBundle(_options, bundle) {
      const chunk = bundle[loader];
      const placeholder = /globalThis\.__ST_PRELOAD__\b/g;
      if (chunk?.code.match(placeholder)?.length !== 1) this.error(`preload-graph: ${loader} must read globalThis.__ST_PRELOAD__ once`);
      // JSON as an object literal, keys unquoted where JavaScript allows (the loader's budget is 2 KB).
      const table = preloadTable(bundle, loader);
      const literal = JSON.stringify(table).replace(/"([a-z_$][\w$]*)":/gi, '$1:');
      chunk.code = chunk.code.replace(placeholder, () => `(${literal})`);
      this.emitFile({ type: 'asset', fileName: 'preload.json', source: JSON.stringify(headManifest(bundle, loader), null, 1) + '\n' });
    },
  };
}
