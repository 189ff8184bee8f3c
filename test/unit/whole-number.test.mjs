// The bench map's count is formatted without Intl.NumberFormat (its first use costs a cold page
// 12–33 ms): the result must be exactly what Intl writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wholeNumber } from '../../src/mitfahrbank-map/whole-number.js';

test('whole numbers read exactly as Intl.NumberFormat writes them, in German and English', () => {
  const numbers = [0, 1, 7, 12, 999, 1000, 1001, 9999, 10000, 12345, 100000, 999999, 1000000, 1234567890, Number.MAX_SAFE_INTEGER];
  for (const lang of ['de', 'en']) {
    const intl = new Intl.NumberFormat(lang);
    for (const n of numbers) assert.equal(wholeNumber(n, lang), intl.format(n), `${lang} ${n}`);
  }
  assert.equal(wholeNumber(10000, 'de'), '10.000');
  assert.equal(wholeNumber(10000, 'en'), '10,000');
});

test('anything but a non-negative whole number is left to Intl', () => {
  for (const n of [1.5, -0, -1, -10000, NaN, Infinity, 2 ** 60]) assert.equal(wholeNumber(n, 'de'), undefined, String(n));
});
