import { builtinStatusOf, type BuiltinStatus, TimelineSchema, type TimelineStep } from '../core/follow-through.js';
import type { FeedContext } from '../core/feed-types.js';
import type { Lang } from '../core/i18n.js';
import type { LocalText } from '../core/local-text.js';
import { safeUrl } from '../core/safe-url.js';
import { parseItems, parseShape } from '../core/validate.js';
import { describe, sentences } from '../core/valibot-messages.js';
import { reasonsFor, ruleOf, type Election, type Outcome, type RuleId } from './jugend-budget.outcome.js';
import * as v from 'valibot';
import { FeedSchema, PhaseSchema, ProjectSchema, ResultSchema, phaseIds } from './jugend-budget.schema.js';

export type PhaseId = (typeof phaseIds)[number];
export { phaseIds };

export interface Phase {
  id: PhaseId;
  start?: string;
  end?: string;
  title?: LocalText;
  text?: LocalText;
  url?: string;
}

export interface Project {
  id: string;
  title: string;
  description: string;
  group?: string;
  category?: string;
  cost: number;
  /** Not checked yet: undefined. */
  feasible?: boolean;
  feasibilityReason?: string;
  image?: { src: string; alt: string; credit?: string };
  location?: { label?: string; lat?: number; lng?: number };
  votes?: number;
  selected?: boolean;
  status?: BuiltinStatus | 'unknown';
  statusLabel?: string;
  statusReason?: string;
  progress?: number;
  timeline: TimelineStep[];
}

export interface BudgetFeed {
  title: string;
  intro?: LocalText;
  budget: number;
  currency: string;
  eligible?: LocalText;
  /** The rule as the feed names it (shown), and the one the widget can compute. */
  rule?: string;
  ruleId?: RuleId;
  /** Every phase the feed dates, in process order. */
  phases: Phase[];
  current: PhaseId;
  projects: Project[];
  /** Approval ballots as project indexes. */
  ballots?: number[][];
  /** Many ballots as they came: the widget converts them in slices (`ballotIndexes`) before it shows a result. */
  pendingBallots?: BallotList;
  /** The feed publishes the selection (`selected` on at least one project). */
  published: boolean;
  /** The comparison step's counts a server published with its result (`result.comparison`). */
  comparison?: Outcome['comparison'];
  /** The `voting` block as it came; the ballot's lazy chunk checks it. */
  voting?: unknown;
}

const day = (iso: string | undefined) => (iso ? Date.parse(iso.length === 10 ? `${iso}T00:00:00` : iso) : NaN);

/**
 * The phase a visitor is in: the feed's `phase`, else the last dated phase that has started
 * (before the first start: the first phase).
 */
export function currentPhase(phases: readonly Phase[], now = Date.now(), named?: PhaseId): PhaseId {
  if (named) return named;
  let current: PhaseId = phases[0]?.id ?? 'proposals';
  for (const p of phases) if (!Number.isNaN(day(p.start)) && day(p.start) <= now) current = p.id;
  return current;
}

/** The phase after `id` among the feed's phases. */
export function nextPhase(feed: Pick<BudgetFeed, 'phases'>, id: PhaseId): Phase | undefined {
  const i = feed.phases.findIndex((p) => p.id === id);
  return i >= 0 ? feed.phases[i + 1] : undefined;
}

/** Whether results (votes, funded or not) may be shown: only once voting has ended. */
export const showsResult = (phase: PhaseId) => phase === 'result' || phase === 'implementation';

