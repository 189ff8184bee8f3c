/**
 * Long work in slices that give the page a turn in between (the youth budget's rules, the sliced
 * JSON parse of big feeds). Not in the core chunk: only lazy chunks import it.
 */

/** Gives the page a turn: `scheduler.yield()` where browsers have it, else a message-channel task (no 4 ms timer clamp). */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/**
 * Runs a rule in slices of `sliceMs` (default 8 ms, half a frame), yielding to the page in
 * between, so typing, scrolling and other scripts keep running. Stops with an AbortError when
 * `signal` aborts (the widget got new data or left the page).
 */
export async function runChunked<T>(
  gen: Generator<void, T>,
  options: { sliceMs?: number; signal?: AbortSignal; onSlice?: (ms: number) => void } = {},
): Promise<T> {
  const slice = options.sliceMs ?? 8;
  for (;;) {
    const start = performance.now();
    for (;;) {
      const r = gen.next();
      if (r.done) {
        options.onSlice?.(performance.now() - start);
        return r.value;
      }
      if (performance.now() - start >= slice) break;
    }
    options.onSlice?.(performance.now() - start);
    await yieldToPage();
    if (options.signal?.aborted) throw new DOMException('Berechnung abgebrochen', 'AbortError');
  }
}
