/**
 * What the widget knows about rules without computing one: their names, the outcome's shape and
 * why a project was not funded. Kept apart from the rules themselves (`jugend-budget.rules.ts`),
 * which load lazily only when a result has to be computed.
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

export type RuleId = 'greedy' | 'equalshares/add1' | 'equalshares' | 'equalshares/add1-comparison' | 'equalshares-comparison';

/** Why a project was not funded. */
export type Reason = 'not-feasible' | 'no-votes' | 'budget' | 'rule';

export interface Outcome {
  rule: RuleId;
  /** Funded project ids, in the order the rule chose them. */
  selected: string[];
  cost: number;
  /** Why each project that was not funded was not (by id). */
  reasons: Map<string, Reason>;
  /** The comparison step: how many voters prefer equal shares' and greedy's outcome, and which one counts. */
  comparison?: { shares: number; greedy: number; chosen: 'shares' | 'greedy' };
}

/** Rule names as Pabulib and feeds write them → the rule this widget computes. */
export function ruleOf(name: string | undefined): RuleId | undefined {
  const n = (name ?? '')
    .trim()
    .toLowerCase()
    .replace(/^(mes|equal-shares)(?=$|[/-])/, 'equalshares');
  if (n === 'greedy' || n === 'greedy-by-votes' || n === 'utilitarian') return 'greedy';
  return n === 'equalshares' || n === 'equalshares/add1' || n === 'equalshares-comparison' || n === 'equalshares/add1-comparison'
    ? n
    : undefined;
}

/**
 * Why each project outside a selection was not funded: not feasible, no votes, did not fit
 * the money left, or (otherwise) the rule: under equal shares, its voters' shares did not cover it.
 */
export function reasonsFor(
  e: Pick<Election, 'budget' | 'projects'>,
  selected: ReadonlySet<string>,
  cost: number,
  otherwise: Reason,
): Map<string, Reason> {
  const reasons = new Map<string, Reason>();
  for (const p of e.projects) {
    if (selected.has(p.id)) continue;
    reasons.set(p.id, !p.feasible ? 'not-feasible' : !(p.votes > 0) ? 'no-votes' : p.cost > e.budget - cost + 1e-9 ? 'budget' : otherwise);
  }
  return reasons;
}

/**
 * Greedy by votes, at once: the most-voted project first (ties: lower cost, then feed order), each
 * one funded when it still fits, skipping those that do not. Here and not with the other rules: it
 * is a sort and one pass (1,000 projects well under a millisecond), and a feed that asks for it then
 * shows its result in its first render instead of a round trip later, after the rules' chunk.
 */
export function greedy(e: Pick<Election, 'budget' | 'projects'>): Outcome {
  const ps = e.projects;
  const selected: string[] = [];
  let left = e.budget;
  for (const i of ps.map((_, i) => i).sort((a, b) => ps[b].votes - ps[a].votes || ps[a].cost - ps[b].cost || a - b)) {
    const p = ps[i];
    if (p.feasible && p.votes > 0 && p.cost <= left + 1e-9) {
      selected.push(p.id);
      left -= p.cost;
    }
  }
  const cost = e.budget - left;
  return { rule: 'greedy', selected, cost, reasons: reasonsFor(e, new Set(selected), cost, 'budget') };
}
