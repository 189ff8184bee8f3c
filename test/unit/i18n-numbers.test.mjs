// The widgets' number and plural words skip Intl for whole numbers (core/i18n.ts: a page's first
// Intl formatter costs its first render 10–25 ms): they must read exactly as Intl would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, pluralOne } from '../../src/core/i18n.js';

const samples = [
  ...Array.from({ length: 2401 }, (_, i) => i - 1200),
  0.5,
  1.5,
  -1.5,
  1234.5,
  1e6,
  12345678,
  9999,
  10000,
  -10000,
  100000,
  999999,
  1234567890,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  2 ** 60,
];

for (const lang of ['de', 'en']) {
  test(`${lang}: numbers read as Intl.NumberFormat writes them`, () => {
    const intl = new Intl.NumberFormat(lang);
    for (const n of samples) assert.equal(formatNumber(lang, n), intl.format(n), String(n));
    assert.equal(formatNumber(lang, -0), '0', 'no minus before zero');
  });
  test(`${lang}: "one" exactly where Intl.PluralRules says so`, () => {
    const rules = new Intl.PluralRules(lang);
    for (const n of samples) assert.equal(pluralOne(n), rules.select(n) === 'one', String(n));
  });
}
