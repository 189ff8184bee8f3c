import type { IdeaInput } from './idea-wall.schema.js';

type Raw = Record<string, unknown>;

const isNum = (x: unknown): x is number => typeof x == 'number' && x == x; // valibot's number(): no NaN
const isStr = (x: unknown): x is string => typeof x == 'string';
const no = () => false;
/** valibot's union([string(), number()]). */
const strOrNum = (x: unknown) => isStr(x) || isNum(x);

/** Longer texts are cut by the schema (core/validate.ts): not plain. */
const MAX = 2e4;
/** The texts of a plain idea (trimmed; empty is absent, and for the title not plain). */
const texts = 'title reference created author group status statusReason nextSteps responsible due'.split(' ');

/** Fields taken as they are when they have the schema's type. */
const plain: Record<string, (x: unknown) => boolean> = {
  description: isStr,
  category: strOrNum,
  tags: (x) => Array.isArray(x) && x.every(isStr),
  supporters: (x) => Number.isInteger(x) && (x as number) >= 0,
  readOnly: (x) => x === !!x, // a boolean
  progress: (x) => isNum(x) && x >= 0 && x <= 100,
  timeline: Array.isArray,
  // Objects of their own: the schema reads them.
  answer: no,
  image: no,
  location: no,
};

/**
 * The idea schema's output for an idea of plain fields (strings, numbers, lists), without
 * valibot: its object and pipe steps for every field were most of the time a 1,000-idea wall
 * spent reading its feed before the first frame. Anything else (a missing title, a wrong type,
 * a text too long, `answer`, `image`, `location`) returns undefined: then the schema reads the
 * feed (idea-wall.model.ts), so every message about bad data is valibot's own.
 * test/unit/plain-idea.test.mjs compares both outputs.
 */
export function plainIdea(item: unknown): IdeaInput | undefined {
  // An array passes valibot's object() too (and then lacks `id`): no check of its own.
  if (!item || typeof item != 'object') return;
  const r = item as Raw;
  const id = strOrNum(r.id) && String(r.id).trim();
  if (!id) return;
  const out: Raw = { id, description: '', tags: [], timeline: [] };
  for (const k of texts)
    if (k in r) {
      const s = r[k];
      if (!isStr(s) || s.length > MAX) return;
      out[k] = s.trim() || undefined;
    }
  for (const k in plain)
    if (k in r) {
      if (!plain[k](r[k])) return;
      out[k] = r[k];
    }
  // The title is the one text an idea must have.
  if (out.title) return out as IdeaInput;
}
