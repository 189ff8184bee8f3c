import type { LocalizeController, StringTable } from '../core/i18n.js';
import { pageUrl } from '../core/safe-url.js';
import { WriteError, randomToken, sendWrite, type WriteRequest, type WriteResult } from '../core/write.js';
import { StIdeaSupportEvent } from './idea-wall.events.js';
import type { IdeaWallHost } from './idea-wall.host.js';
import type { Idea } from './idea-wall.model.js';
import { readJson, supportKey, writeJson } from './idea-wall.storage.js';

/**
 * What a write did, or why it failed, for the visitor. They live with the write path, not in the
 * wall's chunk (at its size budget): a wall that is only read never needs them. Overridable through `strings`.
 */
const writeStrings: StringTable = {
  de: {
    supportThanks: 'Danke für Ihre Unterstützung.',
    supportRemoved: 'Unterstützung zurückgenommen.',
    supportDuplicate: 'Sie hatten diese Idee bereits unterstützt.',
    supportFailed: 'Ihre Unterstützung konnte nicht gespeichert werden.',
    writeNetwork: 'Keine Verbindung zum Server. Bitte später erneut versuchen.',
    writeTimeout: 'Der Server hat zu lange nicht geantwortet. Bitte später erneut versuchen.',
    writeServer: 'Der Server hat einen Fehler gemeldet. Bitte später erneut versuchen.',
    writeInvalid: 'Der Server hat unerwartet geantwortet. Bitte später erneut versuchen.',
  },
  en: {
    supportThanks: 'Thank you for your support.',
    supportRemoved: 'Support withdrawn.',
    supportDuplicate: 'You had already supported this idea.',
    supportFailed: 'Your support could not be saved.',
    writeNetwork: 'No connection to the server. Please try again later.',
    writeTimeout: 'The server took too long to answer. Please try again later.',
    writeServer: 'The server reported an error. Please try again later.',
    writeInvalid: 'The server gave an unexpected answer. Please try again later.',
  },
};

/** A text of the write path: the page's override through `strings`, else ours. */
export const text = (l10n: LocalizeController, key: string) => {
  const own = l10n.t(key);
  return own === key ? writeStrings[l10n.lang][key] : own;
};

/**
 * The visitor's message for a failed write: the server's own words when it sent some for them.
 * A refusal's sentences are a lazy chunk: rare, and the wall's chunk is near its size budget.
 */
export async function writeMessage(error: unknown, l10n: LocalizeController): Promise<string> {
  if (!(error instanceof WriteError)) return text(l10n, 'writeServer');
  if (error.reason === 'refused') {
    try {
      return (await import('./idea-wall.refused.js')).refusedMessage(error.code, l10n);
    } catch {
      return text(l10n, 'writeServer');
    }
  }
  if (error.serverMessage) return error.serverMessage;
  const key = {
    network: 'writeNetwork',
    timeout: 'writeTimeout',
    server: 'writeServer',
    rejected: 'writeServer',
    'invalid-response': 'writeInvalid',
  }[error.reason];
  return text(l10n, key);
}

/** Endpoints resolve against the page (they are the webmaster's, not the feed's). */
export const endpointUrl = (value: string) => new URL(value, pageUrl()).href;

const attemptKey = (scope: string) => `stadttraum.idea-wall.attempt:${scope}`;
/** The same, for pages where sessionStorage is blocked (sandboxed iframes, privacy modes). */
const attemptsInMemory = new Map<string, { body: string; key: string } | undefined>();

/**
 * Sends one visitor action. A retry of the same action (same scope, same body) reuses the
 * Idempotency-Key of the failed try, so a write the server stored but could not confirm (a
 * timeout, a stalled answer) is not stored twice; a changed body or an accepted write starts a new
 * key. Kept in sessionStorage, so a retry after a reload counts too.
 */
export async function sendAction(scope: string, request: Omit<WriteRequest, 'idempotencyKey'>): Promise<WriteResult> {
  const body = JSON.stringify(request.body);
  const last = readJson<{ body: string; key: string }>('sessionStorage', attemptKey(scope)) ?? attemptsInMemory.get(scope);
  const key = last?.body === body ? last.key : randomToken();
  const remember = (attempt?: { body: string; key: string }) => {
    attemptsInMemory.set(scope, attempt);
    writeJson('sessionStorage', attemptKey(scope), attempt);
  };
  remember({ body, key });
  const result = await sendWrite({ ...request, idempotencyKey: key });
  remember(undefined);
  return result;
}

const VISITOR = 'stadttraum.idea-wall.visitor';
/** How long the visitor token lives after the last support click or submit. */
const VISITOR_DAYS = 365;
let visitorInMemory: string | undefined;

/**
 * A random token for this browser, so the server counts one support per person even when headers
 * change, and recognises a repeated submit. Created on the first support click or submit (never on
 * page view) and kept in localStorage for VISITOR_DAYS after the last one; with storage blocked,
 * for the life of the page.
 */
export function visitorToken(now = Date.now()): string {
  const stored = readJson<{ id?: unknown; until?: unknown }>('localStorage', VISITOR);
  const valid =
    typeof stored?.id === 'string' && /^[0-9a-f]{32}$/.test(stored.id) && typeof stored.until === 'number' && stored.until > now;
  const id = valid ? (stored!.id as string) : randomToken();
  writeJson('localStorage', VISITOR, { id, until: now + VISITOR_DAYS * 86_400_000 });
  if (readJson<{ id?: unknown }>('localStorage', VISITOR)?.id === id) return id;
  return (visitorInMemory ??= id); // storage blocked: one token for the page's life
}

/** What `sendSupport` needs of the support controller (declared here, so neither imports the other). */
interface Supports {
  readonly host: IdeaWallHost;
  readonly l10n: LocalizeController;
  readonly supported: Set<string>;
  say(message: string): void;
  mark(id: string, on: boolean): void;
  fail(idea: Idea, want: boolean, before: number, message: string, error: unknown): void;
  settle(id: string): void;
}

/**
 * Sends a support the controller has already counted and marked (optimistically), and applies the
 * server's answer: its count, remembered supports, the thanks; on failure the controller takes it back.
 * Here in the write chunk, not in the wall's: only a click needs it.
 */
export async function sendSupport(c: Supports, idea: Idea, want: boolean, before: number, endpoint: string): Promise<void> {
  try {
    // A retry of the same support reuses its key; the browser token lets the server count one
    // support per browser whatever its User-Agent says.
    const result = await sendAction(`support ${endpoint} ${idea.id}`, {
      url: endpointUrl(endpoint),
      body: { idea: idea.id, support: want, visitor: visitorToken() },
      credentials: c.host.credentials,
      lang: c.l10n.lang,
      timeoutMs: Math.max(1, c.host.timeout) * 1000,
    });
    const count = result.data.supporters;
    if (typeof count === 'number' && count >= 0) idea.supporters = count;
    const now = typeof result.data.supported === 'boolean' ? result.data.supported : want;
    c.mark(idea.id, now);
    writeJson('localStorage', supportKey(endpoint), [...c.supported]);
    c.say(text(c.l10n, result.duplicate ? 'supportDuplicate' : now ? 'supportThanks' : 'supportRemoved'));
    c.host.dispatchEvent(new StIdeaSupportEvent({ id: idea.id, supported: now, supporters: idea.supporters, duplicate: result.duplicate }));
    // Settled in the event's task, as before the move: a listener that awaits the update sees it.
    c.settle(idea.id);
  } catch (error) {
    c.fail(idea, want, before, `${text(c.l10n, 'supportFailed')} ${await writeMessage(error, c.l10n)}`.trim(), error);
  }
}
