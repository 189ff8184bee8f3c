/**
 * Eligibility rules as data, and a small evaluator. A rule is a tree:
 * - `all` / `any` with `of: Rule[]`
 * - number rules with `min` and/or `max`: `age` (years of age), `hoursPerWeek`, `hoursPerYear`,
 *   `years` (years of volunteering), `allowance` (euros of expense allowance per year, e.g. the
 *   Ehrenamtspauschale as a cap: `{ "type": "allowance", "max": 960 }`)
 * - `flag`: a yes/no question (`id`, `question`), e.g. a Juleica card or a finished basic training
 * - `text`: a condition only the issuing office can check; shown, never evaluated.
 * Rules of any other type are kept as `text` (with their `label`/`text`), never dropped.
 */
import type { FeedContext } from '../core/feed-types.js';

export type { LocalText } from '../core/local-text.js';
import type { LocalText } from '../core/local-text.js';

export const numberTypes = ['age', 'hoursPerWeek', 'hoursPerYear', 'years', 'allowance'] as const;
export type NumberType = (typeof numberTypes)[number];

export type Rule =
  | { type: 'all' | 'any'; of: Rule[]; label?: LocalText }
  | { type: NumberType; min?: number; max?: number; label?: LocalText }
  | { type: 'flag'; id: string; question: LocalText; label?: LocalText }
  | { type: 'text'; text: LocalText; unknownType?: string };

/** Values typed into the form. Hours are one question (a number and a unit). */
export interface Answers {
  age?: number;
  hoursPerWeek?: number;
  hoursPerYear?: number;
  years?: number;
  allowance?: number;
  flags: Record<string, boolean>;
}

export type State = 'yes' | 'no' | 'open';

export interface Outcome {
  rule: Rule;
  state: State;
  children?: Outcome[];
  /** The visitor's value for number rules. */
  value?: number;
  /** How far the value is from the limit (always positive) when the rule is not met. */
  gap?: number;
}

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

export function isLocalText(x: unknown): x is LocalText {
  return (typeof x === 'string' && x.trim() !== '') || (isObject(x) && typeof x.de === 'string' && x.de.trim() !== '');
}

const num = (x: unknown) =>
  typeof x === 'number' && Number.isFinite(x)
    ? x
    : typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x))
      ? Number(x)
      : undefined;

/**
 * Turns feed data into a Rule. Anything that cannot be evaluated becomes a `text` rule that is
 * shown as it is written, with a warning for the webmaster.
 */
/** A value as short JSON text; what cannot be written (nested too deeply) as "…". */
function json(raw: unknown): string {
  try {
    return JSON.stringify(raw).slice(0, 200);
  } catch {
    return '…';
  }
}

/** Rules nest (all/any); deeper than this is no rule anyone writes, and would exhaust the stack. */
const MAX_DEPTH = 12;

export function normalizeRule(raw: unknown, where: string, ctx: FeedContext, depth = 0): Rule {
  const en = ctx.lang === 'en';
  /** `why` in German and English; the rule is shown as its text. */
  const asText = (de: string, english: string): Rule => {
    const o = isObject(raw) ? raw : {};
    const shown = [o.text, o.label, o.question].find(isLocalText) ?? (typeof raw === 'string' ? raw : json(raw));
    ctx.warn(en ? `${where}: ${english} – shown as text.` : `${where}: ${de} – wird als Text angezeigt.`, {
      code: 'value.rule',
      path: where,
    });
    return { type: 'text', text: shown, unknownType: typeof o.type === 'string' ? o.type : undefined };
  };
  if (typeof raw === 'string' && raw.trim()) return { type: 'text', text: raw.trim() };
  if (!isObject(raw)) return asText('Regel ist kein Objekt', 'rule is not an object');
  const label = isLocalText(raw.label) ? raw.label : undefined;
  const type = raw.type;
  if (type === 'all' || type === 'any') {
    if (!Array.isArray(raw.of) || raw.of.length === 0) return asText(`„${type}“ ohne Liste „of“`, `“${type}” without a list “of”`);
    if (depth >= MAX_DEPTH)
      return asText(`mehr als ${MAX_DEPTH} Ebenen „all“/„any“ verschachtelt`, `more than ${MAX_DEPTH} levels of “all”/“any” nested`);
    return { type, of: raw.of.map((r, i) => normalizeRule(r, `${where}.of[${i}]`, ctx, depth + 1)), label };
  }
  if ((numberTypes as readonly unknown[]).includes(type)) {
    const min = num(raw.min);
    const max = num(raw.max);
    if (min === undefined && max === undefined)
      return asText(`„${String(type)}“ ohne „min“ oder „max“`, `“${String(type)}” without “min” or “max”`);
    return { type: type as NumberType, min, max, label };
  }
  if (type === 'flag') {
    const question = isLocalText(raw.question) ? raw.question : label;
    if (typeof raw.id !== 'string' || !raw.id.trim() || !question)
      return asText('„flag“ braucht „id“ und „question“', '“flag” needs “id” and “question”');
    return { type: 'flag', id: raw.id.trim(), question, label };
  }
  if (type === 'text' && isLocalText(raw.text)) return { type: 'text', text: raw.text };
  return asText(`unbekannter Regeltyp „${String(type)}“`, `unknown rule type “${String(type)}”`);
}

/** Tri-state logic: `all` fails on any `no`; `any` passes on any `yes`; otherwise `open`. */
export function evaluate(rule: Rule, answers: Answers): Outcome {
  switch (rule.type) {
    case 'all':
    case 'any': {
      const children = rule.of.map((r) => evaluate(r, answers));
      const states = children.map((c) => c.state);
      const decisive = rule.type === 'all' ? 'no' : 'yes';
      const state: State = states.includes(decisive) ? decisive : states.includes('open') ? 'open' : rule.type === 'all' ? 'yes' : 'no';
      return { rule, state, children };
    }
    case 'flag':
      return { rule, state: Object.hasOwn(answers.flags, rule.id) && answers.flags[rule.id] ? 'yes' : 'no' };
    case 'text':
      return { rule, state: 'open' };
    default: {
      const value = answers[rule.type];
      if (value === undefined || Number.isNaN(value)) return { rule, state: 'open' };
      if (rule.min !== undefined && value < rule.min) return { rule, state: 'no', value, gap: round(rule.min - value) };
      if (rule.max !== undefined && value > rule.max) return { rule, state: 'no', value, gap: round(value - rule.max) };
      return { rule, state: 'yes', value };
    }
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

export interface Questions {
  numbers: Set<NumberType>;
  flags: Map<string, LocalText>;
}

/** The questions a set of rules needs: only those are asked. */
export function questionsFor(rules: Rule[]): Questions {
  const q: Questions = { numbers: new Set(), flags: new Map() };
  const walk = (r: Rule) => {
    if (r.type === 'all' || r.type === 'any') r.of.forEach(walk);
    else if (r.type === 'flag') {
      if (!q.flags.has(r.id)) q.flags.set(r.id, r.question);
    } else if (r.type !== 'text') q.numbers.add(r.type);
  };
  rules.forEach(walk);
  return q;
}

/** Text conditions and unanswered questions that keep an outcome open. */
export function openLeaves(o: Outcome): Outcome[] {
  if (o.state !== 'open') return [];
  if (!o.children) return [o];
  return o.children.flatMap(openLeaves);
}
