import type { FeedContext, WarningCode } from './feed-types.js';
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
  const report = (code: WarningCode, message: string) =>
    typeof base === 'string' ? warn(message) : base.warn(message, { code, path: where, item, severity: code === 'url.not-text' ? 'note' : 'error' });
  if (typeof value !== 'string') {
    report('url.not-text', `${where}: keine Zeichenkette, ignoriert.`);
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value.trim(), typeof base === 'string' ? base : base.baseUrl);
  } catch {
    report('url.invalid', `${where}: ungültige URL „${value}“, ignoriert.`);
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    report('url.unsafe', `${where}: unsichere URL „${value.slice(0, 80)}“ (${url.protocol}) ignoriert.`);
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
