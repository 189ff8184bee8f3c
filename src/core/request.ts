import { FeedError, isAbort } from './feed-error.js';
import { DEFAULT_MAX_MB, readBody } from './read-body.js';

/**
 * Reads feeds. Widgets asking for the same URL at the same time share one request, which is
 * aborted only when the last of them lets go. The last body and ETag per URL are kept so that
 * `refresh` polling can ask `If-None-Match` and skip work on 304.
 */
export interface FeedRequest {
  url: string;
  credentials: RequestCredentials;
  timeoutMs: number;
  /** POST body for platforms that query by POST (GraphQL). Such reads are never retried. */
  body?: string;
  /** Ask the server whether the cached copy is still current. */
  revalidate?: boolean;
  /** Largest body read, counted while it streams in (see read-body.ts). */
  maxBytes?: number;
}

export interface FeedResponse {
  url: string;
  status: number;
  text: string;
  contentType: string;
  /** True when the server answered 304 or sent the same bytes as last time. */
  unchanged: boolean;
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

const inflight = new Map<string, Inflight>();
const lastSeen = new Map<string, { etag?: string; text: string; contentType: string; status: number }>();

/** Backoff before the single retry of a read; tests shorten it. */
export const retryPolicy = { delayMs: 800 };

const keyOf = (r: FeedRequest) => `${r.credentials} ${r.url} ${r.body ?? ''} ${r.revalidate ? 'r' : ''}`;

export function requestFeed(request: FeedRequest): Lease {
  const key = keyOf(request);
  let entry = inflight.get(key);
  if (!entry) {
    const abort = new AbortController();
    const created: Inflight = { abort, users: 0, promise: load(request, abort.signal) };
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

/** For tests: forget cached bodies so each test starts clean. */
export function clearFeedCache(): void {
  lastSeen.clear();
}

async function load(request: FeedRequest, signal: AbortSignal): Promise<FeedResponse> {
  const retryable = !request.body;
  try {
    return await attempt(request, signal);
  } catch (error) {
    if (!retryable || !(error instanceof FeedError) || !isTransient(error)) throw error;
    await sleep(retryPolicy.delayMs * (1 + Math.random() * 0.5), signal);
    return attempt(request, signal);
  }
}

function isTransient(error: FeedError): boolean {
  return error.kind === 'network' || (error.kind === 'http' && (error.status ?? 0) >= 500);
}

async function attempt(request: FeedRequest, outer: AbortSignal): Promise<FeedResponse> {
  const { url } = request;
  const timer = new AbortController();
  const onOuterAbort = () => timer.abort(outer.reason);
  outer.addEventListener('abort', onOuterAbort);
  let timedOut = false;
  const timeout = setTimeout(() => {
    timedOut = true;
    timer.abort();
  }, request.timeoutMs);
  const previous = lastSeen.get(url);
  const headers: Record<string, string> = { Accept: 'application/json, text/csv;q=0.9, */*;q=0.1' };
  if (request.body) headers['Content-Type'] = 'application/json';
  if (request.revalidate && previous?.etag) headers['If-None-Match'] = previous.etag;
  try {
    const res = await fetch(url, {
      method: request.body ? 'POST' : 'GET',
      body: request.body,
      headers,
      credentials: request.credentials,
      signal: timer.signal,
      // Feeds are public data; never send the host page's address along.
      referrerPolicy: 'strict-origin-when-cross-origin',
    });
    if (res.status === 304 && previous) return { ...previous, url, unchanged: true };
    const text = decodeBody(await readBody(res, request.maxBytes ?? DEFAULT_MAX_MB * 1e6, url), res.headers.get('content-type') ?? '');
    if (!res.ok) throw new FeedError('http', `HTTP ${res.status} ${res.statusText}`.trim(), res.status, url);
    const contentType = res.headers.get('content-type') ?? '';
    const unchanged = !!previous && previous.text === text;
    lastSeen.set(url, { etag: res.headers.get('etag') ?? undefined, text, contentType, status: res.status });
    return { url, status: res.status, text, contentType, unchanged };
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if (timedOut) throw new FeedError('timeout', `Keine Antwort nach ${request.timeoutMs / 1000} s`, undefined, url);
    if (outer.aborted || isAbort(error)) throw error;
    throw new FeedError('network', `Netzwerkfehler: ${(error as Error).message} (CORS, offline oder Adresse falsch?)`, undefined, url);
  } finally {
    clearTimeout(timeout);
    outer.removeEventListener('abort', onOuterAbort);
  }
}

/**
 * Text from bytes: the declared charset, else UTF-8, else Windows-1252 (what Excel writes in
 * Germany when a spreadsheet is saved as CSV) instead of replacement characters.
 */
export function decodeBody(bytes: ArrayBuffer, contentType: string): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // unknown label: fall through to detection
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
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
