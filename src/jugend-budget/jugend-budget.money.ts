import { formatNumber, type Lang } from '../core/i18n.js';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * An amount as Intl writes it with `style: 'currency'`. Whole euros in German and English are
 * written without Intl ("10.000 €", "€10,000"; a minus before the sign, also for -0): a page's
 * first currency formatter loads ICU data, 10+ ms at normal speed and ~58 ms at 4× CPU, one long
 * task. Other currencies and fractions go to Intl (one formatter per language, currency and
 * digits: a new one per amount cost 50 ms for a table of 1,000 projects).
 * test/unit/budget-money.test.mjs holds the fast path to Intl's output.
 */
export function formatMoney(lang: Lang, currency: string, n: number): string {
  const cents = Math.round(n * 100) % 100 !== 0;
  if (currency === 'EUR' && !cents && Number.isSafeInteger(n)) {
    // 1 / n < 0 for negative numbers and -0, which Intl writes "-0 €".
    const sign = 1 / n < 0 ? '-' : '';
    const digits = formatNumber(lang, Math.abs(n));
    return lang === 'en' ? `${sign}€${digits}` : `${sign}${digits}\u00a0€`;
  }
  const key = `${lang} ${currency} ${cents}`;
  try {
    let format = formats.get(key);
    if (!format)
      formats.set(key, (format = new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: cents ? 2 : 0 })));
    return format.format(n);
  } catch {
    // An unknown currency code: the number and the code as the feed wrote it.
    return `${formatNumber(lang, n)} ${currency}`;
  }
}
