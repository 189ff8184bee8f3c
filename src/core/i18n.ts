import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatLongDate, formatLongRange } from './long-date.js';

export type Lang = 'de' | 'en';
export type Strings = Record<string, string>;
/** A widget's texts in both languages, with the same keys (`K`) in each. */
export type StringTable<K extends string = string> = Record<Lang, Record<K, string>>;
/** The keys of a table. */
export type KeyOf<T> = T extends StringTable<infer K> ? K : never;
/** `clusterLabel` for a table with `clusterLabel_one` and `clusterLabel_other`. */
type PluralOf<K extends string> = string extends K ? string : K extends `${infer B}_one` ? B : never;

/**
 * Declares a string table: the German texts set the keys, the English table must have exactly
 * the same ones. A missing or misspelt key, here or in a `t('…')` call, is a compile error.
 */
export function defineStrings<const D extends Strings>(table: { de: D; en: { [K in keyof D]: string } }): StringTable<keyof D & string> {
  return table as StringTable<keyof D & string>;
}
/** Overrides: flat (`{ "retry": "Nochmal" }`, any language) or per language (`{ "de": { … } }`). */
export type StringOverrides = Strings | Partial<Record<Lang, Strings>>;

/** Strings the shared machinery shows; widgets add their own table. */
export const coreStrings = defineStrings({
  de: {
    loading: 'Wird geladen …',
    retry: 'Erneut versuchen',
    errorDetails: 'Technische Details für die Website-Betreuung',
    errorNoSource: 'Keine Datenquelle angegeben (src, data oder eingebettetes JSON).',
    errorNetwork: 'Die Daten konnten nicht abgerufen werden.',
    errorTimeout: 'Der Server hat zu lange nicht geantwortet.',
    errorHttp: 'Der Server hat die Daten nicht geliefert.',
    errorNotJson: 'Die Daten haben ein unlesbares Format.',
    errorShape: 'Die Daten haben nicht die erwartete Form.',
    errorNoValid: 'Die Daten enthalten keinen gültigen Eintrag.',
    errorTooLarge: 'Die Daten sind zu groß (Attribut max-size).',
  },
  en: {
    loading: 'Loading …',
    retry: 'Try again',
    errorDetails: 'Technical details for the site maintainer',
    errorNoSource: 'No data source given (src, data or embedded JSON).',
    errorNetwork: 'The data could not be fetched.',
    errorTimeout: 'The server took too long to answer.',
    errorHttp: 'The server did not deliver the data.',
    errorNotJson: 'The data is in an unreadable format.',
    errorShape: 'The data does not have the expected shape.',
    errorNoValid: 'The data contains no valid entry.',
    errorTooLarge: 'The data is too large (attribute max-size).',
  },
});
type CoreKey = KeyOf<typeof coreStrings>;

/** The element's language: its own `lang`, else the nearest ancestor's (across shadow roots), else `<html>`'s. */
export function resolveLang(el: Element): Lang {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return normalizeLang(node.getAttribute('lang'));
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return normalizeLang(globalThis.document?.documentElement.lang);
}

export function normalizeLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'de';
}

interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  strings?: StringOverrides;
}

const hosts = new Set<LocalizedHost>();
let htmlObserver: MutationObserver | undefined;

function watchDocumentLang(host: LocalizedHost) {
  hosts.add(host);
  if (htmlObserver || typeof MutationObserver === 'undefined') return;
  htmlObserver = new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
  htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

function unwatchDocumentLang(host: LocalizedHost) {
  hosts.delete(host);
  if (hosts.size === 0) {
    htmlObserver?.disconnect();
    htmlObserver = undefined;
  }
}

/**
 * Strings, dates and numbers in the element's language. Lookup order: the widget's `strings`
 * property, the page-wide `window.stadttraum.strings`, the widget's table, the core table.
 */
export class LocalizeController<K extends string = string> implements ReactiveController {
  lang: Lang = 'de';

  constructor(
    private readonly host: LocalizedHost,
    private readonly table: StringTable<K>,
  ) {
    host.addController(this);
  }

  hostConnected() {
    watchDocumentLang(this.host);
  }

  hostDisconnected() {
    unwatchDocumentLang(this.host);
  }

  hostUpdate() {
    this.lang = resolveLang(this.host);
  }

  t(key: K | CoreKey, params?: Record<string, string | number>): string {
    const lang = this.lang;
    const own = this.host.strings as Record<string, unknown> | undefined;
    const page = globalThis.window?.stadttraum?.strings;
    const perLang = own?.[lang];
    const raw =
      (typeof perLang === 'object' && perLang ? (perLang as Strings)[key] : undefined) ??
      (typeof own?.[key] === 'string' ? (own[key] as string) : undefined) ??
      page?.[lang]?.[key] ??
      (this.table[lang] as Strings)[key] ??
      (coreStrings[lang] as Strings)[key] ??
      key;
    return params ? raw.replace(/\{(\w+)\}/g, (m, name) => (name in params ? this.format(params[name]) : m)) : raw;
  }

  /** Picks `key_one` / `key_other` by the language's plural rules and fills in `{count}`. */
  plural(key: PluralOf<K>, count: number, params?: Record<string, string | number>): string {
    const form = pluralOne(count) ? 'one' : 'other';
    return this.t(`${key}_${form}` as K, { count, ...params });
  }

  format(value: string | number): string {
    return typeof value === 'number' ? formatNumber(this.lang, value) : value;
  }

  /**
   * Month as a word, the same in every widget ("12. März 2025", "March 12, 2025"). The long date
   * skips Intl (core/long-date.ts); other options, and what it leaves, use one cached formatter.
   */
  date(value: string | Date | undefined, options?: Intl.DateTimeFormatOptions): string {
    if (!value) return '';
    const d = typeof value === 'string' ? new Date(value) : value;
    return Number.isNaN(d.getTime()) ? String(value) : (!options && formatLongDate(this.lang, d)) || this.dates(options).format(d);
  }

  /** From `start` to `end` as `formatRange` writes long dates: "14. Juni 2025" for one day, "1.–31. März 2025". */
  dateRange(start: Date, end: Date): string {
    return formatLongRange(this.lang, start, end) ?? this.dates().formatRange(start, end);
  }

  private dates(options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }) {
    return intl(this.lang + JSON.stringify(options), () => new Intl.DateTimeFormat(this.lang, options));
  }
}

/**
 * German and English say "one" for 1 and -1 only (CLDR: an integer 1 without decimals), and
 * write whole numbers with Latin digits, "-" and a group mark every three digits ("10.000",
 * "10,000"; -0 reads "0" where Intl writes "-0"). These skip Intl: a page's first Intl formatter
 * loads locale data (10–33 ms on the bench machine, more than a small feed's whole render; a
 * 10,000-bench map's count). Fractions, huge numbers and dates go through Intl.
 * test/unit/i18n-numbers.test.mjs holds them to it.
 */
export const pluralOne = (n: number): boolean => Math.abs(n) === 1;
export const formatNumber = (lang: Lang, n: number): string =>
  Number.isSafeInteger(n)
    ? String(n).replace(/\B(?=(\d{3})+$)/g, lang === 'en' ? ',' : '.')
    : intl('n' + lang, () => new Intl.NumberFormat(lang)).format(n);

/**
 * Intl formatters are costly to make (a card wall formats dozens of numbers and dates per render,
 * which made a search keystroke miss its frame): one per kind, language and options, on first use.
 */
const formatters = new Map<string, unknown>();
function intl<T>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}
