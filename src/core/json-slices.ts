/**
 * `JSON.parse` for big feed bodies, in slices: a 3 MB feed parsed at once blocked the page for
 * 100+ ms on a slow phone. A scanner finds the big containers (objects and arrays of 64 KB of text
 * or more); their members go to the native `JSON.parse` in runs of about 64 KB and are put
 * together here, so the result equals `JSON.parse(text)` (key order, duplicate keys, `__proto__`
 * keys as own data) while no slice of work runs longer than `sliceMs`. Invalid JSON throws a
 * SyntaxError, like `JSON.parse`. A lazy chunk: the feed controller loads it only for big bodies.
 */
import { runChunked, yieldToPage } from './slices.js';

/** Text per native `JSON.parse` call, and the size from which a container is taken apart. */
const RUN = 65536;
/** Big containers nested deeper than this are parsed whole (the generators would run out of stack). */
const MAX_DEPTH = 64;

export async function parseJsonSliced(text: string, options: { sliceMs?: number; signal?: AbortSignal } = {}): Promise<unknown> {
  const value = await runChunked(parseSteps(text), options);
  // The widget validates and renders next: in a task of its own, not after the last slice.
  await yieldToPage();
  return value;
}

const fail = (at: number): never => {
  throw new SyntaxError(`Unexpected token in JSON at position ${at}`);
};

/** The index of the quote that closes the string opening at `i`. */
function stringEnd(text: string, i: number): number {
  for (let j = i; ;) {
    j = text.indexOf('"', j + 1);
    if (j < 0) return fail(i);
    let k = j - 1;
    while (text.charCodeAt(k) === 92) k--; // an even run of backslashes escapes itself, not the quote
    if ((j - 1 - k) % 2 === 0) return j;
  }
}

/** JSON white space only (space, tab, line feed, carriage return). */
function skipSpace(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  return i;
}

/** The generator behind `parseJsonSliced`: yields between steps of a few hundred microseconds. */
export function* parseSteps(text: string): Generator<void, unknown> {
  const big = yield* bigContainers(text);
  const start = skipSpace(text, 0);
  const close = big.get(start);
  if (close === undefined) return JSON.parse(text); // small, or one big string: nothing to take apart
  if (skipSpace(text, close + 1) !== text.length) fail(close + 1);
  return yield* container(text, big, start, close, 0);
}

/** Pass 1: where each container of RUN characters or more closes, by where it opens. */
function* bigContainers(text: string): Generator<void, Map<number, number>> {
  const open: number[] = [];
  const big = new Map<number, number>();
  let pause = RUN;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = stringEnd(text, i);
    else if (c === 123 || c === 91) open.push(i);
    else if (c === 125 || c === 93) {
      const o = open.pop();
      // `}` closes `{` and `]` closes `[`: their codes differ by 2 in both pairs.
      if (o === undefined || text.charCodeAt(o) !== c - 2) fail(i);
      if (i - o! >= RUN) big.set(o!, i);
    }
    if (i >= pause) {
      pause = i + RUN;
      yield;
    }
  }
  if (open.length) fail(text.length);
  return big;
}

/** The index just after the value starting at `i`, which is no big container. */
function valueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) return stringEnd(text, i) + 1;
  if (c === 123 || c === 91) {
    for (let depth = 0; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === 34) i = stringEnd(text, i);
      else if (d === 123 || d === 91) depth++;
      else if ((d === 125 || d === 93) && --depth === 0) return i + 1;
    }
    return fail(i);
  }
  // A number, true, false or null: up to the next separator; JSON.parse checks it.
  for (
    let d = c;
    i < text.length && d !== 44 && d !== 93 && d !== 125 && d !== 32 && d !== 10 && d !== 13 && d !== 9;
    d = text.charCodeAt(++i)
  );
  return i;
}

/** Sets a member as JSON.parse does: `__proto__` becomes an own data property, not the prototype. */
function put(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  else out[key] = value;
}

/** Pass 2: a big container from its members; runs of small members are parsed natively. */
function* container(text: string, big: Map<number, number>, open: number, close: number, depth: number): Generator<void, unknown> {
  if (depth > MAX_DEPTH) return JSON.parse(text.slice(open, close + 1));
  const isArray = text.charCodeAt(open) === 91;
  const list: unknown[] = [];
  const record: Record<string, unknown> = {};
  let run = -1; // where the current run of small members starts
  let last = 0; // where its last value ends (not the comma after it)
  const flush = () => {
    if (run < 0) return;
    const part = text.slice(run, last);
    run = -1;
    if (isArray) for (const v of JSON.parse(`[${part}]`) as unknown[]) list.push(v);
    else {
      const parsed = JSON.parse(`{${part}}`) as Record<string, unknown>;
      for (const key of Object.keys(parsed)) put(record, key, parsed[key]);
    }
  };
  let i = skipSpace(text, open + 1);
  if (i === close) return isArray ? list : record;
  for (;;) {
    const member = i;
    let keyEnd = 0;
    if (!isArray) {
      if (text.charCodeAt(i) !== 34) fail(i);
      keyEnd = stringEnd(text, i);
      i = skipSpace(text, keyEnd + 1);
      if (text.charCodeAt(i) !== 58) fail(i);
      i = skipSpace(text, i + 1);
    }
    const inner = big.get(i);
    let end: number;
    if (inner !== undefined) {
      flush();
      const value = yield* container(text, big, i, inner, depth + 1);
      if (isArray) list.push(value);
      else put(record, JSON.parse(text.slice(member, keyEnd + 1)) as string, value);
      end = inner + 1;
      yield;
    } else {
      if (run < 0) run = member;
      last = end = valueEnd(text, i);
      if (end - run >= RUN) {
        flush();
        yield;
      }
    }
    i = skipSpace(text, end);
    const c = text.charCodeAt(i);
    if (i === close) break;
    if (c !== 44) fail(i);
    i = skipSpace(text, i + 1);
    if (i === close) fail(i); // a trailing comma
  }
  flush();
  return isArray ? list : record;
}
