import * as v from 'valibot';
import { FeedError } from './feed-error.js';
import type { FeedContext } from './feed-types.js';

/** "ideas[3].title" from a valibot issue path. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('').replace(/^\./, '');
}

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${pathOf(i) || 'Wert'}: ${i.message}`)
    .join('; ');
}

/** Validates a whole object; throws a FeedError('shape') naming the field when it does not fit. */
export function parseShape<S extends v.GenericSchema>(schema: S, raw: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, raw);
  if (result.success) return result.output;
  throw new FeedError('shape', `${what}: ${describe(result.issues)}`);
}

/**
 * Validates a list item by item: invalid items are skipped with one warning each naming the
 * item (its id or title, else its position) and the field. Throws when items existed but none
 * is valid, so the visitor sees an error instead of a misleading "empty" state.
 */
export function parseItems<S extends v.GenericSchema>(
  schema: S,
  list: unknown,
  ctx: FeedContext,
  what: string,
): v.InferOutput<S>[] {
  if (list == null) return [];
  if (!Array.isArray(list)) throw new FeedError('shape', `„${what}“ muss eine Liste sein, ist aber ${typeof list}.`);
  const out: v.InferOutput<S>[] = [];
  list.forEach((item, index) => {
    const result = v.safeParse(schema, item);
    if (result.success) out.push(result.output);
    else ctx.warn(`${what}[${index}]${label(item)} übersprungen – ${describe(result.issues)}`, { code: 'item.invalid', path: `${what}[${index}]`, severity: 'error' });
  });
  if (list.length > 0 && out.length === 0) {
    throw new FeedError('no-valid-item', `Keiner der ${list.length} Einträge in „${what}“ ist gültig (Details in den Hinweisen davor).`);
  }
  return out;
}

function label(item: unknown): string {
  if (!item || typeof item !== 'object') return '';
  const o = item as Record<string, unknown>;
  const name = o.id ?? o.title ?? o.name;
  return typeof name === 'string' || typeof name === 'number' ? ` („${String(name).slice(0, 40)}“)` : '';
}

/** A non-empty, trimmed string. */
export const text = () => v.pipe(v.string(), v.trim(), v.minLength(1, 'darf nicht leer sein'));
/** An optional string; empty becomes undefined. */
export const optionalText = () =>
  v.optional(v.pipe(v.string(), v.trim(), v.transform((s) => (s === '' ? undefined : s))));
