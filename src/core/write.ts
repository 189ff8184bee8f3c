/**
 * The write contract (idea support and submit), one for every backend:
 * - `POST` with a JSON body and an `Idempotency-Key` header, one per visitor action: a retry of
 *   the same action (same body) sends the same key, so the server stores it once.
 * - 2xx: success, with an optional JSON body the widget may use (e.g. `{ "supporters": 13 }`).
 * - 409: the action was already done (e.g. a second support); treated as done, not as a failure.
 * - 403 with `{ "code": "…", "message": "…" }` (top level, as WordPress's REST API words its errors,
 *   or inside `error`): a refused write (foreign origin, wrong content type, daily cap). The
 *   message is for the webmaster (console); the visitor gets the widget's own sentence.
 * - A 2xx or 409 body's `error.code` says which kind (`duplicate`, `code-used` …) in `WriteResult.code`, so
 *   a widget for which "already done by someone else" is not success (a used voting code) can tell.
 * - other 4xx/5xx: failure; a JSON body `{ "error": { "code": "…", "message": "…" } }` gives the
 *   message shown to the visitor, otherwise a generic one is shown.
 * The timeout covers the whole answer, body included. Writes are never retried automatically,
 * and the same key is never sent twice at once.
 */
import type { Lang } from './i18n.js';

export interface WriteRequest {
  url: string;
  body: unknown;
  idempotencyKey: string;
  credentials: RequestCredentials;
  timeoutMs: number;
  /** The widget's language, for the error's message (a console line for the webmaster); German when absent. */
  lang?: Lang;
}

export type WriteFailure = 'network' | 'timeout' | 'rejected' | 'refused' | 'server' | 'invalid-response';

export class WriteError extends Error {
  override name = 'WriteError';
  constructor(
    readonly reason: WriteFailure,
    message: string,
    readonly status?: number,
    /** Message from the server, meant for the visitor (already plain text). */
    readonly serverMessage?: string,
    readonly code?: string,
  ) {
    super(message);
  }
  /** Per-field messages from a 422 body `{ "error": { "fields": { "title": "…" } } }` (plain text). */
  fields?: Record<string, string>;
}

export interface WriteResult {
  status: number;
  duplicate: boolean;
  data: Record<string, unknown>;
  /** The body's `error.code` (a 409's kind: `duplicate`, `code-used` …), when the server sends one. */
  code?: string;
}

const pending = new Map<string, Promise<WriteResult>>();

/** 128 random bits, hex. getRandomValues works on http pages too, where randomUUID is missing. */
export function randomToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const newIdempotencyKey = randomToken;

export function sendWrite(request: WriteRequest): Promise<WriteResult> {
  const running = pending.get(request.idempotencyKey);
  if (running) return running;
  const promise = post(request).finally(() => pending.delete(request.idempotencyKey));
  pending.set(request.idempotencyKey, promise);
  return promise;
}

async function post({ url, body, idempotencyKey, credentials, timeoutMs, lang }: WriteRequest): Promise<WriteResult> {
  const en = lang === 'en';
  const abort = new AbortController();
  // Until the body has arrived: a server that sends headers and then stalls must not lock the form.
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(body),
      credentials,
      signal: abort.signal,
      // Whatever the host page set: another site gets the origin, never the page's path, and
      // (per the Fetch standard) a `no-referrer` page would otherwise send `Origin: null`.
      referrerPolicy: 'strict-origin-when-cross-origin',
    });
    text = await res.text();
  } catch (error) {
    if (abort.signal.aborted)
      throw new WriteError(
        'timeout',
        en ? `No complete answer after ${timeoutMs / 1000} s: ${url}` : `Keine vollständige Antwort nach ${timeoutMs / 1000} s: ${url}`,
      );
    throw new WriteError(
      'network',
      en ? `Network error at ${url}: ${(error as Error).message}` : `Netzwerkfehler bei ${url}: ${(error as Error).message}`,
    );
  } finally {
    clearTimeout(timer);
  }
  const data = parseObject(text);
  const err = (data?.error && typeof data.error === 'object' ? data.error : (data ?? {})) as { code?: unknown; message?: unknown };
  const serverMessage = typeof err.message === 'string' ? err.message.slice(0, 300) : undefined;
  const code = typeof err.code === 'string' ? err.code.slice(0, 80) : undefined;
  if (res.ok || res.status === 409) return { status: res.status, duplicate: res.status === 409, data: data ?? {}, ...(code && { code }) };
  const refused = res.status === 403 && !!code;
  const failure = new WriteError(
    res.status >= 500 ? 'server' : refused ? 'refused' : data ? 'rejected' : 'invalid-response',
    en
      ? `HTTP ${res.status} from ${url}${data ? '' : ' (not a JSON answer)'}${refused ? ` – refused (${code}): ${serverMessage ?? ''}` : ''}`
      : `HTTP ${res.status} von ${url}${data ? '' : ' (keine JSON-Antwort)'}${refused ? ` – abgelehnt (${code}): ${serverMessage ?? ''}` : ''}`,
    res.status,
    serverMessage,
    code,
  );
  const fields = (err as { fields?: unknown }).fields;
  if (fields && typeof fields === 'object') {
    failure.fields = Object.fromEntries(Object.entries(fields).flatMap(([k, m]) => (typeof m === 'string' ? [[k, m.slice(0, 300)]] : [])));
  }
  throw failure;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
