/**
 * The rules of one ballot in a youth budget, as the platforms have them:
 * - approval within the budget (CONSUL's "knapsack" ballot: the running total may not exceed it),
 * - approval of at most / at least N projects,
 * - Decidim's minimum share of the budget a ballot has to spend.
 *
 * Pure and DOM-free: the widget's ballot checks a choice with it, and the demo server imports the
 * compiled module (dist/lib/jugend-budget/jugend-budget.ballot.js) to check what arrives, so the
 * two can never disagree. The WordPress plugin implements the same rules in PHP and reads the
 * same table of cases in its tests (test/jugend-budget/ballot-cases.json).
 *
 * Money is compared in cents, so 0.1 + 0.2 is 0.3 and "exactly the budget" is allowed.
 */

export interface BallotRules {
  budget: number;
  /** The total of the chosen projects may not exceed the budget (knapsack). Default true. */
  withinBudget?: boolean;
  /** At most this many projects (approval of at most N; Decidim's maximum). */
  maxProjects?: number;
  /** At least this many projects (Decidim's minimum). Default 1: an empty ballot is not cast. */
  minProjects?: number;
  /** The chosen projects must cost at least this share of the budget, 0–1 (Decidim: "minimum percentage"). */
  minShare?: number;
}

export interface BallotProject {
  id: string;
  cost: number;
}

/** Why an unchosen project cannot be added right now. */
export type Block = 'budget' | 'max';
/** What a ballot still lacks, or why it cannot be cast. */
export type Problem = 'empty' | 'min-count' | 'min-share' | 'over-budget' | 'too-many' | 'unknown-project' | 'duplicate';

export interface BallotState {
  /** Sum of the chosen projects' costs. */
  total: number;
  count: number;
  /** Money left within the budget (never below 0). */
  left: number;
  /** The smallest total the ballot must reach (minShare × budget), 0 without that rule. */
  minTotal: number;
  /** Projects that may still be added (unlimited: Infinity). */
  moreAllowed: number;
  /** The ballot can be cast as it is. */
  castable: boolean;
  /** Everything that keeps it from being cast (empty when castable). */
  problems: Problem[];
  /** Per unchosen project id: why it cannot be added. */
  blocked: Map<string, Block>;
}

const cents = (n: number) => Math.round(n * 100);

export function normalizeRules(r: BallotRules): Required<BallotRules> {
  const max = r.maxProjects !== undefined && r.maxProjects >= 1 ? Math.floor(r.maxProjects) : Infinity;
  const min = Math.min(r.minProjects !== undefined && r.minProjects >= 0 ? Math.floor(r.minProjects) : 1, max);
  const share = r.minShare !== undefined && r.minShare > 0 ? Math.min(r.minShare, 1) : 0;
  return {
    budget: Math.max(0, r.budget),
    withinBudget: r.withinBudget !== false,
    maxProjects: max,
    minProjects: Math.max(min, 1),
    minShare: share,
  };
}

/** The state of a choice: totals, what is missing, which projects are blocked and why. */
export function ballotState(rules: BallotRules, projects: readonly BallotProject[], chosen: readonly string[]): BallotState {
  const r = normalizeRules(rules);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const id of chosen) {
    const p = byId.get(id);
    if (!p) {
      if (!problems.includes('unknown-project')) problems.push('unknown-project');
      continue;
    }
    if (seen.has(id)) {
      if (!problems.includes('duplicate')) problems.push('duplicate');
      continue;
    }
    seen.add(id);
    total += cents(p.cost);
  }
  const count = seen.size;
  const budget = cents(r.budget);
  const minTotal = Math.ceil(budget * r.minShare - 1e-6);
  if (count === 0) problems.push('empty');
  else if (count < r.minProjects) problems.push('min-count');
  if (count > r.maxProjects) problems.push('too-many');
  if (r.withinBudget && total > budget) problems.push('over-budget');
  if (count > 0 && total < minTotal) problems.push('min-share');
  const blocked = new Map<string, Block>();
  for (const p of projects) {
    if (seen.has(p.id)) continue;
    if (count >= r.maxProjects) blocked.set(p.id, 'max');
    else if (r.withinBudget && total + cents(p.cost) > budget) blocked.set(p.id, 'budget');
  }
  return {
    total: total / 100,
    count,
    left: Math.max(0, budget - total) / 100,
    minTotal: minTotal / 100,
    moreAllowed: Math.max(0, r.maxProjects - count),
    castable: problems.length === 0,
    problems,
    blocked,
  };
}

/**
 * Checks a ballot as it arrives at a server: a list of known, distinct project ids that keeps
 * every rule. Returns the ids, or the first problem (the error `code` the server answers with).
 */
export function checkBallot(
  rules: BallotRules,
  projects: readonly BallotProject[],
  chosen: unknown,
): { ok: true; ids: string[] } | { ok: false; problem: Problem } {
  if (!Array.isArray(chosen) || chosen.some((c) => typeof c !== 'string')) return { ok: false, problem: 'unknown-project' };
  const s = ballotState(rules, projects, chosen as string[]);
  return s.castable ? { ok: true, ids: [...new Set(chosen as string[])] } : { ok: false, problem: s.problems[0] };
}

// --- voting codes --------------------------------------------------------------------------

/**
 * The characters of a voting code: no two of them look alike (no O beside 0, no I or l beside 1,
 * no S/5, Z/2, B/8, U/V, G/6 pairs), so a code read off a printed sheet is typed right.
 */
export const CODE_ALPHABET = '0134679ACEFHJKMNPRTWXY';
export const CODE_LENGTH = 10;
/** What a visitor may type instead: look-alikes of the alphabet's characters. */
const LOOK_ALIKES: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', '|': '1', '!': '1', G: '6' };

/**
 * A typed code in its one canonical form: upper case, without spaces, hyphens or dots, and with
 * look-alike characters (O for 0, I or l for 1, G for 6) read as the alphabet's. Returns
 * undefined when it cannot be a code (wrong length or characters no code has).
 */
export function normalizeCode(input: string): string | undefined {
  const s = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·/]+/g, '')
    .replace(/./g, (c) => LOOK_ALIKES[c] ?? c);
  if (s.length !== CODE_LENGTH) return undefined;
  for (const c of s) if (!CODE_ALPHABET.includes(c)) return undefined;
  return s;
}

/** A code as printed: two groups of five (`AC3F7-KMN9X`). */
export const formatCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/** A new code from `random` (a function returning a uniform integer below its argument; the server passes crypto.randomInt). */
export function newCode(random: (below: number) => number): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return s;
}
