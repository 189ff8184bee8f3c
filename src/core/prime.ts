/**
 * The one place that says how a feed is read, shared by the loader and core's request module:
 * the loader starts a widget's feed request while the widget's code is still on its way
 * (`prime`), and the widget's first read adopts it (`takePrimed`) instead of asking again.
 * Both use `readInit`, so the browser sees exactly the request it would have seen anyway.
 * Lives in the loader's chunk (tiny, no imports), so the loader never pulls in core.
 */
export const feedKey = (credentials: RequestCredentials, url: string, body = '') => `${credentials} ${url} ${body}`;

/**
 * Every read asks with `cache: 'no-cache'` (the browser revalidates with ETag/Last-Modified) and
 * only CORS-safelisted headers on a GET, so a cross-origin feed needs no preflight.
 */
export const readInit = (credentials: RequestCredentials, signal: AbortSignal, body?: string): RequestInit => ({
  method: body ? 'POST' : 'GET',
  body,
  headers: { Accept: 'application/json,text/csv,*/*;q=0.1', ...(body ? { 'Content-Type': 'application/json' } : {}) },
  credentials,
  signal,
  cache: 'no-cache',
  // Feeds are public data; never send the host page's address along.
  referrerPolicy: 'strict-origin-when-cross-origin',
});

export interface Primed {
  response: Promise<Response>;
  abort: AbortController;
}

const primed = new Map<string, Primed>();

/**
 * Reads in flight in core (request.ts keeps them here): a widget whose own observer fired first
 * is already reading, and the loader must not start the same read a second time.
 */
export const inflight = new Map<string, unknown>();

/** Starts a GET read of `url` now; the widget that asks for it within a minute adopts it. */
export function prime(url: string, credentials: RequestCredentials): void {
  const key = feedKey(credentials, url);
  if (primed.has(key) || inflight.has(key)) return;
  const abort = new AbortController();
  const entry = { response: fetch(url, readInit(credentials, abort.signal)), abort };
  entry.response.catch(() => {}); // the widget reports failures when it adopts the request
  primed.set(key, entry);
  // Nobody came (the widget was removed, or got `data` instead): let go of the answer.
  setTimeout(() => {
    if (primed.get(key) !== entry) return;
    primed.delete(key);
    abort.abort();
  }, 60_000);
}

/** The primed request for this key, once: later reads (refresh, retry) ask the server again. */
export function takePrimed(key: string): Primed | undefined {
  const entry = primed.get(key);
  primed.delete(key);
  return entry;
}
