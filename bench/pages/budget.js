// The youth budget's rules on a generated election (?projects=1000&ballots=100000): the same
// rule run at once (one blocking task: the baseline) and in slices (what the widget does),
// side by side. Long tasks come from probe.js's PerformanceObserver; slices from runChunked.
import { equalShares, greedy, runChunked, runSync } from '/bench/.data/jugend-budget-rules.js';

const P = Number(__params.get('projects') ?? 1000);
const N = Number(__params.get('ballots') ?? 100000);

/** A fixed pseudo-random election: popularity is skewed (a few favourites), ballots approve 1–8 projects. */
function election() {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const weight = Array.from({ length: P }, (_, i) => 1 / (1 + i / 20));
  const total = weight.reduce((a, b) => a + b, 0);
  const cum = [];
  weight.reduce((s, w, i) => (cum[i] = s + w / total), 0);
  const pickOne = () => {
    const r = rnd();
    let lo = 0;
    let hi = P - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ballots = [];
  const votes = new Array(P).fill(0);
  for (let v = 0; v < N; v++) {
    const k = 1 + Math.floor(rnd() * 8);
    const set = new Set();
    while (set.size < k) set.add(pickOne());
    const b = [...set];
    b.forEach((p) => votes[p]++);
    ballots.push(b);
  }
  const projects = votes.map((n, i) => ({ id: `p${i}`, cost: 1000 * (5 + Math.floor(rnd() * 95)), votes: n, feasible: rnd() > 0.05 }));
  return { budget: 2_000_000, projects, ballots };
}

async function measure(name, make) {
  const e = election();
  // baseline: at once
  let before = __bench.longTasks;
  let t0 = performance.now();
  const once = runSync(make(e));
  const syncMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100)); // let the observer report
  const syncLong = __bench.longTasks - before;
  // chunked
  const longest = { ms: 0 };
  const slices = [];
  before = __bench.longTasks;
  const beforeMs = __bench.longTaskMs;
  let maxLongTask = 0;
  const obs = new PerformanceObserver((l) => l.getEntries().forEach((x) => (maxLongTask = Math.max(maxLongTask, x.duration))));
  obs.observe({ type: 'longtask' });
  t0 = performance.now();
  const chunked = await runChunked(make(e), { onSlice: (ms) => slices.push(ms) });
  const chunkedMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100));
  obs.disconnect();
  longest.ms = Math.max(...slices);
  return {
    rule: name,
    selected: once.selected.length,
    same: once.selected.join() === chunked.selected.join(),
    syncMs,
    syncLongTasks: syncLong,
    chunkedMs,
    slices: slices.length,
    maxSliceMs: longest.ms,
    longTasks: __bench.longTasks - before,
    maxLongTaskMs: maxLongTask,
    longTaskMs: __bench.longTaskMs - beforeMs,
  };
}

window.__run = async () => [await measure('greedy', (e) => greedy(e)), await measure('equalshares/add1', (e) => equalShares(e))];
