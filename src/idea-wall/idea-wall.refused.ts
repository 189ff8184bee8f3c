import type { LocalizeController, StringTable } from '../core/i18n.js';

/**
 * Sentences for writes the server refused (403 with a code). The server's own message is for the
 * webmaster and goes to the console; the visitor reads these, in the page's language. Keys can be
 * overridden through `strings` like every other text.
 */
const refusedStrings: StringTable = {
  de: {
    refusedOrigin: 'Diese Seite ist beim Server nicht zum Mitmachen freigeschaltet. Bitte geben Sie der Website-Betreuung Bescheid.',
    refusedType: 'Der Server hat die Anfrage in dieser Form nicht angenommen. Bitte geben Sie der Website-Betreuung Bescheid.',
    refusedCap:
      'Aus Ihrem Netz (etwa einer Schule oder Firma) sind heute schon so viele Unterstützungen für diese Idee eingegangen, dass weitere erst morgen wieder gezählt werden.',
    refused: 'Der Server hat den Beitrag abgelehnt. Bitte geben Sie der Website-Betreuung Bescheid.',
  },
  en: {
    refusedOrigin: 'This page is not enabled for taking part on the server. Please let the site maintainer know.',
    refusedType: 'The server did not accept the request in this form. Please let the site maintainer know.',
    refusedCap:
      'So many supports for this idea came from your network today (a school or company, say) that more are counted again tomorrow.',
    refused: 'The server refused the request. Please let the site maintainer know.',
  },
};

/** Which sentence a refusal code gets; codes are matched loosely (`forbidden_origin`, `origin-not-allowed` …). */
function refusedKey(code = ''): string {
  const c = code.toLowerCase().replace(/_/g, '-');
  if (c.includes('origin') || c === 'cross-site') return 'refusedOrigin';
  if (/content-type|media-type|json/.test(c)) return 'refusedType';
  if (/cap\b|daily/.test(c)) return 'refusedCap';
  return 'refused';
}

/** The sentence for a refusal code, overridable through `strings` like every other text. */
export function refusedMessage(code: string | undefined, l10n: LocalizeController): string {
  const key = refusedKey(code);
  const text = l10n.t(key);
  return text === key ? refusedStrings[l10n.lang][key] : text;
}
