import { FeedError } from './feed-error.js';

/** 50 MB: three times the 100,000-bench benchmark feed (17 MB); `max-size` raises it. */
export const DEFAULT_MAX_MB = 50;

/**
 * The big-body helpers (a lazy chunk, big-body.ts), asked for as soon as the bytes read pass
 * 1 MB, where the stepwise decode and the sliced JSON parse start: so the chunk travels while the
 * rest of the body streams in, not a round trip after it (issue 18). Counted as read, the same
 * with gzip (a `Content-Length` would be the compressed size) and without any length (chunked).
 * Below 1 MB one JSON.parse is cheaper than the chunk's round trip: a 780 KB feed (1,000 ideas)
 * parses in 1-4 ms in one task (Node, busy machine), and the chunk plus its slices were ~50 ms
 * of the 1,000-idea wall's path on the bench (bench/profile-first.mjs --ideas=1000, load 24).
 */
export const bigBody = () => import('./big-body.js');

/**
 * Reads a response body, counting the bytes as they stream in: a server may send no length or
 * a wrong one, and a feed that never ends must not fill the visitor's memory. Stops (and
 * cancels the download) as soon as `maxBytes` is passed; a declared length is not trusted.
 */
export async function readBody(res: Response, maxBytes: number, url: string): Promise<ArrayBuffer> {
  if (!res.body) return res.arrayBuffer();
  const reader = res.body.getReader();
  const chunks: BlobPart[] = [];
  let total = 0;
  for (;;) {
    // Not awaited: the read goes on; a chunk that fails to load fails the decode that awaits it.
    if (total > 1e6) bigBody().catch(() => {});
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {});
      throw new FeedError('too-large', `> ${maxBytes / 1e6} MB (max-size)`, res.status, url);
    }
    chunks.push(value);
  }
  return new Blob(chunks).arrayBuffer();
}
