/**
 * How a youth budget's votes become a result: greedy by votes within the budget, and the
 * Method of Equal Shares with the "add1" completion (equalshares.net, Pabulib `equalshares/add1`).
 *
 * Every rule is a generator that yields between small steps, so the widget can run it in slices
 * that leave the page responsive (`runChunked`), and a test or a script can run it at once
 * (`runSync`). No step does more than one project's sort of its voters' budgets.
 *
 * Ties (documented in the README): projects with equal votes (greedy) or equal effective vote
 * count (equal shares) are taken in the order: more votes, then lower cost, then the order of
 * the feed.
 */

/** What a rule needs of a project. */
export interface RuleProject {
  id: string;
  cost: number;
  votes: number;
  /** Projects the administration found not feasible are never funded. */
  feasible: boolean;
}

export interface Election {
  budget: number;
  projects: readonly RuleProject[];
  /** Approval ballots as indexes into `projects` (needed for equal shares). */
  ballots?: readonly (readonly number[])[];
}

export type RuleId = 'greedy' | 'equalshares/add1' | 'equalshares';

/** Why a project was not funded. */
export type Reason = 'not-feasible' | 'no-votes' | 'budget' | 'rule';

export interface Outcome {
  rule: RuleId;
  /** Funded project ids, in the order the rule chose them. */
  selected: string[];
  cost: number;
  /** Why each project that was not funded was not (by id). */
  reasons: Map<string, Reason>;
}

/** Rule names as Pabulib and feeds write them → the rule this widget computes. */
export function ruleOf(name: string | undefined): RuleId | undefined {
  const n = (name ?? '').trim().toLowerCase();
  if (n === 'greedy' || n === 'greedy-by-votes' || n === 'utilitarian') return 'greedy';
  if (n === 'equalshares/add1' || n === 'mes/add1' || n === 'equal-shares/add1') return 'equalshares/add1';
  if (n === 'equalshares' || n === 'mes' || n === 'equal-shares') return 'equalshares';
  return undefined;
}

/** The documented tie order: more votes, then lower cost, then feed order. */
function tieOrder(projects: readonly RuleProject[]) {
  return (a: number, b: number) => projects[b].votes - projects[a].votes || projects[a].cost - projects[b].cost || a - b;
}

const candidate = (p: RuleProject) => p.feasible && p.cost >= 0 && p.votes > 0;

/** Greedy by votes: the most-voted project first, each one funded when it still fits (skipping those that do not). */
export function* greedy(e: Election): Generator<void, Outcome> {
  const order = e.projects.map((_, i) => i).sort(tieOrder(e.projects));
  const selected: string[] = [];
  const reasons = new Map<string, Reason>();
  let left = e.budget;
  let n = 0;
  for (const i of order) {
    const p = e.projects[i];
    if (!p.feasible) reasons.set(p.id, 'not-feasible');
    else if (!(p.votes > 0)) reasons.set(p.id, 'no-votes');
    else if (p.cost <= left + 1e-9) {
      selected.push(p.id);
      left -= p.cost;
    } else reasons.set(p.id, 'budget');
    if (++n % 512 === 0) yield;
  }
  return { rule: 'greedy', selected, cost: e.budget - left, reasons };
}

/** Voters per project (indexes), from the ballots. */
function approversOf(e: Election): Int32Array[] {
  const counts = new Int32Array(e.projects.length);
  for (const b of e.ballots ?? []) for (const p of b) if (p >= 0 && p < counts.length) counts[p]++;
  const lists = Array.from(counts, (n) => new Int32Array(n));
  counts.fill(0);
  (e.ballots ?? []).forEach((b, voter) => {
    for (const p of b) if (p >= 0 && p < lists.length) lists[p][counts[p]++] = voter;
  });
  return lists;
}

/** Units of work between two yields: sums and sorts of voters' budgets. */
const STEP = 8_000;

/**
 * Equal shares with a fixed budget: every voter gets an equal share; a project is funded when
 * its voters can pay for it together, each paying an equal part or all they have left. The
 * next project is the one whose voters pay the least per unit of its cost (the highest
 * "effective vote count"). Returns the funded indexes in order.
 */
