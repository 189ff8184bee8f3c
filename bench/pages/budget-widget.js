// The whole widget computing a result, as a visitor's browser does it: <jugend-budget> with a
// generated feed (?src=/bench/.data/budget-….json or .pb&format=pabulib), from inserting the element
// to the result table on screen: loading the chunks, fetching, parsing and validating the feed and
// its ballots, the rule, the chart and the table. Every long task (> 50 ms) in that span counts.
window.__run = async () => {
  const tasks = [];
  const obs = new PerformanceObserver((l) => l.getEntries().forEach((x) => tasks.push(x)));
  obs.observe({ type: 'longtask' });
  const el = document.createElement('jugend-budget');
  el.setAttribute('src', __params.get('src'));
  if (__params.get('format')) el.setAttribute('format', __params.get('format'));
  el.setAttribute('eager', '');
  const t0 = performance.now();
  const result = new Promise((resolve) =>
    el.addEventListener('st-budget-result', (e) => resolve([performance.now(), e.detail]), { once: true }),
  );
  document.body.append(el);
  // Timer ticks while "Computing …" shows: the page keeps getting turns (other scripts, input).
  let ticks = 0;
  const probe = setInterval(() => {
    if (el.shadowRoot?.querySelector('.state[role="status"]')) ticks++;
  }, 25);
  const limit = Number(__params.get('timeout') ?? 300000);
  const [tResult, detail] = await Promise.race([
    result,
    new Promise((_, reject) =>
      setTimeout(
        () =>
          reject(
            new Error(
              `no st-budget-result within ${limit} ms; the widget shows: ${(el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').slice(-160)}`,
            ),
          ),
        limit,
      ),
    ),
  ]);
  const shown = await __waitFor('table', () => el.shadowRoot.querySelector('tbody tr'));
  clearInterval(probe);
  await new Promise((r) => setTimeout(r, 200)); // let the observer report
  obs.disconnect();
  const during = tasks.filter((t) => t.startTime + t.duration >= t0 && t.startTime <= shown);
  return {
    rule: detail.rule,
    selected: detail.selected.length,
    resultMs: tResult - t0,
    shownMs: shown - t0,
    longTasks: during.length,
    maxLongTaskMs: Math.max(0, ...during.map((t) => t.duration)),
    longTaskMs: during.reduce((s, t) => s + t.duration, 0),
    ticks,
  };
};