/** Validates item by item: a broken project or phase is skipped with a warning, the rest is shown. */
export function parseBudgetFeed(raw: unknown, ctx: FeedContext): BudgetFeed {
  const en = ctx.lang === 'en';
  // Ballots are checked by hand below: 100,000 of them through the schema took one long task.
  // Not an object at all: the schema's own message, in the page's language ("expected an object").
  const { ballots: rawBallots, ...rest } = (raw ?? 0) as Record<string, unknown>;
  const feed = parseShape(FeedSchema, typeof raw == 'object' ? rest : raw, 'jugend-budget', ctx.lang);
  const phases = parseItems(PhaseSchema, feed.phases, ctx, 'phases')
    .map((p) => ({ ...p, url: safeUrl(p.url, ctx, `phases „${p.id}“: url`, p.id) }))
    .filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i)
    .sort((a, b) => phaseIds.indexOf(a.id) - phaseIds.indexOf(b.id));

  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const projects: Project[] = [];
  for (const item of parseItems(ProjectSchema, feed.projects, ctx, 'projects')) {
    if (seen.has(item.id)) {
      duplicates.add(item.id);
      continue;
    }
    seen.add(item.id);
    const where = `projects „${item.id}“`;
    let status: Project['status'];
    if (item.status) {
      status = builtinStatusOf(item.status) ?? 'unknown';
      if (status === 'unknown')
        ctx.warn(
          en
            ? `${where}: unknown status “${item.status}” – shown as text.`
            : `${where}: unbekannter Status „${item.status}“ – er wird als Text gezeigt.`,
          { code: 'value.unknown', path: `${where}: status`, item: item.id },
        );
    }
    if (item.cost === undefined)
      ctx.warn(
        en
          ? `${where}: no cost – counts as 0 and cannot use up the budget.`
          : `${where}: ohne Kosten (cost) – zählt mit 0 und kann das Budget nicht belasten.`,
        { code: 'value.unknown', path: `${where}: cost`, item: item.id },
      );
    const src = item.image && safeUrl(item.image.src, ctx, `${where}: image.src`, item.id);
    projects.push({
      id: item.id,
      title: item.title,
      description: item.description.trim(),
      group: item.group,
      category: item.category,
      cost: item.cost ?? 0,
      feasible: item.feasible,
      feasibilityReason: item.feasibilityReason,
      image: src ? { src, alt: item.image!.alt, credit: item.image!.credit } : undefined,
      location: item.location,
      votes: item.votes,
      selected: item.selected,
      status,
      statusLabel: status === 'unknown' ? item.status : undefined,
      statusReason: item.statusReason,
      progress: item.progress,
      timeline: parseItems(TimelineSchema, item.timeline, ctx, `${where}.timeline`)
        .map((t) => ({ date: t.date, text: t.text, url: safeUrl(t.url, ctx, `${where}: timeline.url`, item.id) }))
        .sort((a, b) => (day(a.date) || 0) - (day(b.date) || 0)),
    });
  }

  if (duplicates.size)
    ctx.warn(sentences.duplicates('projects', duplicates, ctx.lang), {
      code: 'item.duplicate',
      path: 'projects',
      item: [...duplicates][0],
      severity: 'error',
    });
  let ballots: number[][] | undefined;
  let pendingBallots: BallotList | undefined;
  const list = ballotList(rawBallots);
  if (rawBallots != null && !list)
    ctx.warn(
      en
        ? 'ballots is not a list of ballots – they do not count.'
        : 'ballots ist keine Liste von Stimmzetteln – die Stimmzettel zählen nicht.',
      BALLOTS,
    );
  // A few thousand ballots take a few milliseconds: now. More wait for the widget's slices.
  else if (list && list.length > 5_000) pendingBallots = list;
  else if (list) {
    const run = ballotIndexes(list, projects, (m) => ctx.warn(m, BALLOTS), ctx.lang);
    for (let r = run.next(); ; r = run.next()) {
      if (!r.done) continue;
      ballots = r.value;
      break;
    }
    countVotes(projects, ballots);
  }

  const ruleId = ruleOf(feed.rule);
  if (feed.rule && !ruleId)
    ctx.warn(
      en
        ? `rule “${feed.rule}” cannot be computed by the widget (greedy, equalshares/add1, equalshares/add1-comparison) – it shows only a published selection (selected).`
        : `rule „${feed.rule}“ kann das Widget nicht berechnen (greedy, equalshares/add1, equalshares/add1-comparison) – es zeigt nur eine veröffentlichte Auswahl (selected).`,
      { code: 'value.rule', path: 'rule' },
    );
  if (!feed.phase && phases.length === 0)
    ctx.warn(
      en
        ? 'Neither “phase” nor dated “phases” – the widget infers the phase from the data.'
        : 'Weder „phase“ noch datierte „phases“ – das Widget nimmt die Phase aus den Daten an.',
      { code: 'value.unknown', path: 'phase', severity: 'note' },
    );
  const published = projects.some((p) => p.selected !== undefined);
  const result = v.safeParse(ResultSchema, feed.result ?? {}, { lang: ctx.lang });
  if (!result.success)
    ctx.warn(
      en
        ? `result: ${describe(result.issues, ctx.lang)} – its comparison is not shown.`
        : `result: ${describe(result.issues, ctx.lang)} – sein Vergleich wird nicht gezeigt.`,
      { code: 'value.unknown', path: 'result' },
    );
  const hasVotes = !!pendingBallots || projects.some((p) => p.votes !== undefined);
  const named = feed.phase ?? (!phases.length ? (published || hasVotes ? 'result' : 'proposals') : undefined);
  return {
    title: feed.title,
    intro: feed.intro,
    budget: feed.budget,
    currency: (feed.currency ?? 'EUR').toUpperCase(),
    eligible: feed.eligible,
    rule: feed.rule,
    ruleId,
    phases,
    current: currentPhase(phases, Date.now(), named),
    projects,
    ballots,
    pendingBallots,
    published,
    comparison: result.success ? result.output.comparison : undefined,
    voting: feed.voting,
  };
}

