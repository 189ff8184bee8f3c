// V8's compile hint (rollup.config.mjs, issue 18) on exactly the chunks whose functions run as soon
// as they arrive: the Leaflet chunk and every widget's first-render chunks (dist/preload.json's
// `code`). Lazy chunks (formats, forms, the youth budget's ballot) do not carry it: they hold code a
// page may never call, and compiling that eagerly would cost time instead of moving it. Needs the
// build (dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';

const dist = new URL('../../dist/', import.meta.url);
const dir = new URL('chunks/', dist);
const HINT = '//# allFunctionsCalledOnLoad\n';
// dist/ is not emptied between builds: the newest file of each name is the current build's.
const newest = (prefix) =>
  readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.js'))
    .sort((a, b) => statSync(new URL(b, dir)).mtimeMs - statSync(new URL(a, dir)).mtimeMs)[0];
const manifest = JSON.parse(readFileSync(new URL('preload.json', dist), 'utf8'));
const firstRender = new Set(Object.values(manifest.widgets).flatMap((w) => w.code.map((f) => f.replace(/^chunks\//, ''))));
const hinted = (f) => readFileSync(new URL(f, dir), 'utf8').startsWith(HINT);

test('the map chunk starts with the compile hint, as its first line', () => {
  const map = newest('map-');
  assert.ok(map, 'a built map chunk');
  assert.ok(hinted(map), `${map} starts with the hint`);
});

test("every chunk of every widget's first render starts with the hint", () => {
  assert.ok(firstRender.size >= 6, `the manifest names the first-render chunks (${[...firstRender].join(', ')})`);
  for (const tag of Object.keys(manifest.widgets)) assert.ok(manifest.widgets[tag].code.length > 0, `${tag} has code`);
  for (const f of firstRender) assert.ok(hinted(f), `${f} starts with the hint`);
  assert.ok(
    [...firstRender].some((f) => f.startsWith('core-')),
    'core is among them',
  );
});

test('no other chunk carries the hint, and the loader neither', () => {
  const current = new Set(readdirSync(dir).filter((f) => f.endsWith('.js') && newest(f.replace(/-[\w-]{7}\.js$/, '-')) === f));
  for (const f of current) {
    if (firstRender.has(f) || f.startsWith('map-')) continue;
    assert.ok(!readFileSync(new URL(f, dir), 'utf8').includes('allFunctionsCalledOnLoad'), `${f} has no hint`);
  }
  assert.ok(!readFileSync(new URL('stadttraum.js', dist), 'utf8').includes('allFunctionsCalledOnLoad'), 'the loader has no hint');
});
