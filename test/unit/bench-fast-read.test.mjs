// <mitfahrbank-map> reads plainly valid benches and regions without valibot (fast-bench.ts) and builds
// its schemas only for a feed that needs them (mitfahrbank-map.rules.ts): the first screen of the
// demo feed evaluates none of them. These pin down that the fast reader gives what the schema gives,
// and hands everything else to the schema, whose messages the visitor's webmaster then sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { fastBench, fastRegion } from '../../src/mitfahrbank-map/fast-bench.js';
import { parseBenchFeed } from '../../src/mitfahrbank-map/mitfahrbank-map.model.js';
import { schemas, schemasBuilt } from '../../src/mitfahrbank-map/mitfahrbank-map.rules.js';

const demo = JSON.parse(readFileSync(new URL('../../demo/data/benches.json', import.meta.url), 'utf8'));
const context = () => {
  const warnings = [];
  return { warnings, ctx: { baseUrl: 'https://feeds.example.org/daten/feed.json', lang: 'de', warn: (m) => warnings.push(m) } };
};

// First: nothing in this file may have built the schemas before this test runs.
test('the demo feed is read without building a schema', () => {
  const { ctx, warnings } = context();
  const feed = parseBenchFeed(demo, ctx);
  assert.equal(feed.benches.length, 14);
  assert.equal(feed.region?.title, 'Mitfahrbänke im Harzstedter Land');
  assert.ok(feed.region?.contact?.tel?.startsWith('tel:'), 'the contact is read, with its tel: link');
  assert.deepEqual(warnings, []);
  assert.equal(schemasBuilt(), false, 'a plainly valid feed needs no valibot schema');
});

const long = 'x'.repeat(20005);
const regions = [
  demo.region,
  { title: '  Harz  ', intro: '' },
  { title: 'Harz', extra: 'ignored', contact: { name: 'Amt', phone: ' 03946 123 ', unknown: 1 } },
  { contact: undefined },
  {},
  { title: 'Harz', contact: null },
  { title: 'Harz', contact: 'Amt' },
  { title: 'Harz', contact: [] },
  { title: 42 },
  { intro: long },
  { contact: { email: long } },
  [],
  'Harz',
];

test('a region: the fast reader gives exactly what the schema gives, or leaves it to the schema', () => {
  for (const raw of regions) {
    const fast = fastRegion(raw);
    const schema = v.safeParse(schemas().region, raw, { lang: 'de' });
    if (fast === undefined) continue;
    assert.ok(schema.success, `${JSON.stringify(raw).slice(0, 60)}: fast reader accepted what the schema rejects`);
    assert.deepEqual(fast, schema.output, JSON.stringify(raw).slice(0, 60));
    assert.deepEqual(Object.keys(fast), Object.keys(schema.output), 'the same keys, none added');
  }
  assert.deepEqual(fastRegion({ title: '  Harz  ', intro: '' }), { title: 'Harz', intro: undefined });
  for (const raw of [{ title: 42 }, { title: 'Harz', contact: null }, { intro: long }, [], 'Harz'])
    assert.equal(fastRegion(raw), undefined, `${JSON.stringify(raw).slice(0, 40)} goes to the schema`);
});

test('a region the schema rejects is skipped with its message; long text is cut as the schema cuts it', () => {
  const { ctx, warnings } = context();
  const bench = demo.benches[0];
  assert.equal(parseBenchFeed({ region: { title: 42 }, benches: [bench] }, ctx).region, undefined);
  assert.match(warnings.join('\n'), /region übersprungen/);
  const { ctx: ctx2 } = context();
  const cut = parseBenchFeed({ region: { intro: long }, benches: [{ ...bench, howItWorks: long }] }, ctx2);
  assert.equal(cut.region?.intro, `${'x'.repeat(20000)}…`, 'region text');
  assert.equal(cut.benches[0].howItWorks, `${'x'.repeat(20000)}…`, 'bench text');
});

/** Without the keys whose value is undefined (the fast bench names every key; the model reads them alike). */
const defined = (o) => JSON.parse(JSON.stringify(o));

test('a bench: the fast reader gives what the schema gives, long text left to the schema', () => {
  for (const raw of demo.benches) assert.deepEqual(defined(fastBench(raw)), defined(v.parse(schemas().bench, raw)), raw.id);
  assert.equal(fastBench({ ...demo.benches[0], location: long }), undefined);
  assert.equal(fastBench({ ...demo.benches[0], name: long }), undefined);
});
