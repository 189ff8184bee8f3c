/**
 * The write contract (idea support and submit), one for every backend:
 * - `POST` with a JSON body and an `Idempotency-Key` header, unique per user action.
 * - 2xx: success, with an optional JSON body the widget may use (e.g. `{ "supporters": 13 }`).
 * - 409: the action was already done (e.g. a second support); treated as done, not as a failure.
 *   The body's `error.code` says which kind (`duplicate`, `code-used` …) in `WriteResult.code`, so
 *   a widget for which "already done by someone else" is not success (a used voting code) can tell.
 * - other 4xx/5xx: failure; a JSON body `{ "error": { "code": "…", "message": "…" } }` gives the
 *   message shown to the visitor, otherwise a generic one is shown.
 * Writes are never retried automatically, and the same key is never sent twice at once.
 */
export interface WriteRequest {
  url: string;
  body: unknown;
  idempotencyKey: string;
  credentials: RequestCredentials;
  timeoutMs: number;
}

export type WriteFailure = 'network' | 'timeout' | 'rejected' | 'server' | 'invalid-response';

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

export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function sendWrite(request: WriteRequest): Promise<WriteResult> {
  const running = pending.get(request.idempotencyKey);
  if (running) return running;
  const promise = post(request).finally(() => pending.delete(request.idempotencyKey));
  pending.set(request.idempotencyKey, promise);
  return promise;
}

async function post({ url, body, idempotencyKey, credentials, timeoutMs }: WriteRequest): Promise<WriteResult> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(body),
      credentials,
      signal: abort.signal,
    });
  } catch (error) {
    if (abort.signal.aborted) throw new WriteError('timeout', `Keine Antwort nach ${timeoutMs / 1000} s: ${url}`);
    throw new WriteError('network', `Netzwerkfehler bei ${url}: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  let data: Record<string, unknown> | undefined;
  try {
    const value = JSON.parse(await res.text());
    if (value && typeof value === 'object' && !Array.isArray(value)) data = value;
  } catch {
    // not JSON: handled below as an invalid response
  }
  const err = (data?.error ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (res.ok || res.status === 409) return { status: res.status, duplicate: res.status === 409, data: data ?? {}, code };
  const serverMessage = typeof err.message === 'string' ? err.message.slice(0, 300) : undefined;
  const failure = new WriteError(
    res.status >= 500 ? 'server' : data ? 'rejected' : 'invalid-response',
    `HTTP ${res.status} von ${url}`,
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
