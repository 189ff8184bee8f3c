/** One IntersectionObserver for all widgets: calls back once when an element comes near the viewport. */
const callbacks = new WeakMap<Element, () => void>();
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
        const cb = callbacks.get(entry.target);
        stop(entry.target);
        cb?.();
      }
    },
    { rootMargin: '300px' },
  );
  callbacks.set(el, callback);
  observer.observe(el);
  return () => stop(el);
}

function stop(el: Element) {
  callbacks.delete(el);
  observer?.unobserve(el);
}