/** Ballots as a list: an array, or a reader such as the Pabulib adapter's that splits each line only when it gets there. */
export type BallotList = Iterable<unknown> & { readonly length: number };

const BALLOTS = { code: 'value.unknown', path: 'ballots', severity: 'error' } as const;

function ballotList(raw: unknown): BallotList | undefined {
  const r = raw as Partial<BallotList> | null | undefined;
  return r && typeof r === 'object' && typeof r[Symbol.iterator] === 'function' && typeof r.length === 'number'
    ? (r as BallotList)
    : undefined;
}

/**
 * Approval ballots (lists of project ids) as project indexes, yielding every 1,024 ballots so the
 * widget can run it in slices. A ballot that is not a list is skipped, ids of projects the feed
 * does not have do not count, an id twice on one ballot counts once; `warn` says so.
 */
export function* ballotIndexes(
  list: BallotList,
  projects: readonly Project[],
  warn: (message: string) => void,
  lang: Lang,
): Generator<void, number[][] | undefined> {
  const index = new Map(projects.map((p, i) => [p.id, i]));
  const unknown = new Set<string>();
  const out: number[][] = [];
  let skipped = 0;
  let v = 0;
  for (const b of list) {
    if (++v % 1024 === 0) yield;
    if (!Array.isArray(b)) {
      skipped++;
      continue;
    }
    const row: number[] = [];
    for (const id of b) {
      const i = typeof id === 'string' || typeof id === 'number' ? index.get(String(id).trim()) : undefined;
      if (i === undefined) unknown.add(String(id));
      else if (!row.includes(i)) row.push(i);
    }
    out.push(row);
  }
  const en = lang === 'en';
  if (skipped)
    warn(
      en
        ? `ballots: ${skipped} ballot(s) are not a list of project ids – they do not count.`
        : `ballots: ${skipped} Stimmzettel sind keine Liste von Projekt-IDs – sie zählen nicht.`,
    );
  const ids = [...unknown].slice(0, 5).join(', ');
  if (unknown.size)
    warn(
      en
        ? `ballots name projects the feed does not have: ${ids} – these votes do not count.`
        : `ballots nennen Projekte, die es im Feed nicht gibt: ${ids} – diese Stimmen zählen nicht.`,
    );
  return out.length ? out : undefined;
}

/** Votes follow from the ballots for projects that do not carry them. */
export function countVotes(projects: Project[], ballots: readonly (readonly number[])[] = []): void {
  const counts = new Array<number>(projects.length).fill(0);
  for (const b of ballots) for (const i of b) counts[i]++;
  projects.forEach((p, i) => (p.votes ??= counts[i]));
}

/** The feed as the rules see it (projects not checked yet count as feasible). */
export function electionOf(feed: BudgetFeed): Election {
  return {
    budget: feed.budget,
    projects: feed.projects.map((p) => ({ id: p.id, cost: p.cost, votes: p.votes ?? 0, feasible: p.feasible !== false })),
    ballots: feed.ballots,
  };
}

/** The published selection as an outcome, with the reasons the widget can tell. */
export function publishedOutcome(feed: BudgetFeed): Outcome {
  const selected = feed.projects.filter((p) => p.selected).map((p) => p.id);
  const chosen = new Set(selected);
  const cost = feed.projects.reduce((s, p) => s + (chosen.has(p.id) ? p.cost : 0), 0);
  return {
    rule: feed.ruleId ?? 'greedy',
    selected,
    cost,
    reasons: reasonsFor(electionOf(feed), chosen, cost, 'rule'),
    comparison: feed.comparison,
  };
}

/** Projects in vote order (most votes first; ties: lower cost, then feed order) with the running total of the funded ones. */
export function voteOrder(feed: BudgetFeed, outcome: Outcome): { project: Project; funded: boolean; cumulative: number }[] {
  const chosen = new Set(outcome.selected);
  const order = feed.projects
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (b.p.votes ?? 0) - (a.p.votes ?? 0) || a.p.cost - b.p.cost || a.i - b.i);
  let sum = 0;
  return order.map(({ p }) => {
    const funded = chosen.has(p.id);
    if (funded) sum += p.cost;
    return { project: p, funded, cumulative: sum };
  });
}
