import * as v from 'valibot';
import { FeedError } from './feed-error.js';
import type { FeedContext } from './feed-types.js';
import type { Lang } from './i18n.js';
import { describe, sentences } from './valibot-messages.js';

/**
 * Validates a whole object; throws a FeedError('shape') naming the field when it does not fit.
 * Messages in `lang` (the page's language; German when absent).
 */
export function parseShape<S extends v.GenericSchema>(schema: S, raw: unknown, what: string, lang: Lang = 'de'): v.InferOutput<S> {
  const result = v.safeParse(schema, raw, { lang });
  if (result.success) return result.output;
  throw new FeedError('shape', `${what}: ${describe(result.issues, lang)}`);
}

/**
 * Validates a list item by item: invalid items are skipped with one warning each naming the
 * item (its id or title, else its position) and the field. Throws when items existed but none
 * is valid, so the visitor sees an error instead of a misleading "empty" state.
 */
export function parseItems<S extends v.GenericSchema>(schema: S, list: unknown, ctx: FeedContext, what: string): v.InferOutput<S>[] {
  if (list == null) return [];
  const { lang } = ctx;
  if (!Array.isArray(list)) throw new FeedError('shape', sentences.notAList(what, typeof list, lang));
  const out: v.InferOutput<S>[] = [];
  list.forEach((item, index) => {
    const result = v.safeParse(schema, item, { lang });
    if (result.success) out.push(result.output);
    else
      ctx.warn(sentences.skipped(`${what}[${index}]${label(item, lang)}`, result.issues, lang), {
        code: 'item.invalid',
        path: `${what}[${index}]`,
        severity: 'error',
      });
  });
  if (list.length > 0 && out.length === 0) {
    throw new FeedError('no-valid-item', sentences.noneValid(what, list.length, lang));
  }
  return out;
}

function label(item: unknown, lang: Lang): string {
  if (!item || typeof item !== 'object') return '';
  const o = item as Record<string, unknown>;
  const name = o.id ?? o.title ?? o.name;
  if (typeof name !== 'string' && typeof name !== 'number') return '';
  const shown = String(name).slice(0, 40);
  return lang === 'en' ? ` (“${shown}”)` : ` („${shown}“)`;
}

/** A non-empty, trimmed string. */
/** Feed text longer than this is cut (with …): no card or list grows without end. */
const MAX_TEXT = 20000;
const cut = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);
export const text = () => v.pipe(v.string(), v.trim(), v.minLength(1), v.transform(cut));
/** An optional string; empty becomes undefined. */
export const optionalText = () =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.transform((s) => (s === '' ? undefined : cut(s))),
    ),
  );
