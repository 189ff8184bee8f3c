/**
 * How a youth budget's votes become a result: greedy by votes within the budget, and the
 * Method of Equal Shares with the "add1" completion (equalshares.net, Pabulib `equalshares/add1`),
 * optionally followed by the comparison step (`equalshares/add1-comparison`, Wieliczka 2023).
 * The widget loads this module only when it has to compute a result.
 *
 * Every rule is a generator that yields between small steps, so the widget can run it in slices
 * that leave the page responsive (`runChunked`), and a test or a script can run it at once
 * (`runSync`). No step does more than one project's sort of its voters' budgets.
 *
 * Ties (documented in the README): projects with equal votes (greedy) or equal effective vote
 * count (equal shares) are taken in the order: more votes, then lower cost, then the order of
 * the feed.
 */

import { warn } from '../core/log.js';
import { greedy as greedyNow, reasonsFor, type Election, type Outcome, type RuleId, type RuleProject } from './jugend-budget.outcome.js';

export { reasonsFor, ruleOf, type Election, type Outcome, type Reason, type RuleId, type RuleProject } from './jugend-budget.outcome.js';

/** The documented tie order: more votes, then lower cost, then feed order. */
function tieOrder(projects: readonly RuleProject[]) {
  return (a: number, b: number) => projects[b].votes - projects[a].votes || projects[a].cost - projects[b].cost || a - b;
}

const candidate = (p: RuleProject) => p.feasible && p.cost >= 0 && p.votes > 0;

/** Greedy by votes (in the widget's chunk, `jugend-budget.outcome.ts`) as a rule run like the others. */
// eslint-disable-next-line require-yield -- one pass, nothing to slice; a generator like every rule
export function* greedy(e: Election): Generator<void, Outcome> {
  return greedyNow(e);
}

/** Voters per project (indexes), from the ballots; yields every few thousand ballots (100,000 ballots take several slices). */
function* approversOf(e: Election): Generator<void, Int32Array[]> {
  const ballots = e.ballots ?? [];
  const counts = new Int32Array(e.projects.length);
  for (let v = 0; v < ballots.length; v++) {
    for (const p of ballots[v]) if (p >= 0 && p < counts.length) counts[p]++;
    if (v % 4096 === 4095) yield;
  }
  const lists = Array.from(counts, (n) => new Int32Array(n));
  counts.fill(0);
  yield;
  for (let v = 0; v < ballots.length; v++) {
    for (const p of ballots[v]) if (p >= 0 && p < lists.length) lists[p][counts[p]++] = v;
    if (v % 4096 === 4095) yield;
  }
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
      // Checked before every project: a run of projects their voters can no longer afford was long work without a yield.
      if (work > STEP) {
        work = 0;
        yield;
      }
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
 * units of the fair share), and keeps the last outcome that still fits the real budget. It goes
 * on until an outcome would cost more than the budget (or funds every project with votes), even
 * when the money left fits no further project: a higher share can swap projects and spend more.
 * With `completion` false: equal shares alone.
 * With `comparison`: the comparison step afterwards (see `compare`).
 */
export function* equalShares(e: Election, completion = true, comparison = false): Generator<void, Outcome> {
  const approvers = yield* approversOf(e);
  const voters = e.ballots?.length ?? 0;
  const costOf = (w: number[]) => w.reduce((s, i) => s + e.projects[i].cost, 0);
  let winners = yield* equalSharesFixed(e, approvers, e.budget);
  if (completion && voters) {
    let budget = Math.floor(e.budget / voters) * voters;
    for (;;) {
      // Not "until nothing more fits" (that is add1e): Wieliczka 2023 funds a different set only a few steps later.
      const chosen = new Set(winners);
      if (!e.projects.some((p, i) => !chosen.has(i) && candidate(p) && approvers[i].length > 0)) break;
      budget += voters;
      const next = yield* equalSharesFixed(e, approvers, budget);
      const cost = costOf(next);
      if (cost > e.budget) break;
      winners = next;
      yield;
    }
  }
  const rule = `equalshares${completion ? '/add1' : ''}${comparison ? '-comparison' : ''}` as RuleId;
  if (comparison) return yield* compare(e, approvers, winners, rule);
  const selected = winners.map((i) => e.projects[i].id);
  const cost = costOf(winners);
  return { rule, selected, cost, reasons: reasonsFor(e, new Set(selected), cost, 'rule') };
}

/**
 * The comparison step (Pabulib `…-comparison`, as Wieliczka 2023 counted): the equal-shares
 * outcome is set against greedy by votes; each voter prefers the outcome that funds more of the
 * projects they approved. Greedy's outcome counts only when more voters prefer it than prefer
 * equal shares' (a tie keeps equal shares).
 */
function* compare(e: Election, approvers: Int32Array[], winners: number[], rule: RuleId): Generator<void, Outcome> {
  const other = yield* greedy(e);
  const index = new Map(e.projects.map((p, i) => [p.id, i]));
  const voters = e.ballots?.length ?? 0;
  const byShares = new Int32Array(voters);
  const byGreedy = new Int32Array(voters);
  let work = 0;
  function* count(list: Iterable<number>, into: Int32Array): Generator<void> {
    for (const i of list) {
      for (const v of approvers[i]) into[v]++;
      work += approvers[i].length;
      if (work > STEP * 8) {
        work = 0;
        yield;
      }
    }
  }
  yield* count(winners, byShares);
  yield* count(
    other.selected.map((id) => index.get(id)!),
    byGreedy,
  );
  let shares = 0;
  let greedier = 0;
  for (let v = 0; v < voters; v++) {
    if (byShares[v] > byGreedy[v]) shares++;
    else if (byGreedy[v] > byShares[v]) greedier++;
  }
  const chosen = greedier > shares ? 'greedy' : 'shares';
  const selected = chosen === 'greedy' ? other.selected : winners.map((i) => e.projects[i].id);
  const cost = selected.reduce((s, id) => s + e.projects[index.get(id)!].cost, 0);
  return {
    rule,
    selected,
    cost,
    reasons: reasonsFor(e, new Set(selected), cost, 'rule'),
    comparison: { shares, greedy: greedier, chosen },
  };
}

/** Runs a rule by the name a feed gives; undefined when the rule needs ballots the feed does not have. */
export function ruleRun(rule: RuleId, e: Election): Generator<void, Outcome> | undefined {
  if (rule === 'greedy') return greedy(e);
  if (!e.ballots?.length) return undefined;
  return equalShares(e, rule.startsWith('equalshares/add1'), rule.endsWith('-comparison'));
}

/** The console's reason why a feed's rule computed nothing (the widget itself shows "no result"). */
export function warnNoBallots(tag: string, rule: RuleId, lang: string): void {
  warn(
    `${tag}: ${lang == 'en' ? `the rule “${rule}” needs ballots, the feed has none – no result is computed.` : `Die Regel „${rule}“ braucht Stimmzettel (ballots), der Feed hat keine – es wird kein Ergebnis berechnet.`}`,
  );
}

/** Runs a rule to the end at once (tests, scripts, small elections). */
export function runSync<T>(gen: Generator<void, T>): T {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

// The slice runner moved to core (the sliced JSON parse of big feeds uses it too); the rules' callers keep importing it from here.
export { runChunked, yieldToPage } from '../core/big-body.js';
