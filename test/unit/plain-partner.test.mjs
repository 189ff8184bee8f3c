// The card's fast path for plain partners and places (src/ehrenamt-card/ehrenamt-card.plain.ts)
// against the schemas it stands in for: where it answers, its output is the schema's (same keys,
// same values); where the schema finds fault, it does not answer, so every message about bad data
// stays valibot's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { plainLocation, plainPartner } from '../../src/ehrenamt-card/ehrenamt-card.plain.js';
import { LocationSchema, PartnerSchema } from '../../src/ehrenamt-card/ehrenamt-card.schema.js';
import { parsePartners, parseProgramme } from '../../src/ehrenamt-card/ehrenamt-card.model.js';

const demo = JSON.parse(readFileSync(new URL('../../demo/data/ehrenamt.json', import.meta.url), 'utf8'));
const long = 'x'.repeat(20005);
const base = { name: 'Bäckerei Sommer' };
const partners = [
  base,
  { ...base, id: 7, category: 3 },
  { ...base, id: '  b  ', name: '  Mit Leerraum  ', category: ' food ' },
  { ...base, benefit: '10 %', hours: { de: ' Mo–Fr ', en: ' Mon–Fri ' } },
  { ...base, benefit: { de: 'Rabatt' }, hours: { de: 'Mo', en: '' } },
  { ...base, benefit: { de: 'Rabatt', en: undefined, fr: 'remise' } },
  { ...base, website: '', phone: '  ', email: ' a@b.example ' },
  { ...base, website: 'javascript:alert(1)', phone: '0391 / 12-3' },
  { ...base, locations: [], id: undefined, unknownField: { deep: true } },
  { ...base, locations: [{ street: 'Markt 4' }, 'kaputt', null] },
  { ...base, name: long },
  { ...base, benefit: long },
  { ...base, hours: { de: long } },
  // Invalid: the schema's messages.
  {},
  { name: '   ' },
  { name: 5 },
  { ...base, id: '' },
  { ...base, id: NaN },
  { ...base, id: null },
  { ...base, category: true },
  { ...base, benefit: '' },
  { ...base, benefit: { en: 'only English' } },
  { ...base, benefit: { de: '  ' } },
  { ...base, benefit: ['Rabatt'] },
  { ...base, hours: { de: 'Mo', en: 3 } },
  { ...base, locations: {} },
  { ...base, website: 3 },
  { ...base, phone: null },
  [base],
  'Partner',
  null,
];
const places = [
  { street: 'Markt 4', postalCode: '06499', city: 'Harzstedt', lat: 51.7, lng: 11.2 },
  { postalCode: 6499 },
  { street: '  ', city: ' Selkeheim ', lat: -90, lng: 180 },
  { lat: 0, lng: 0, extra: 1 },
  { lat: undefined },
  {},
  { street: long },
  // Invalid.
  { lat: 91 },
  { lng: -180.5 },
  { lat: '51.7' },
  { lat: NaN },
  { lat: Infinity },
  { postalCode: null },
  { postalCode: true },
  { city: 5 },
  'Markt 4',
  null,
];

/** Same answer as the schema, or none; returns how often it answered. */
function compare(read, schema, items) {
  let fast = 0;
  for (const item of items) {
    const slow = v.safeParse(schema, item);
    const plain = read(item);
    const what = JSON.stringify(item)?.slice(0, 80);
    if (!slow.success) assert.equal(plain, undefined, `fast path accepted an invalid item: ${what}`);
    else if (plain) {
      fast++;
      assert.deepStrictEqual(plain, slow.output, what);
    }
  }
  return fast;
}

test('plain partners and places: exactly the schema output, and no answer for an item the schema rejects', () => {
  assert.equal(compare(plainPartner, PartnerSchema, [...demo.partners, ...partners]), demo.partners.length + 10);
  const demoPlaces = demo.partners.flatMap((p) => p.locations);
  assert.equal(compare(plainLocation, LocationSchema, [...demoPlaces, ...places]), demoPlaces.length + 6);
});

const reader = () => {
  const warnings = [];
  return { warnings, ctx: { baseUrl: 'https://example.org/', lang: 'de', warn: (m) => warnings.push(m) } };
};

test('the demo programme reads the same with the fast path as through the schema', () => {
  // A text longer than the schema's limit is valid but not plain: it sends the whole list through the schema.
  const odd = { name: 'Zuletzt', benefit: long };
  const fast = reader();
  const slow = reader();
  const viaPlain = parsePartners(demo.partners, fast.ctx);
  const viaSchema = parsePartners([...demo.partners, odd], slow.ctx);
  assert.equal(viaSchema.length, viaPlain.length + 1);
  assert.deepStrictEqual(viaPlain, viaSchema.slice(0, -1));
  assert.deepStrictEqual(fast.warnings, slow.warnings);
});

test('bad partners and places still get the schema messages, and the good ones stay', () => {
  const { warnings, ctx } = reader();
  const list = [
    ...demo.partners.slice(0, 3),
    { name: '   ', category: 'food' },
    { ...demo.partners[3], locations: [{ lat: 95, lng: 11 }, demo.partners[3].locations[0]] },
  ];
  const read = parseProgramme({ ...demo, partners: list }, ctx).partners;
  assert.deepEqual(
    read.map((p) => [p.name, p.locations.length]),
    [...demo.partners.slice(0, 4).map((p) => [p.name, p.locations.length])],
  );
  assert.equal(warnings.length, 2, warnings.join('\n'));
  assert.match(warnings[0], /^partners\[3\].*übersprungen/);
  assert.match(warnings[1], /^partners\[3\] \(„.*“\)\.locations\[0\] übersprungen – /);
});
