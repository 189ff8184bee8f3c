// The youth budget writes whole euros without Intl (jugend-budget.money.ts: a page's first
// currency formatter is one long task at 4× CPU): they must read exactly as Intl writes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMoney } from '../../src/jugend-budget/jugend-budget.money.js';

const wholes = [
  ...Array.from({ length: 2401 }, (_, i) => i - 1200),
  ...Array.from({ length: 200 }, (_, i) => Math.round(1.37 ** i)).filter(Number.isSafeInteger),
  9999,
  10000,
  -10000,
  99999,
  100000,
  999999,
  1000000,
  -1234567,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  -0,
];

for (const lang of ['de', 'en']) {
  const intl = (currency, n) =>
    new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: Math.round(n * 100) % 100 ? 2 : 0 }).format(n);

  test(`${lang}: whole euros read as Intl writes them (${wholes.length} amounts, -0 and ±2^53 included)`, () => {
    for (const n of wholes) assert.equal(formatMoney(lang, 'EUR', n), intl('EUR', n), String(n));
  });

  test(`${lang}: cents, huge amounts and other currencies go to Intl`, () => {
    for (const n of [0.5, 1.25, -1.5, 1234.56, 99.99, 2 ** 60, 1e21]) assert.equal(formatMoney(lang, 'EUR', n), intl('EUR', n), String(n));
    assert.match(formatMoney(lang, 'EUR', 1234.5), /1[.,]234[.,]50/);
    for (const currency of ['CHF', 'PLN', 'USD', 'GBP'])
      for (const n of [0, 7, 1500, -1500, 1234567, 12.5])
        assert.equal(formatMoney(lang, currency, n), intl(currency, n), `${currency} ${n}`);
  });

  test(`${lang}: an unknown currency code shows the number and the code`, () => {
    assert.equal(formatMoney(lang, 'EURO', 1500), lang === 'de' ? '1.500 EURO' : '1,500 EURO');
  });
}
