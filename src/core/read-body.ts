import { FeedError } from './feed-error.js';

/** 50 MB: three times the 100,000-bench benchmark feed (17 MB); `max-size` raises it. */
export const DEFAULT_MAX_MB = 50;

/**
 * The big-body helpers (a lazy chunk, big-body.ts), asked for as soon as the bytes read pass
 * 256 KB, where the sliced JSON parse starts: so the chunk travels while the rest of the body
 * streams in, not a round trip after it (issue 18). Counted as read, the same with gzip (a
 * `Content-Length` would be the compressed size) and without any length (chunked). A CSV or
 * Pabulib body between 256 KB and 1 MB loads the 1.4 KB chunk without using it.
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
    if (total > 262144) bigBody().catch(() => {});
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
