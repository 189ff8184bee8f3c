import type { LocalizeController, StringTable } from '../core/i18n.js';
import { pageUrl } from '../core/safe-url.js';
import { WriteError, randomToken, sendWrite, type WriteRequest, type WriteResult } from '../core/write.js';
import { readJson, writeJson } from './idea-wall.storage.js';

/**
 * Sentences for writes the server refused (403 with a code). The server's own message is for the
 * webmaster and goes to the console; the visitor reads these, in the page's language. Keys can be
 * overridden through `strings` like every other text.
 */
const refusedStrings: StringTable = {
  de: {
    refusedOrigin: 'Diese Seite ist beim Server nicht zum Mitmachen freigeschaltet. Bitte geben Sie der Website-Betreuung Bescheid.',
    refusedType: 'Der Server hat die Anfrage in dieser Form nicht angenommen. Bitte geben Sie der Website-Betreuung Bescheid.',
    refusedCap: 'Aus Ihrem Netz (etwa einer Schule oder Firma) sind heute schon so viele Unterstützungen für diese Idee eingegangen, dass weitere erst morgen wieder gezählt werden.',
    refused: 'Der Server hat den Beitrag abgelehnt. Bitte geben Sie der Website-Betreuung Bescheid.',
  },
  en: {
    refusedOrigin: 'This page is not enabled for taking part on the server. Please let the site maintainer know.',
    refusedType: 'The server did not accept the request in this form. Please let the site maintainer know.',
    refusedCap: 'So many supports for this idea came from your network today (a school or company, say) that more are counted again tomorrow.',
    refused: 'The server refused the request. Please let the site maintainer know.',
  },
};

/** Which sentence a refusal code gets; codes are matched loosely (`forbidden_origin`, `origin-not-allowed` …). */
function refusedKey(code = ''): string {
  const c = code.toLowerCase().replace(/_/g, '-');
  if (c.includes('origin')) return 'refusedOrigin';
  if (/content-type|media-type|json/.test(c)) return 'refusedType';
  if (/cap\b|daily|limit/.test(c)) return 'refusedCap';
  return 'refused';
}

/** The visitor's message for a failed write: the server's own words when it sent some for them. */
export function writeMessage(error: unknown, l10n: LocalizeController): string {
  if (!(error instanceof WriteError)) return l10n.t('writeServer');
  if (error.reason === 'refused') {
    const key = refusedKey(error.code);
    const text = l10n.t(key);
    return text === key ? refusedStrings[l10n.lang][key] : text;
  }
  if (error.serverMessage) return error.serverMessage;
  const key = { network: 'writeNetwork', timeout: 'writeTimeout', server: 'writeServer', rejected: 'writeServer', 'invalid-response': 'writeInvalid' }[error.reason];
  return l10n.t(key);
}

/** Endpoints resolve against the page (they are the webmaster's, not the feed's). */
export const endpointUrl = (value: string) => new URL(value, pageUrl()).href;

const attemptKey = (scope: string) => `stadttraum.idea-wall.attempt:${scope}`;

/**
 * Sends one visitor action. A retry of the same action (same scope, same body) reuses the
 * Idempotency-Key of the failed try, so a write the server stored but could not confirm (a
 * timeout, a stalled answer) is not stored twice; a changed body or an accepted write starts a new
 * key. Kept in sessionStorage, so a retry after a reload counts too.
 */
export async function sendAction(scope: string, request: Omit<WriteRequest, 'idempotencyKey'>): Promise<WriteResult> {
  const body = JSON.stringify(request.body);
  const last = readJson<{ body: string; key: string }>('sessionStorage', attemptKey(scope));
  const key = last?.body === body ? last.key : randomToken();
  writeJson('sessionStorage', attemptKey(scope), { body, key });
  const result = await sendWrite({ ...request, idempotencyKey: key });
  writeJson('sessionStorage', attemptKey(scope), undefined);
  return result;
}

const VISITOR = 'stadttraum.idea-wall.visitor';
/** How long the visitor token lives after the last support click. */
const VISITOR_DAYS = 365;
let visitorInMemory: string | undefined;

/**
 * A random token for this browser, so the server counts one support per person even when headers
 * change. Created on the first support click (never on page view) and kept in localStorage for
 * VISITOR_DAYS after the last click; with storage blocked, for the life of the page.
 */
export function visitorToken(now = Date.now()): string {
  const stored = readJson<{ id?: unknown; until?: unknown }>('localStorage', VISITOR);
  const id =
    typeof stored?.id === 'string' && /^[0-9a-f]{32}$/.test(stored.id) && typeof stored.until === 'number' && stored.until > now
      ? stored.id
      : (visitorInMemory ?? randomToken());
  visitorInMemory = id;
  writeJson('localStorage', VISITOR, { id, until: now + VISITOR_DAYS * 86_400_000 });
  return id;
}
