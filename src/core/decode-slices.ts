import { decodeBody } from './decode-body.js';
import { yieldToPage } from './slices.js';

/**
 * The text of a big body (a 100,000-ballot .pb file, a big JSON feed) in steps of `step` bytes
 * with a turn for the page in between: one `TextDecoder` call for 2.6 MB was a 29–101 ms task at
 * 4× CPU. The streaming decoder keeps a character split between two steps whole. A declared
 * charset other than UTF-8, or bytes that are not UTF-8 (Excel's Windows-1252), go to
 * decodeBody as before. Not in the core chunk: core imports it only for bodies over BIG_BODY (read-body.ts).
 */
export async function decodeSliced(bytes: ArrayBuffer, contentType: string, step = 1 << 19): Promise<string> {
  if (/charset=["']?(?!utf-?8\b)[\w-]/i.test(contentType)) return decodeBody(bytes, contentType);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  try {
    for (let at = 0; at < bytes.byteLength; at += step) {
      parts.push(decoder.decode(new Uint8Array(bytes, at, Math.min(step, bytes.byteLength - at)), { stream: true }));
      await yieldToPage();
    }
    parts.push(decoder.decode());
  } catch {
    return decodeBody(bytes, contentType);
  }
  return parts.join('');
}
