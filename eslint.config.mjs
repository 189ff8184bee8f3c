// ESLint: correctness rules for TypeScript, Lit templates and custom elements. Formatting is
// Prettier's job (npm run format), not ESLint's. Import layers are dependency-cruiser's
// (.dependency-cruiser.cjs); `npm run lint` runs both.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Helpers the bench's probe script puts on the page's window (bench/pages/probe.js). */
const benchHelpers = Object.fromEntries(
  ['params', 'waitFor', 'deep', 'mount', 'unmount', 'mapInfo', 'frames', 'stopFrames', 'ready', 'keystroke', 'bench', 'cycle'].map((n) => [
    `__${n}`,
    'readonly',
  ]),
);

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'node_modules/',
      'wordpress/',
      'bench/results/',
      'bench/.data/',
      'bench/.vendor/',
      'docs/',
      'src/map/leaflet/leaflet-css.generated.ts',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
    rules: {
      // Mixins need `any[]` constructor arguments (TypeScript's own mixin pattern).
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Chai's property assertions (`expect(x).to.be.true`) are expressions; fixture URLs carry `&`.
    files: ['test/**/*.ts', 'stories/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      'lit/attribute-value-entities': 'off',
    },
  },
  // Build scripts, servers and benches run in Node; the functions they hand to puppeteer, in the page.
  { files: ['**/*.cjs'], languageOptions: { globals: globals.node, sourceType: 'commonjs' } },
  { files: ['**/*.mjs', 'scripts/**/*.js', 'bench/*.js'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ['bench/*.mjs'], languageOptions: { globals: benchHelpers } },
  {
    files: ['test/**/*.js', 'test/**/*.mjs', 'bench/embed/**/*.js', 'demo/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // Bench pages: helpers the probe script puts on window; bare layout reads force style and layout.
    files: ['bench/pages/**/*.js'],
    languageOptions: {
      globals: { ...globals.browser, ...benchHelpers, L: 'readonly' },
    },
    rules: { '@typescript-eslint/no-unused-expressions': 'off', 'no-empty': ['error', { allowEmptyCatch: true }] },
  },
);
