/**
 * What the card draws right after its first frame, as one lazy chunk: the self-check and the
 * category icons (the rules' words are in the card's own chunk). The loader preloads it with the card's code
 * (scripts/preload-graph.mjs), so it arrives in the same round trip as the card and its feed, in
 * one request rather than three (a browser asks an HTTP/1.1 host at most six things at once).
 * Widgets built into an app's bundle load it on demand, as before.
 */
export * as check from './ehrenamt-card.check.js';
export { icons } from './ehrenamt-card.icons.js';
