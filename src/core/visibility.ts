const margin = 300;

/**
 * Near now (the usual case for a widget at page load): then it need not wait a frame for the
 * observer's first callback before reading its feed. A hidden element has no boxes and waits.
 */
function isNear(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return (
    el.getClientRects().length > 0 &&
    r.top < innerHeight + margin &&
    r.bottom > -margin &&
    r.left < innerWidth + margin &&
    r.right > -margin
  );
}

/**
 * One IntersectionObserver for all widgets: calls back once when an element comes near the
 * viewport. An element may have several waiting callbacks (a widget with two feeds).
 */
const callbacks = new Map<Element, Set<() => void>>();
let observer: IntersectionObserver | undefined;

export function whenNearViewport(el: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined' || isNear(el)) {
    callback();
    return () => {};
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const waiting = callbacks.get(entry.target);
        callbacks.delete(entry.target);
        observer!.unobserve(entry.target);
        waiting?.forEach((cb) => cb());
      }
    },
    { rootMargin: `${margin}px` },
  );
  const set = callbacks.get(el) ?? new Set();
  if (!set.size) observer.observe(el);
  set.add(callback);
  callbacks.set(el, set);
  return () => {
    const current = callbacks.get(el);
    if (!current?.delete(callback) || current.size) return;
    callbacks.delete(el);
    observer?.unobserve(el);
  };
}
