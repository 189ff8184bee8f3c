/**
 * What core needs for a big body, in one lazy chunk with the slice helpers it builds on
 * (rollup.config.mjs): the stepwise decoder and the sliced JSON parse, for bodies over BIG_BODY
 * (read-body.ts). One chunk, not three imported one after another (issue 18: on a phone network
 * each link of that chain was a round trip after the feed had arrived).
 */
export { decodeSliced } from './decode-slices.js';
export { parseJsonSliced } from './json-slices.js';
export { runChunked, yieldToPage } from './slices.js';