function* equalSharesFixed(e: Election, approvers: Int32Array[], total: number): Generator<void, number[]> {
  const voters = e.ballots?.length ?? 0;
  const winners: number[] = [];
  if (!voters) return winners;
  const money = new Float64Array(voters).fill(total / voters);
  const tie = tieOrder(e.projects);
  const prev = new Map<number, number>();
  e.projects.forEach((p, i) => {
    if (candidate(p) && p.cost > 0 && approvers[i].length) prev.set(i, approvers[i].length);
  });
  let work = 0;
  let scratch = new Float64Array(0);
  for (;;) {
    yield;
    let best = -1;
    let bestEvc = 0;
    const order = [...prev.keys()].sort((a, b) => prev.get(b)! - prev.get(a)! || tie(a, b));
    for (const c of order) {
      if (prev.get(c)! < bestEvc * (1 - 1e-12)) break; // cannot beat the best so far
      const cost = e.projects[c].cost;
      const who = approvers[c];
      if (scratch.length < who.length) scratch = new Float64Array(Math.max(who.length, scratch.length * 2));
      const shares = scratch.subarray(0, who.length);
      let sum = 0;
      for (let k = 0; k < who.length; k++) sum += shares[k] = money[who[k]];
      work += who.length;
      if (sum < cost * (1 - 1e-9)) {
        prev.delete(c); // its voters cannot afford it any more
        continue;
      }
      shares.sort();
      let paid = 0;
      let payers = who.length;
      for (let k = 0; k < shares.length; k++) {
        const share = (cost - paid) / payers;
        if (share > shares[k]) {
          paid += shares[k];
          payers--;
          continue;
        }
        const evc = cost / share;
        prev.set(c, evc);
        const same = Math.abs(evc - bestEvc) <= 1e-9 * evc;
        if ((evc > bestEvc && !same) || (same && best >= 0 && tie(c, best) < 0)) {
          best = c;
          bestEvc = evc;
        }
        break;
      }
      work += who.length * 4; // the sort
      if (work > STEP) {
        work = 0;
        yield;
      }
    }
    if (best < 0) return winners;
    winners.push(best);
    prev.delete(best);
    const share = e.projects[best].cost / bestEvc;
    for (const i of approvers[best]) money[i] = money[i] > share ? money[i] - share : 0;
    work += approvers[best].length;
  }
}

/**
 * The Method of Equal Shares with the add1 completion: when equal shares leave money unspent,
 * it runs again with every voter's share one currency unit higher (starting from the whole
 * units of the fair share), and keeps the last outcome that still fits the real budget. It stops
 * when no further project would fit at all. With `completion` false: equal shares alone.
 */
export function* equalShares(e: Election, completion = true): Generator<void, Outcome> {
  const approvers = approversOf(e);
  yield;
  const voters = e.ballots?.length ?? 0;
  const costOf = (w: number[]) => w.reduce((s, i) => s + e.projects[i].cost, 0);
  let winners = yield* equalSharesFixed(e, approvers, e.budget);
  if (completion && voters) {
    let budget = Math.floor(e.budget / voters) * voters;
    let spent = costOf(winners);
    for (;;) {
      const chosen = new Set(winners);
      const more = e.projects.some((p, i) => !chosen.has(i) && candidate(p) && approvers[i].length > 0 && spent + p.cost <= e.budget);
      if (!more) break;
      budget += voters;
      const next = yield* equalSharesFixed(e, approvers, budget);
      const cost = costOf(next);
      if (cost > e.budget) break;
      winners = next;
      spent = cost;
      yield;
    }
  }
  const selected = winners.map((i) => e.projects[i].id);
  const cost = costOf(winners);
  return { rule: completion ? 'equalshares/add1' : 'equalshares', selected, cost, reasons: reasonsFor(e, new Set(selected), cost, 'rule') };
}

/**
 * Why each project outside a selection was not funded: not feasible, no votes, did not fit
 * the money left, or (otherwise) the rule: under equal shares, its voters' shares did not cover it.
 */
export function reasonsFor(e: Pick<Election, 'budget' | 'projects'>, selected: ReadonlySet<string>, cost: number, otherwise: Reason): Map<string, Reason> {
  const reasons = new Map<string, Reason>();
  for (const p of e.projects) {
    if (selected.has(p.id)) continue;
    reasons.set(p.id, !p.feasible ? 'not-feasible' : !(p.votes > 0) ? 'no-votes' : p.cost > e.budget - cost + 1e-9 ? 'budget' : otherwise);
  }
  return reasons;
}

/** Runs a rule by the name a feed gives; undefined when the rule needs ballots the feed does not have. */
export function ruleRun(rule: RuleId, e: Election): Generator<void, Outcome> | undefined {
  if (rule === 'greedy') return greedy(e);
  if (!e.ballots?.length) return undefined;
  return equalShares(e, rule === 'equalshares/add1');
}

/** Runs a rule to the end at once (tests, scripts, small elections). */
export function runSync<T>(gen: Generator<void, T>): T {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

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
export async function runChunked<T>(gen: Generator<void, T>, options: { sliceMs?: number; signal?: AbortSignal; onSlice?: (ms: number) => void } = {}): Promise<T> {
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
