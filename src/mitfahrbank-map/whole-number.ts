import type { Lang } from '../core/i18n.js';

/**
 * A whole number as `Intl.NumberFormat` writes it in German (10.000) and English (10,000), or
 * undefined for anything else (negative, fractional, huge: Intl decides). The widget's count is
 * on its first render, and making the page's first NumberFormat loads ICU's number data: 12–33 ms
 * in a cold Chromium page, measured, about a tenth of a 10,000-bench map's first frame.
 */
export function wholeNumber(n: number, lang: Lang): string | undefined {
  // 1 / n > 0 also leaves -0 to Intl (which writes "-0").
  return Number.isSafeInteger(n) && 1 / n > 0 ? String(n).replace(/\B(?=(\d{3})+$)/g, lang === 'en' ? ',' : '.') : undefined;
}
