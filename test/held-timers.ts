/**
 * Fake timers for some delays: every `setTimeout(fn, ms)` with exactly this delay (or whose delay
 * the predicate accepts) is held instead of waited for, and `fire()` runs the held ones now. Other delays keep real timers, so awaiting
 * fetches, updates and short polls still works. Always `restore()` (in a finally or afterEach).
 */
export function holdTimers(ms: number | ((delay: number) => boolean)) {
  const holds = typeof ms === 'number' ? (d: number) => d === ms : ms;
  const realSet = window.setTimeout;
  const realClear = window.clearTimeout;
  const held = new Map<number, () => void>();
  window.setTimeout = ((fn: TimerHandler, delay?: number, ...args: unknown[]) => {
    if (!holds(delay ?? 0) || typeof fn !== 'function') return realSet(fn, delay, ...args);
    const id = realSet(() => {}, 2 ** 31 - 1); // a real id, so clearTimeout keeps working
    held.set(id, () => (fn as (...a: unknown[]) => void)(...args));
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) held.delete(id);
    realClear(id);
  }) as typeof window.clearTimeout;
  return {
    /** How many timers of this delay are waiting. */
    get pending() {
      return held.size;
    },
    /** Runs every held timer as if its time had come. */
    fire() {
      const due = [...held];
      held.clear();
      for (const [id, run] of due) {
        realClear(id);
        run();
      }
    },
    restore() {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
      for (const id of held.keys()) realClear(id);
      held.clear();
    },
  };
}
