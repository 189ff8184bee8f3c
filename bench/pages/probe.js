// Loaded first (classic script) on every benchmark page: observes layout shifts and long tasks
// from the start, and offers a frame-by-frame wait that stamps when a condition first holds.
(() => {
  window.__params = new URLSearchParams(location.search);
  const bench = (window.__bench = { marks: {}, cls: 0, shifts: 0, longTasks: 0, longTaskMs: 0 });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        bench.cls += e.value;
        bench.shifts++;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.longTasks++;
        bench.longTaskMs += e.duration;
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  /** Resolves with performance.now() at the first animation frame where check() is truthy, after style + layout. */
  window.__waitFor = (name, check, timeoutMs = Number(__params.get('timeout') ?? 120000)) =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      const tick = () => {
        let ok = false;
        try {
          ok = !!check();
        } catch {}
        if (ok) {
          // Include the style and layout of what just appeared (10,000 cards cost there, not in JS).
          document.documentElement.getBoundingClientRect();
          void document.documentElement.offsetHeight;
          const now = performance.now();
          bench.marks[name] = now;
          resolve(now);
          return;
        }
        if (performance.now() - start > timeoutMs) reject(new Error(`timeout waiting for ${name}`));
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  /** Query through nested shadow roots: deep(el, 'st-map', 'st-map-view', '.leaflet-marker-icon'). */
  window.__deep = (root, ...selectors) => {
    let node = root;
    for (let i = 0; i < selectors.length; i++) {
      const scope = node.shadowRoot ?? node;
      node = scope.querySelector(selectors[i]);
      if (!node) return null;
    }
    return node;
  };
  /** Frame counter for fps while something happens. */
  window.__frames = () => {
    const stamps = [];
    let on = true;
    const tick = (t) => {
      stamps.push(t);
      if (on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return () => {
      on = false;
      return stamps;
    };
  };
})();
