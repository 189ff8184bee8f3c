import type { LocalizeController } from '../core/i18n.js';

const months = 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(' ');

/**
 * `l.date(value)` in German ("12. März 2025"), the same day and text, without making ICU's date
 * formatter: a page's first `Intl.DateTimeFormat` loads locale data, 13–41 ms in a cold page on
 * the bench machine, the largest single item in the demo wall's first frame (its cards say "Stand
 * 12. März 2025"). English, years before 1000 and unreadable values go to `l.date`.
 */
export function longDate(l: Pick<LocalizeController, 'lang' | 'date'>, value?: string): string {
  const d = new Date(value ?? NaN);
  const y = d.getFullYear();
  return l.lang == 'de' && y > 999 ? `${d.getDate()}. ${months[d.getMonth()]} ${y}` : l.date(value);
}
