/*
 * Long dates and date ranges in German and English as `Intl.DateTimeFormat(lang, { dateStyle: 'long' })`
 * writes them (`format`, `formatRange`), without making that formatter: a page's first one loads
 * ICU's locale data, ~12 ms at normal speed and 50–59 ms at 4× CPU on the bench machine, more than
 * a small feed's whole first render. Years before 1000 (eras, padding) and unreadable values return
 * undefined: the caller asks Intl. test/unit/long-date.test.mjs and test/core/long-date.test.ts
 * compare with Intl (Node's ICU and each engine's).
 */
const months = {
  de: 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};
// Chromium, Firefox and WebKit write plain spaces either side of the dash (CLDR 42+ has thin ones, as
// Node's ICU writes them; test/unit/long-date.test.mjs says so).
const dash = ' – ';

/** The languages written here: i18n's `Lang` (no import: i18n imports this file). */
type Lang = keyof typeof months;
type Parts = [day: number, month: string, year: number];

/** Local day, month name and year (the time zone Intl uses too), or undefined for Intl. */
function parts(lang: Lang, d: Date): Parts | undefined {
  const y = d.getFullYear();
  return y > 999 ? [d.getDate(), months[lang][d.getMonth()], y] : undefined;
}

const one = (lang: Lang, [d, m, y]: Parts) => (lang == 'de' ? `${d}. ${m} ${y}` : `${m} ${d}, ${y}`);

/** "12. März 2025", "March 12, 2025"; undefined: ask Intl. */
export function formatLongDate(lang: Lang, d: Date): string | undefined {
  const p = parts(lang, d);
  return p && one(lang, p);
}

/**
 * `formatRange` for `a <= b`: one date for the same day, else only the fields that differ twice:
 * "1.–31. März 2025", "1. März – 31. Mai 2025", "1. Dezember 2024 – 31. Januar 2025" (English:
 * "March 1 – 31, 2025", "March 1 – May 31, 2025"). Undefined: ask Intl.
 */
export function formatLongRange(lang: Lang, a: Date, b: Date): string | undefined {
  const p = parts(lang, a);
  const q = parts(lang, b);
  if (!p || !q) return undefined;
  const [d, m, y] = p;
  const [e, n, z] = q;
  if (y != z) return one(lang, p) + dash + one(lang, q);
  if (m != n) return lang == 'de' ? `${d}. ${m}${dash}${e}. ${n} ${y}` : `${m} ${d}${dash}${n} ${e}, ${y}`;
  if (d != e) return lang == 'de' ? `${d}.–${e}. ${m} ${y}` : `${m} ${d}${dash}${e}, ${y}`;
  return one(lang, p);
}

/** The idea wall's cards' dates: `l.date(value)`, kept under this name so its call sites stay as they are. */
export const longDate = (l: { date(value?: string): string }, value?: string): string => l.date(value);
