// `cem analyze` (npm run analyze) reads this file: it writes custom-elements.json and, from it,
// the editor data shipped in the package (dist/ide/, dist/types/jsx.d.ts).
import { posix } from 'node:path';
import { getTsProgram, typeParserPlugin } from '@wc-toolkit/type-parser';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { jsxTypesPlugin } from '@wc-toolkit/jsx-types';
import { tidyPlugin } from './scripts/cem/tidy.mjs';
import { tokensPlugin } from './scripts/cem/tokens.mjs';
import { definitionsPlugin } from './scripts/cem/definitions.mjs';
import { shippedPathsPlugin } from './scripts/cem/shipped-paths.mjs';
import { jsxEventTypesPlugin } from './scripts/cem/jsx-event-types.mjs';

/**
 * The type parser walks every file of the program and warns about each type it does not expand
 * (private state, Lit internals, lib.dom): dozens of lines per run that say nothing about our
 * public API. Its other messages pass through.
 */
function quietSkippedTypes() {
  const warn = console.warn;
  console.warn = (...args) => {
    if (!args.some((a) => typeof a === 'string' && a.startsWith('[type-parser] - Skipped parsing type'))) warn(...args);
  };
}

export default {
  globs: ['src/**/*.component.ts', 'src/core/widget-element.ts', 'src/map/settings.ts'],
  outdir: '.',
  litelement: true,
  // The type parser needs a type checker to expand aliases (`SortKey` → its string literals).
  overrideModuleCreation({ ts, globs }) {
    quietSkippedTypes();
    const program = getTsProgram(ts, globs, 'tsconfig.json');
    return program.getSourceFiles().filter((sf) => globs.some((glob) => sf.fileName.endsWith(glob)));
  },
  plugins: [
    // Adds `parsedType` next to `type`; `type` stays as written.
    typeParserPlugin(),
    tidyPlugin(),
    tokensPlugin(),
    definitionsPlugin(),
    // Last before the generators: they copy module paths into their output.
    shippedPathsPlugin(),
    customElementVsCodePlugin({
      outdir: 'dist/ide',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      typesSrc: 'parsedType',
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({
      outdir: 'dist/ide',
      webTypesFileName: 'web-types.json',
      typesSrc: 'parsedType',
      packageJson: false,
      // Links each tag to its class: a path inside the package (the manifest already names shipped files).
      modulePathTemplate: (_name, modulePath) => `./${modulePath}`,
      hideLogs: true,
    }),
    jsxTypesPlugin({
      outdir: 'dist/types',
      fileName: 'jsx.d.ts',
      // dist/types mirrors dist/lib, so each class's declarations sit at the same relative path.
      componentTypePath: (_name, _tag, modulePath) => `./${posix.relative('dist/lib', modulePath)}`,
      stronglyTypedEvents: true,
    }),
    jsxEventTypesPlugin({ file: 'dist/types/jsx.d.ts' }),
  ],
};
