import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { readFileSync } from 'node:fs';

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
      return `css\`${parts.map((part, i) => (i % 2 ? part : squeeze(part))).join('').trim()}\``;
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

/** Groups modules into the chunks the size budget knows: core (Lit, task, src/core), valibot and map (src/map/leaflet). */
function manualChunks(id) {
  const p = id.replace(/\\/g, '/');
  // The loader's own tiny imports stay with the loader, so it never pulls in the core chunk;
  // helpers only some widgets use go where they are used.
  if (/\/src\/(stadttraum|core\/consent|core\/version)\.ts$/.test(p)) return 'stadttraum';
  if (/\/src\/core\/(write|text|form-styles|follow-through)\.ts$/.test(p)) return undefined;
  // valibot in a chunk of its own, so the budget shows what validation costs.
  if (/\/node_modules\/valibot\//.test(p)) return 'valibot';
  // Lit's directives go with the widgets that use them, not into everyone's core.
  if (/\/node_modules\/(lit|lit-html)\/(directives\/|directive\.js|directive-helpers\.js|async-directive\.js)/.test(p)) return undefined;
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit|@lit-labs)\//.test(p) || /\/src\/core\//.test(p)) return 'core';
  // Only the Leaflet part of the shared map; <st-map> itself (src/map/*.ts) goes with the widgets.
  if (/\/node_modules\/(leaflet|supercluster|kdbush)\//.test(p) || /\/src\/map\/leaflet\//.test(p)) return 'map';
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
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks,
    },
    plugins: [minifyCss(), nodeResolve(), ts(), terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }), hostCss()],
  },
  // The feed checker page (a tool, not an embed): built on its own, so its imports of the widgets'
  // models and schemas do not split the widget chunks webmasters load.
  {
    input: { checker: 'src/checker/checker.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'checker-chunks/[name]-[hash].js' },
    plugins: [minifyCss(), nodeResolve(), ts(), terser({ ecma: 2022, module: true, format: { comments: false } })],
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
    external: (id) => /^(lit|lit-html|lit-element|@lit\/|valibot|leaflet|supercluster)/.test(id),
    output: { dir: 'dist/lib', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
    plugins: [nodeResolve(), ts()],
  },
];
