import type { FeedContext, WarningCode } from './feed-types.js';
import { normalizeLang } from './i18n.js';
import { warn } from './log.js';

/**
 * Feed values become links or images only when they are http(s) or relative;
 * relative ones resolve against the feed's own URL, never a `<base>` on the host page.
 * Returns the absolute URL, or undefined with a warning naming `where`: for feed values pass the
 * feed context (the warning goes to the feed's warnings, `item` names the item concerned); for a
 * webmaster's attribute pass the page's URL (the warning goes to the console).
 */
export function safeUrl(value: unknown, base: string | FeedContext, where = 'URL', item?: string): string | undefined {
  if (value == null || value === '') return undefined;
  const report = (code: WarningCode, de: string, en: string) =>
    typeof base === 'string'
      ? warn(lang === 'en' ? en : de)
      : base.warn(lang === 'en' ? en : de, { code, path: where, item, severity: code === 'url.not-text' ? 'note' : 'error' });
  // A feed's warning in the feed's language; a webmaster's attribute in the page's.
  const lang = typeof base === 'string' ? normalizeLang(globalThis.document?.documentElement.lang) : base.lang;
  if (typeof value !== 'string') {
    report('url.not-text', `${where}: keine Zeichenkette, ignoriert.`, `${where}: not a string, ignored.`);
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value.trim(), typeof base === 'string' ? base : base.baseUrl);
  } catch {
    report('url.invalid', `${where}: ungültige URL „${value}“, ignoriert.`, `${where}: invalid URL “${value}”, ignored.`);
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    const shown = value.slice(0, 80);
    report(
      'url.unsafe',
      `${where}: unsichere URL „${shown}“ (${url.protocol}) ignoriert.`,
      `${where}: unsafe URL “${shown}” (${url.protocol}) ignored.`,
    );
    return undefined;
  }
  return url.href;
}

/** `tel:` links only from digits, spaces, `+`, `/`, `-` (and brackets, which people type). */
export function safeTel(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (!/^\+?[\d\s/()-]{3,30}$/.test(v)) return undefined;
  return `tel:${v.replace(/[^\d+]/g, '')}`;
}

/** `mailto:` only for something that looks like exactly one address. */
export function safeMail(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return /^[^\s@<>"'?&,;:]+@[^\s@<>"'?&,;:]+\.[a-z]{2,}$/i.test(v) ? `mailto:${v}` : undefined;
}

/** The page's own address; used instead of document.baseURI so a foreign `<base>` cannot redirect feeds. */
export function pageUrl(): string {
  return globalThis.location?.href ?? 'http://localhost/';
}
