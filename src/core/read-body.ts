import { FeedError } from './feed-error.js';

/** 50 MB: three times the 100,000-bench benchmark feed (17 MB); `max-size` raises it. */
export const DEFAULT_MAX_MB = 50;

/**
 * From this size on (bytes read, then characters of text) a body is decoded and parsed in slices
 * by the big-body helpers, with a turn for the page between slices. Below it one native
 * `TextDecoder` and one `JSON.parse` are cheaper, and their task is shorter than the widget's own
 * first render of that much data: the 1.6 MB 10,000-bench feed decodes in 2 ms and parses in
 * 10-12 ms at once (Chromium, 1x; 35-50 ms at 4x), against 4-16 ms and 27-55 ms in slices plus the
 * chunk's round trip after the feed, while the map's first render of it is one 47 ms task (issue
 * 18, bench/RESULTS.md, s7-map). A 4 MB body parses at once in about 25 ms.
 */
export const BIG_BODY = 4e6;

/**
 * The big-body helpers (a lazy chunk, big-body.ts), asked for once half of `BIG_BODY` has been
 * read: the chunk travels while the rest of a big body streams in, not a round trip after it
 * (issue 18). Counted as read, the same with gzip (a `Content-Length` would be the compressed
 * size) and without any length (chunked).
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
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // Not awaited: the read goes on; a chunk that fails to load fails the decode that awaits it.
    if (total > BIG_BODY / 2) bigBody().catch(() => {});
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {});
      throw new FeedError('too-large', `> ${maxBytes / 1e6} MB (max-size)`, res.status, url);
    }
    chunks.push(value);
  }
  // Joined here, not through a Blob: Blob.arrayBuffer() answers a task or more later, which could
  // push a feed that is already in past the widget's first frame (issue 18).
  const bytes = new Uint8Array(total);
  total = 0;
  for (const c of chunks) bytes.set(c, (total += c.byteLength) - c.byteLength);
  return bytes.buffer;
}
