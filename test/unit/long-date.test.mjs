// Long dates and ranges without Intl (src/core/long-date.ts) read exactly as Intl writes them;
// test/core/long-date.test.ts holds them to each browser engine's Intl. One difference, chosen on
// purpose: Node's ICU (CLDR 42+ as shipped) puts thin spaces (U+2009) around a range's dash, while
// Chromium 156, Firefox 153 and WebKitGTK 2.50 all write plain spaces; the widgets run in browsers,
// so they write what the browsers write, and here Node's thin spaces count as plain ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLongDate, formatLongRange } from '../../src/core/long-date.js';
import { covered, dates, mismatches, ranges } from '../core/long-date-cases.js';

for (const lang of ['de', 'en']) {
  test(`${lang}: long dates and every range shape read as Intl.DateTimeFormat writes them`, () => {
    assert.deepEqual(
      mismatches(lang, (s) => s.replaceAll('\u2009', ' ')),
      [],
    );
    // Only years before 1000 go to Intl: the rest is written here.
    assert.ok(covered(lang) > dates().length + ranges().length - 6, `${covered(lang)} cases written without Intl`);
  });
}

test('each range shape, in both languages', () => {
  const r = (lang, a, b) => formatLongRange(lang, new Date(a), new Date(b));
  assert.equal(r('de', '2025-06-14T08:00', '2025-06-14T20:00'), '14. Juni 2025');
  assert.equal(r('de', '2025-03-01', '2025-03-31'), '1.–31. März 2025');
  assert.equal(r('de', '2025-03-01', '2025-05-31'), '1. März – 31. Mai 2025');
  assert.equal(r('de', '2024-12-01', '2025-01-31'), '1. Dezember 2024 – 31. Januar 2025');
  assert.equal(r('en', '2025-06-14', '2025-06-14'), 'June 14, 2025');
  assert.equal(r('en', '2025-03-01', '2025-03-31'), 'March 1 – 31, 2025');
  assert.equal(r('en', '2025-03-01', '2025-05-31'), 'March 1 – May 31, 2025');
  assert.equal(r('en', '2024-12-01', '2025-01-31'), 'December 1, 2024 – January 31, 2025');
});

test('years before 1000 and unreadable dates are left to Intl', () => {
  assert.equal(formatLongDate('de', new Date('0999-12-31')), undefined);
  assert.equal(formatLongDate('en', new Date('bald')), undefined);
  assert.equal(formatLongRange('de', new Date('0999-12-01'), new Date('2025-01-01')), undefined);
});
