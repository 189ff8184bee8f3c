// Writes schemas/<widget>.schema.json from the valibot schemas in src/<widget>/<widget>.schema.ts
// (their `documentSchema` export), so the docs' JSON Schema files never drift from the code.
import { build } from 'esbuild';
import { toJsonSchema } from '@valibot/to-json-schema';
import { mkdirSync, writeFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const widgets = readdirSync('src', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`src/${d.name}/${d.name}.schema.ts`))
  .map((d) => d.name);
mkdirSync('schemas', { recursive: true });
const tmp = 'node_modules/.cache/stadttraum-schemas';
mkdirSync(tmp, { recursive: true });
for (const widget of widgets) {
  const outfile = `${tmp}/${widget}.mjs`;
  await build({
    entryPoints: [`src/${widget}/${widget}.schema.ts`],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'error',
  });
  const mod = await import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
  if (!mod.documentSchema) {
    console.warn(`src/${widget}/${widget}.schema.ts: kein „documentSchema“-Export, übersprungen`);
    continue;
  }
  const json = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    // Relative, so it resolves to this very file wherever it is shipped (npm package, release zip,
    // your own server) instead of naming a host the project does not have.
    $id: `${widget}.schema.json`,
    title: mod.documentTitle ?? widget,
    ...toJsonSchema(mod.documentSchema, { errorMode: 'ignore' }),
  };
  delete json.$schema_;
  writeFileSync(`schemas/${widget}.schema.json`, JSON.stringify(json, null, 2) + '\n');
}
rmSync(tmp, { recursive: true, force: true });
console.log(`schemas: ${widgets.map((w) => `schemas/${w}.schema.json`).join(', ')}`);
