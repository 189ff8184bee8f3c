import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import license from 'rollup-plugin-license';
import { readFileSync } from 'node:fs';
import { noticesText } from './scripts/notices-text.mjs';
import { preloadGraph } from './scripts/preload-graph.mjs';

const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });

/**
 * Collapses white space inside css`…` templates (esbuild leaves template literals alone).
 * Interpolations `${…}` stay exactly as written, and the white space next to them is kept as one
 * space, so a selector or value built around an interpolation keeps its meaning.
 */
const minifyCss = () => ({
  name: 'minify-css-templates',
  transform(code, id) {
    if (!id.endsWith('.ts') || !code.includes('css`')) return null;
    const squeeze = (text) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/ ?([{};,>]) ?/g, '$1')
        .replace(/: /g, ':')
        .replace(/;}/g, '}');
    // Templates whose interpolations hold no backticks or braces (plain names like `${darkTokens}`).
    const out = code.replace(/css`((?:[^`$]|\$(?!\{)|\$\{[^`{}]*\})*)`/g, (_, body) => {
      const parts = body.split(/(\$\{[^`{}]*\})/);
      return `css\`${parts
        .map((part, i) => (i % 2 ? part : squeeze(part)))
        .join('')
        .trim()}\``;
    });
    return { code: out, map: null };
  },
});

/** Ships src/stadttraum.css next to the loader: the optional host-page rule against layout shift. */
const hostCss = () => ({
  name: 'host-css',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'stadttraum.css', source: readFileSync('src/stadttraum.css', 'utf8') });
  },
});

/**
 * Third-party licences: terser strips every comment, so the notices the bundled packages' licences
 * require (Lit BSD-3-Clause, Leaflet BSD-2-Clause, …) go into dist/THIRD-PARTY-NOTICES.txt, shipped
 * next to the chunks, instead of banners that would count against the size budget.
 * rollup-plugin-license finds every package with code in an output chunk (after tree-shaking) and
 * reads its package.json and LICENSE; both script-tag builds feed one file (the union).
 */
const bundledPackages = new Map();
const notices = () =>
  license({
    thirdParty: {
      // A bundled package without a licence, or under a licence we cannot ship, fails the build.
      allow: { test: '(MIT OR ISC OR BSD-2-Clause OR BSD-3-Clause OR Apache-2.0 OR 0BSD)', failOnUnlicensed: true, failOnViolation: true },
      output: {
        file: 'dist/THIRD-PARTY-NOTICES.txt',
        template(dependencies) {
          for (const d of dependencies) bundledPackages.set(`${d.name}@${d.version}`, d);
          return noticesText([...bundledPackages.values()]);
        },
      },
    },
  });

/**
 * The map chunk starts with V8's compile hint (`//# allFunctionsCalledOnLoad`, Chrome 136+; other
 * engines read a comment): most of its functions run before the first markers, and without the hint
 * V8 only pre-parses them and compiles each on the main thread at its first call. With it they are
 * compiled on a background thread as the chunk arrives, while the main thread reads the feed
 * (issue 18: main-thread compiling until the 10,000-point map's first markers 64 → 46 ms at 4× CPU,
 * `node bench/map-task.mjs --throttle=4`). Added after terser, which strips every comment.
 */
const compileHints = () => ({
  name: 'compile-hints',
  renderChunk(code, chunk) {
    return chunk.name === 'map' ? { code: `//# allFunctionsCalledOnLoad\n${code}`, map: null } : null;
  },
});

/** Groups modules into the chunks the size budget knows: core (Lit, task, src/core, valibot, map settings) and map (src/map/leaflet). */
function manualChunks(id) {
  const p = id.replace(/\\/g, '/');
  // The loader's own tiny imports stay with the loader, so it never pulls in the core chunk;
  // helpers only some widgets use go where they are used. Search folding (core/text, 0.2 KB) is
  // in core: three widgets need it, and a chunk of its own costs a request on their first render
  // (a browser asks an HTTP/1.1 server over at most six connections at once).
  if (/\/src\/(stadttraum|core\/consent|core\/prime|core\/version)\.ts$/.test(p)) return 'stadttraum';
  if (/\/src\/core\/(write|follow-through|url-state|paged-feed|format-detect)\.ts$/.test(p)) return undefined;
  // Everything a big body needs in one lazy chunk (core and the youth budget's lazy chunks import
  // it through big-body.ts): apart, its three modules were requested one after another, each a
  // round trip after the feed had arrived (issue 18).
  if (/\/src\/core\/(big-body|json-slices|decode-slices|slices)\.ts$/.test(p)) return 'big-body';
  // One shared chunk, core, for what every widget loads on its first render: Lit, @lit/task,
  // src/core (with the form styles three widgets show at once), valibot with our messages and
  // validation helpers, the Theme- and WidthController, and the map settings the card and the map
  // share (geo, geolocation, tiles, the attribute mixin). Until issue 18's floor work these were two
  // chunks (core and valibot) importing each other, plus the form styles: three requests on every
  // first render where one does, and 14,168 + 6,037 + 252 B gzip where one file was 19,606 (they
  // compress together and lose the import/export lines between them).
  if (/\/node_modules\/valibot\//.test(p) || /\/src\/map\/(settings|geo|geolocation|tiles)\.ts$/.test(p)) return 'core';
  // Lit's directives go with the widgets that use them, not into everyone's core.
  if (/\/node_modules\/(lit|lit-html)\/(directives\/|directive\.js|directive-helpers\.js|async-directive\.js)/.test(p)) return undefined;
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit|@lit-labs)\//.test(p) || /\/src\/core\//.test(p)) return 'core';
  // <st-map> (placeholder, consent, list of points) travels in the bench map's chunk, which always
  // shows it: one request less on the map's first render. The card's map section imports it from
  // there when it opens (and so gets the bench map's code too, 5 KB gzip, in the same round trip).
  if (/\/src\/map\/(st-map|st-map\.strings|events)\.ts$/.test(p) || /\/src\/mitfahrbank-map\/mitfahrbank-map\.ts$/.test(p))
    return 'mitfahrbank-map';
  // Only the Leaflet part of the shared map; the rest of src/map/*.ts goes with the widgets.
  if (/\/node_modules\/leaflet\//.test(p) || /\/src\/map\/leaflet\//.test(p)) return 'map';
  return undefined;
}

export default [
  // The script-tag build for webmasters: a tiny loader, chunks loaded on demand.
  {
    input: { stadttraum: 'src/stadttraum.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash:7].js',
      manualChunks,
    },
    plugins: [
      minifyCss(),
      nodeResolve(),
      ts(),
      terser({ ecma: 2022, module: true, compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true }, format: { comments: false } }),
      compileHints(),
      hostCss(),
      notices(),
      preloadGraph(),
    ],
  },
  // The feed checker page (a tool, not an embed): built on its own, so its imports of the widgets'
  // models and schemas do not split the widget chunks webmasters load.
  {
    input: { checker: 'src/checker/checker.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'checker-chunks/[name]-[hash:7].js' },
    plugins: [minifyCss(), nodeResolve(), ts(), terser({ ecma: 2022, module: true, format: { comments: false } }), notices()],
  },
  // The npm build: one module per source file, dependencies left to the app's bundler.
  {
    input: {
      index: 'src/index.ts',
      'idea-wall/idea-wall': 'src/idea-wall/idea-wall.ts',
      'mitfahrbank-map/mitfahrbank-map': 'src/mitfahrbank-map/mitfahrbank-map.ts',
      'ehrenamt-card/ehrenamt-card': 'src/ehrenamt-card/ehrenamt-card.ts',
      'partner-logos/partner-logos': 'src/partner-logos/partner-logos.ts',
      'jugend-budget/jugend-budget': 'src/jugend-budget/jugend-budget.ts',
      // Entries of their own, so every export survives: the demo server checks ballots and computes
      // the result with exactly these modules (demo/voting.mjs).
      'jugend-budget/jugend-budget.ballot': 'src/jugend-budget/jugend-budget.ballot.ts',
      'jugend-budget/jugend-budget.rules': 'src/jugend-budget/jugend-budget.rules.ts',
      'jugend-budget/jugend-budget.pabulib': 'src/jugend-budget/jugend-budget.pabulib.ts',
    },
    external: (id) => /^(lit|lit-html|lit-element|@lit\/|valibot|leaflet)/.test(id),
    output: { dir: 'dist/lib', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
    plugins: [nodeResolve(), ts()],
  },
];
