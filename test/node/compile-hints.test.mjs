// The map chunk asks V8 to compile all its functions on a background thread as it arrives
// (rollup.config.mjs, issue 18); no other chunk does: they hold code a first render may never
// call, and compiling that eagerly would cost time instead of moving it. Needs the build (dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';

const dir = new URL('../../dist/chunks/', import.meta.url);
const HINT = '//# allFunctionsCalledOnLoad\n';
// dist/ is not emptied between builds: the newest file of each name is the current build's.
const newest = (prefix) =>
  readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.js'))
    .sort((a, b) => statSync(new URL(b, dir)).mtimeMs - statSync(new URL(a, dir)).mtimeMs)[0];

test('the map chunk starts with the compile hint, as its first line', () => {
  const map = newest('map-');
  assert.ok(map, 'a built map chunk');
  assert.ok(readFileSync(new URL(map, dir), 'utf8').startsWith(HINT), `${map} starts with the hint`);
});

test('no other chunk carries the hint', () => {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.js') && !f.startsWith('map-'))) {
    assert.ok(!readFileSync(new URL(f, dir), 'utf8').includes('allFunctionsCalledOnLoad'), `${f} has no hint`);
  }
});
