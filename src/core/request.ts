import { FeedError, isAbort } from './feed-error.js';
import type { Lang } from './i18n.js';
import { decodeBody } from './decode-body.js';
import { BIG_BODY, bigBody, DEFAULT_MAX_MB, readBody } from './read-body.js';
import { feedKey, inflight as reads, readInit, takePrimed, type Primed } from './prime.js';

/**
 * Reads feeds. Widgets asking for the same URL at the same time share one request, which is
 * aborted only when the last of them lets go. Every read (first load and `refresh`) asks with
 * `cache: 'no-cache'`: the browser revalidates its cached copy with the server's ETag or
 * Last-Modified itself, so a cross-origin feed needs no preflight (no own `If-None-Match`, which
 * is not a CORS-safelisted header) and a webmaster's edit shows on the next page view.
 */
export interface FeedRequest {
  url: string;
  credentials: RequestCredentials;
  timeoutMs: number;
  /** POST body for platforms that query by POST (GraphQL). Such reads are never retried. */
  body?: string;
  /** Largest body read, counted while it streams in (see read-body.ts). */
  maxBytes?: number;
  /** The language of the technical messages (the first widget's, when several share the request). */
  lang?: Lang;
}

export interface FeedResponse {
  url: string;
  status: number;
  text: string;
  contentType: string;
  /** Data set by property (`element.data = {…}`): read as is instead of parsing `text`. */
  raw?: unknown;
}

export interface Lease {
  promise: Promise<FeedResponse>;
  release(): void;
}

interface Inflight {
  promise: Promise<FeedResponse>;
  abort: AbortController;
  users: number;
}

/** Where the checker and tests have always found it. */
export { decodeBody };

const inflight = reads as Map<string, Inflight>;

/** Backoff before the single retry of a read; tests shorten it. */
export const retryPolicy = { delayMs: 800 };

const keyOf = (r: FeedRequest) => feedKey(r.credentials, r.url, r.body);

export function requestFeed(request: FeedRequest): Lease {
  const key = keyOf(request);
  let entry = inflight.get(key);
  if (!entry) {
    const abort = new AbortController();
    // The loader may have started this very read while the widget's code loaded: adopt it.
    const created: Inflight = { abort, users: 0, promise: load(request, abort.signal, takePrimed(key)) };
    created.promise.then(
      () => inflight.get(key) === created && inflight.delete(key),
      () => inflight.get(key) === created && inflight.delete(key),
    );
    inflight.set(key, created);
    entry = created;
  }
  const shared = entry;
  shared.users++;
  let released = false;
  return {
    promise: shared.promise,
    release() {
      if (released) return;
      released = true;
      if (--shared.users === 0 && inflight.get(key) === shared) {
        inflight.delete(key);
        shared.abort.abort();
      }
    },
  };
}

/** For tests: the next request starts afresh instead of joining one still running (e.g. stalled). */
export function clearFeedCache(): void {
  inflight.clear();
}

async function load(request: FeedRequest, signal: AbortSignal, primed?: Primed): Promise<FeedResponse> {
  const retryable = !request.body;
  try {
    return await attempt(request, signal, primed);
  } catch (error) {
    if (!retryable || !(error instanceof FeedError) || !isTransient(error)) throw error;
    await sleep(retryPolicy.delayMs * (1 + Math.random() * 0.5), signal);
    return attempt(request, signal);
  }
}

function isTransient(error: FeedError): boolean {
  return error.kind === 'network' || (error.kind === 'http' && (error.status ?? 0) >= 500);
}

async function attempt(request: FeedRequest, outer: AbortSignal, primed?: Primed): Promise<FeedResponse> {
  const { url } = request;
  const timer = new AbortController();
  const onOuterAbort = () => timer.abort(outer.reason);
  outer.addEventListener('abort', onOuterAbort);
  // A primed read has its own controller: the timeout and the last widget leaving abort it too.
  timer.signal.addEventListener('abort', () => primed?.abort.abort(), { once: true });
  let timedOut = false;
  const timeout = setTimeout(() => {
    timedOut = true;
    timer.abort();
  }, request.timeoutMs);
  try {
    const res = await (primed?.response ?? fetch(url, readInit(request.credentials, timer.signal, request.body)));
    const contentType = res.headers.get('content-type') ?? '';
    const bytes = await readBody(res, request.maxBytes ?? DEFAULT_MAX_MB * 1e6, url);
    // From BIG_BODY on the text is decoded in steps by a lazy chunk (decode-slices.ts): no long task.
    const text = bytes.byteLength > BIG_BODY ? await (await bigBody()).decodeSliced(bytes, contentType) : decodeBody(bytes, contentType);
    if (!res.ok) throw new FeedError('http', `HTTP ${res.status} ${res.statusText}`.trim(), res.status, url);
    return { url, status: res.status, text, contentType };
  } catch (error) {
    if (error instanceof FeedError) throw error;
    const en = request.lang === 'en';
    const s = request.timeoutMs / 1000;
    if (timedOut) throw new FeedError('timeout', en ? `No answer after ${s} s` : `Keine Antwort nach ${s} s`, undefined, url);
    if (outer.aborted || isAbort(error)) throw error;
    const why = (error as Error).message;
    throw new FeedError(
      'network',
      en ? `Network error: ${why} (CORS, offline or wrong address?)` : `Netzwerkfehler: ${why} (CORS, offline oder Adresse falsch?)`,
      undefined,
      url,
    );
  } finally {
    clearTimeout(timeout);
    outer.removeEventListener('abort', onOuterAbort);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
