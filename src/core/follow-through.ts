/**
 * The follow-through vocabulary shared by every widget that shows what became of an idea or a
 * funded project (idea wall, youth budget). Order is the story: new → under review → planned →
 * in progress → done; declined and withdrawn end it. Icons are shapes that fill up as an item
 * moves on, so the status reads without colour.
 */
import * as v from 'valibot';
import { fold } from './text.js';
import { optionalText, text } from './validate.js';

export const builtinStatuses = ['new', 'review', 'planned', 'in-progress', 'done', 'declined', 'withdrawn'] as const;
export type BuiltinStatus = (typeof builtinStatuses)[number];

export const statusIcon: Record<string, string> = {
  new: '○',
  review: '◔',
  planned: '◑',
  'in-progress': '◕',
  done: '●',
  declined: '✕',
  withdrawn: '⊘',
  custom: '◆',
  unknown: '?',
};

/** Other platforms' and German names for the built-in statuses (folded, dashes for spaces). */
export const statusAliases: Record<string, BuiltinStatus> = {
  neu: 'new',
  'not-answered': 'new',
  published: 'new',
  open: 'new',
  offen: 'new',
  'in-prufung': 'review',
  prufung: 'review',
  evaluating: 'review',
  'under-consideration': 'review',
  'in-bearbeitung': 'review',
  geplant: 'planned',
  accepted: 'planned',
  angenommen: 'planned',
  'in-umsetzung': 'in-progress',
  umsetzung: 'in-progress',
  started: 'in-progress',
  implementation: 'in-progress',
  umgesetzt: 'done',
  implemented: 'done',
  completed: 'done',
  abgeschlossen: 'done',
  'nicht-weiterverfolgt': 'declined',
  rejected: 'declined',
  abgelehnt: 'declined',
  unfeasible: 'declined',
  zuruckgezogen: 'withdrawn',
  retired: 'withdrawn',
};

/** "In Umsetzung" → "in-umsetzung": what status names are compared by. */
export const statusSlug = (s: string): string =>
  fold(s)
    .trim()
    .replace(/[\s_]+/g, '-');

/** The built-in status a name (id, alias, German or platform name) stands for, if any. */
export function builtinStatusOf(name: string | undefined): BuiltinStatus | undefined {
  if (!name) return undefined;
  if ((builtinStatuses as readonly string[]).includes(name)) return name as BuiltinStatus;
  const key = statusSlug(name);
  return (
    (Object.hasOwn(statusAliases, key) ? statusAliases[key] : undefined) ??
    ((builtinStatuses as readonly string[]).includes(key) ? (key as BuiltinStatus) : undefined)
  );
}

/** One dated step of what happened (decision, order placed, opening). */
export const TimelineSchema = v.object({
  date: optionalText(),
  text: text(),
  url: optionalText(),
});

export interface TimelineStep {
  date?: string;
  text: string;
  url?: string;
}
