// Importing the npm package in Node (server rendering frameworks, tests) must not throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('the package entry imports in Node without a DOM', async () => {
  const mod = await import('../../dist/lib/index.js');
  for (const name of ['IdeaWall', 'MitfahrbankMap', 'EhrenamtCard', 'PartnerLogos', 'WidgetElement'])
    assert.equal(typeof mod[name], 'function', name);
  assert.equal(typeof mod.StLoadEvent, 'function');
  assert.match(mod.VERSION, /^\d+\.\d+\.\d+/);
});

test('the per-widget define modules import in Node without a DOM', async () => {
  for (const w of ['idea-wall', 'mitfahrbank-map', 'ehrenamt-card', 'partner-logos']) {
    await import(`../../dist/lib/${w}/${w}.js`);
  }
});

test('the script-tag loader imports in Node without a DOM', async () => {
  await import('../../dist/stadttraum.js');
});

test('VERSION matches package.json (semver is what the guarded registration compares)', async () => {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
  const { VERSION } = await import('../../dist/lib/index.js');
  assert.equal(VERSION, pkg.version);
});
