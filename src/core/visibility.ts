/**
 * One IntersectionObserver for all widgets: calls back once when an element comes near the
 * viewport. An element may have several waiting callbacks (a widget with two feeds).
 */
const callbacks = new Map<Element, Set<() => void>>();
let observer: IntersectionObserver | undefined;

export function whenNearViewport(el: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
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
    { rootMargin: '300px' },
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
