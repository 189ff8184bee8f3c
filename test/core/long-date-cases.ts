// Dates and ranges the long-date formatter (src/core/long-date.ts) is held to, against the Intl of
// Node (test/unit/long-date.test.mjs) and of each browser engine (test/core/long-date.test.ts).
import { formatLongDate, formatLongRange } from '../../src/core/long-date.js';
import type { Lang } from '../../src/core/i18n.js';

const day = 86_400_000;
/** Spaces made visible: engines differ in which space they put around the dash. */
const show = (s: string) => JSON.stringify(s).replace(/[\u00a0\u2000-\u206f]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

/** Every third day of 32 years, times near midnight and noon, leap days, years around 1000 and 9999. */
export function dates(): Date[] {
  const out = [
    '2024-02-29',
    '2025-03-12T23:30:00Z',
    '2025-03-12T00:30:00+02:00',
    '2024-12-31T23:59:59',
    '1000-01-01',
    '0999-12-31',
    '0001-06-01',
    '9999-12-31',
    '+010000-01-01',
  ].map((s) => new Date(s));
  for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2031, 0, 1); t += day * 3) out.push(new Date(t), new Date(t + day / 2 + 7));
  return out;
}

/** Each shape: the same day (other hours), the same month, the same year, across one or more years. */
export function ranges(): [Date, Date][] {
  const out: [Date, Date][] = [];
  for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2030, 0, 1); t += day * 11)
    for (const gap of [0, 5 * 3_600_000, day, 9 * day, 27 * day, 45 * day, 200 * day, 366 * day, 1000 * day])
      out.push([new Date(t), new Date(t + gap)]);
  out.push(
    [new Date('0999-12-01'), new Date('1000-01-05')],
    [new Date('2025-03-01'), new Date('2025-03-31')],
    [new Date('2024-12-01'), new Date('2025-01-31')],
  );
  return out;
}

/** Every case where the formatter's text is not Intl's, as "input: ours ≠ Intl's" (`space`: Node's range spaces made the browsers'). */
export function mismatches(lang: Lang, space = (s: string) => s): string[] {
  const intl = new Intl.DateTimeFormat(lang, { dateStyle: 'long' });
  const wrong: string[] = [];
  for (const d of dates()) {
    const ours = formatLongDate(lang, d);
    if (ours !== undefined && ours !== intl.format(d)) wrong.push(`${d.toISOString()}: ${show(ours)} ≠ ${show(intl.format(d))}`);
  }
  for (const [a, b] of ranges()) {
    const ours = formatLongRange(lang, a, b);
    const theirs = space(intl.formatRange(a, b));
    if (ours !== undefined && ours !== theirs) wrong.push(`${a.toISOString()}–${b.toISOString()}: ${show(ours)} ≠ ${show(theirs)}`);
  }
  return wrong;
}

/** How many cases the formatter writes itself (not handed to Intl): a test that checks nothing must fail. */
export function covered(lang: Lang): number {
  return (
    dates().filter((d) => formatLongDate(lang, d) !== undefined).length +
    ranges().filter(([a, b]) => formatLongRange(lang, a, b) !== undefined).length
  );
}
