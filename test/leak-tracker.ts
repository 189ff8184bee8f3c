/**
 * Counts what a page keeps running: pending timers, intervals, window/document listeners,
 * observed elements, and requests not yet settled or aborted. Start it, exercise widgets,
 * stop it, and compare: anything a removed widget left behind shows up here.
 */
export interface Leaks {
  timers: number;
  intervals: number;
  listeners: string[];
  observed: number;
  requests: number;
}

export function trackLeaks(): { stop(): Leaks } {
  const w = window as unknown as Record<string, unknown>;
  // Typed as the browser's timers (a test file elsewhere pulls Node's timer types into scope).
  type Timer = (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => number;
  const saved = {
    setTimeout: window.setTimeout as unknown as Timer,
    clearTimeout: window.clearTimeout as (id?: number) => void,
    setInterval: window.setInterval as unknown as Timer,
    clearInterval: window.clearInterval as (id?: number) => void,
    fetch: window.fetch,
    winAdd: window.addEventListener,
    winRemove: window.removeEventListener,
    docAdd: document.addEventListener,
    docRemove: document.removeEventListener,
  };
  const timers = new Set<number>();
  const intervals = new Set<number>();
  const listeners = new Map<string, number>();
  const requests = new Set<Promise<unknown>>();
  let observed = 0;

  w.setTimeout = (fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = saved.setTimeout.call(
      window,
      (...a: unknown[]) => {
        timers.delete(id);
        if (typeof fn === 'function') fn(...a);
      },
      ms,
      ...args,
    );
    timers.add(id);
    return id;
  };
  w.clearTimeout = (id?: number) => {
    if (id !== undefined) timers.delete(id);
    saved.clearTimeout.call(window, id);
  };
  w.setInterval = (fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = saved.setInterval.call(window, fn as (...a: unknown[]) => void, ms, ...args);
    intervals.add(id);
    return id;
  };
  w.clearInterval = (id?: number) => {
    if (id !== undefined) intervals.delete(id);
    saved.clearInterval.call(window, id);
  };
  w.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const p = saved.fetch.call(window, input, init);
    const settled = p.then(
      (r) => r,
      (e) => e,
    );
    requests.add(settled);
    void settled.then(() => requests.delete(settled));
    return p;
  };
  const key = (where: string, type: string, fn: unknown) => `${where}:${type}:${String(fn).slice(0, 40)}`;
  const wrapAdd = (where: string, add: typeof window.addEventListener) =>
    function (this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, opts?: boolean | AddEventListenerOptions) {
      if (fn && !(typeof opts === 'object' && opts.once))
        listeners.set(key(where, type, fn), (listeners.get(key(where, type, fn)) ?? 0) + 1);
      return add.call(this, type, fn!, opts);
    };
  const wrapRemove = (where: string, remove: typeof window.removeEventListener) =>
    function (this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, opts?: boolean | EventListenerOptions) {
      const k = key(where, type, fn);
      if (listeners.has(k)) {
        const n = listeners.get(k)! - 1;
        if (n <= 0) listeners.delete(k);
        else listeners.set(k, n);
      }
      return remove.call(this, type, fn!, opts);
    };
  window.addEventListener = wrapAdd('window', saved.winAdd);
  window.removeEventListener = wrapRemove('window', saved.winRemove);
  document.addEventListener = wrapAdd('document', saved.docAdd);
  document.removeEventListener = wrapRemove('document', saved.docRemove);

  const observerPatches = ([IntersectionObserver, ResizeObserver, MutationObserver] as const).map((O) => {
    const proto = O.prototype as { observe: (...a: unknown[]) => void; unobserve?: (...a: unknown[]) => void; disconnect: () => void };
    const orig = { observe: proto.observe, unobserve: proto.unobserve, disconnect: proto.disconnect };
    const targets = new WeakMap<object, Set<unknown>>();
    proto.observe = function (this: object, target: unknown, ...rest: unknown[]) {
      const set = targets.get(this) ?? new Set();
      targets.set(this, set);
      if (!set.has(target)) {
        set.add(target);
        observed++;
      }
      return orig.observe.call(this, target, ...rest);
    };
    if (orig.unobserve) {
      proto.unobserve = function (this: object, target: unknown) {
        if (targets.get(this)?.delete(target)) observed--;
        return orig.unobserve!.call(this, target);
      };
    }
    proto.disconnect = function (this: object) {
      observed -= targets.get(this)?.size ?? 0;
      targets.delete(this);
      return orig.disconnect.call(this);
    };
    return () => Object.assign(proto, orig);
  });

  return {
    stop() {
      Object.assign(window, {
        setTimeout: saved.setTimeout,
        clearTimeout: saved.clearTimeout,
        setInterval: saved.setInterval,
        clearInterval: saved.clearInterval,
        fetch: saved.fetch,
      });
      window.addEventListener = saved.winAdd;
      window.removeEventListener = saved.winRemove;
      document.addEventListener = saved.docAdd;
      document.removeEventListener = saved.docRemove;
      observerPatches.forEach((undo) => undo());
      return { timers: timers.size, intervals: intervals.size, listeners: [...listeners.keys()], observed, requests: requests.size };
    },
  };
}

/** Fails with a message naming what was left running. */
export function expectNoLeaks(
  leaks: Leaks,
  expect: (value: unknown, message?: string) => { to: { equal(v: unknown): void; deep: { equal(v: unknown): void } } },
): void {
  expect(leaks.intervals, 'intervals').to.equal(0);
  expect(leaks.timers, 'timers').to.equal(0);
  expect(leaks.listeners, 'window/document listeners').to.deep.equal([]);
  expect(leaks.observed, 'observed elements').to.equal(0);
  expect(leaks.requests, 'open requests').to.equal(0);
}
