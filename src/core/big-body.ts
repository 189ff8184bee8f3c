/**
 * What core needs for a big body, in one lazy chunk with the slice helpers it builds on
 * (rollup.config.mjs): the stepwise decoder (bodies over 1 MB) and the sliced JSON parse (text
 * over 256 KB). One chunk, not three imported one after another (issue 18: on a phone network
 * each link of that chain was a round trip after the feed had arrived).
 */
export { decodeSliced } from './decode-slices.js';
export { parseJsonSliced } from './json-slices.js';
export { runChunked, yieldToPage } from './slices.js';
