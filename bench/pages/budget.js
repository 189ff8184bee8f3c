// The youth budget's rules on a generated election (?projects=1000&ballots=100000): the same
// rule run at once (one blocking task: the baseline) and in slices (what the widget does),
// side by side. Long tasks come from probe.js's PerformanceObserver; slices from runChunked.
import { equalShares, greedy, runChunked, runSync } from '/bench/.data/jugend-budget-rules.js';
import { election as makeElection } from './budget-election.js';

const P = Number(__params.get('projects') ?? 1000);
const N = Number(__params.get('ballots') ?? 100000);

const election = () => makeElection(P, N);

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
