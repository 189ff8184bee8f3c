import * as v from 'valibot';
import { TimelineSchema } from '../core/follow-through.js';
import { localTextSchema } from '../core/local-text.js';
import { optionalText, text } from '../core/validate.js';

/** Ids may be numbers in exported data (Pabulib, spreadsheets); they are used as text. */
const id = () => v.pipe(v.union([v.string(), v.number()]), v.transform(String), v.trim(), v.minLength(1, 'darf nicht leer sein'));
const amount = () => v.pipe(v.number(), v.finite(), v.minValue(0, 'darf nicht negativ sein'));
/** A date (`2025-03-01`) or a date and time. */
const date = () => v.optional(v.pipe(v.string(), v.trim(), v.regex(/^\d{4}-\d{2}-\d{2}/, 'Datum als JJJJ-MM-TT')));

/** The steps of a youth budget, in their order. */
export const phaseIds = ['proposals', 'check', 'vote', 'result', 'implementation'] as const;

export const PhaseSchema = v.object({
  /** `proposals` → `check` → `vote` → `result` → `implementation`. */
  id: v.picklist(phaseIds, 'eine der Phasen proposals, check, vote, result, implementation'),
  start: date(),
  end: date(),
  /** Replaces the phase's built-in name. */
  title: v.optional(localTextSchema()),
  /** What happens in this phase, in the town's words (where to hand in, who checks, how to vote). */
  text: v.optional(localTextSchema()),
  /** A link for this phase (proposal form, voting page). */
  url: optionalText(),
});

export const ProjectSchema = v.object({
  id: id(),
  title: text(),
  description: v.optional(v.string(), ''),
  /** Who proposed it, as a group (a youth club, a class): never a minor's name. */
  group: optionalText(),
  category: optionalText(),
  /** The administration's cost estimate. */
  cost: v.optional(amount()),
  /** The administration's check: `false` with `feasibilityReason` when it cannot be done. */
  feasible: v.optional(v.boolean()),
  feasibilityReason: optionalText(),
  image: v.optional(v.object({ src: text(), alt: v.optional(v.string(), ''), credit: optionalText() })),
  location: v.optional(v.object({ label: optionalText(), lat: v.optional(v.number()), lng: v.optional(v.number()) })),
  /** Votes; the feed leaves them out while voting is open. */
  votes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** The published result; when no project has it, the widget computes the result by `rule`. */
  selected: v.optional(v.boolean()),
  /** Follow-through status of a funded project (the idea wall's vocabulary: planned, in-progress, done …). */
  status: optionalText(),
  statusReason: optionalText(),
  progress: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
  timeline: v.optional(v.array(v.unknown()), []),
});

const count = () => v.pipe(v.number(), v.integer(), v.minValue(0));

/** A result as a server counted it (the WordPress plugin), next to `selected` on the projects. */
export const ResultSchema = v.object({
  rule: optionalText(),
  selected: v.optional(v.array(id())),
  cost: v.optional(amount()),
  ties: optionalText(),
  /** The comparison step (`equalshares/add1-comparison`): how many voters prefer which outcome, and which one counts. */
  comparison: v.optional(v.object({ shares: count(), greedy: count(), chosen: v.picklist(['shares', 'greedy']) })),
});

export const FeedSchema = v.object({
  schemaVersion: v.optional(v.number()),
  title: text(),
  intro: v.optional(localTextSchema()),
  /** The sum young people decide over. */
  budget: v.pipe(v.number(), v.finite(), v.minValue(0, 'darf nicht negativ sein')),
  /** ISO 4217 code, `EUR` when absent. */
  currency: optionalText(),
  /** Who may propose and vote, e.g. "12–21 Jahre, wohnhaft in Sonnenberg". */
  eligible: v.optional(localTextSchema()),
  /** `greedy`, `equalshares/add1` or `equalshares/add1-comparison` (Pabulib's names); others are shown, not computed. */
  rule: optionalText(),
  /** The current phase; taken from the dates when absent. */
  phase: v.optional(v.picklist(phaseIds, 'eine der Phasen proposals, check, vote, result, implementation')),
  phases: v.optional(v.array(v.unknown()), []),
  projects: v.optional(v.array(v.unknown()), []),
  /** Approval ballots as lists of project ids (needed for equal shares; no personal data). */
  ballots: v.optional(v.array(v.array(id()))),
  /** Online voting (the ballot checks it in its own lazy chunk; see VotingSchema for the fields). */
  voting: v.optional(v.unknown()),
  /** A published result's details (see ResultSchema); read apart, so a broken one loses only itself. */
  result: v.optional(v.unknown()),
});

/**
 * The `voting` block: where the ballot casts, how voters identify, the ballot rules (for the JSON Schema).
 * Built in a pure-annotated call, as `documentSchema`: the widget's bundle leaves it out.
 */
export const VotingSchema = /* @__PURE__ */ (() =>
  v.object({
    /** Where the ballot POSTs `{ code | voter, projects }` (the write contract). */
    url: text(),
    /** `code`: a one-time code per voter (default); `browser`: one vote per browser. */
    access: v.optional(v.picklist(['code', 'browser'])),
    /** The chosen projects may cost at most the budget (knapsack; default true). */
    withinBudget: v.optional(v.boolean()),
    maxProjects: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    minProjects: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    /** Share of the budget a ballot must reach, 0–1 (Decidim's minimum percentage). */
    minShare: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
    opens: optionalText(),
    closes: optionalText(),
  }))();

/**
 * The whole feed, strictly, for the generated JSON Schema and the feed checker (the widget itself validates
 * item by item). Built in a pure-annotated call: the widget's bundle drops it instead of building it (and
 * `VotingSchema`) at import on every page view.
 */
export const documentTitle = 'stadttraum <jugend-budget> feed';
export const documentSchema = /* @__PURE__ */ (() =>
  v.object({
    ...FeedSchema.entries,
    phases: v.optional(v.array(PhaseSchema)),
    voting: v.optional(VotingSchema),
    result: v.optional(ResultSchema),
    projects: v.optional(v.array(v.object({ ...ProjectSchema.entries, timeline: v.optional(v.array(TimelineSchema)) }))),
  }))();
