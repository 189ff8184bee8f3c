import type * as v from 'valibot';
import type { LocationSchema, PartnerSchema } from './ehrenamt-card.schema.js';

type Raw = Record<string, unknown>;
type Read = (x: unknown) => unknown;

/** Not plain: the schema reads it (and says what is wrong). */
const NO = {};
const isNum = (x: unknown): x is number => typeof x == 'number' && x == x; // valibot's number(): no NaN
/** optionalText(): trimmed, empty is absent; longer texts are cut by the schema (core/validate.ts), so not plain. */
const optText: Read = (x) => (x === undefined ? x : typeof x == 'string' && x.length <= 2e4 ? x.trim() || undefined : NO);
/** text(): trimmed, not empty. */
const text: Read = (x) => optText(x) ?? NO;
const opt =
  (read: Read): Read =>
  (x) =>
    x === undefined ? x : read(x);
/** union([text(), number()]). */
const id = opt((x) => (isNum(x) ? x : text(x)));
/** `"…"` or `{ "de": "…", "en": "…" }` (core/local-text.ts). */
const local = opt((x) => {
  if (typeof x == 'string') return text(x);
  if (!x || typeof x != 'object' || Array.isArray(x)) return NO;
  const r = x as Raw;
  const de = text(r.de);
  const en = optText(r.en);
  return de === NO || en === NO ? NO : 'en' in r ? { de, en } : { de };
});
const inRange = (max: number) => opt((x) => (isNum(x) && x >= -max && x <= max ? x : NO));

const partner: Record<string, Read> = {
  id,
  name: text,
  category: id,
  benefit: local,
  locations: opt((x) => (Array.isArray(x) ? [...x] : NO)),
  website: optText,
  phone: optText,
  email: optText,
  hours: local,
};

const location: Record<string, Read> = {
  street: optText,
  postalCode: opt((x) => (typeof x == 'string' || isNum(x) ? x : NO)),
  city: optText,
  lat: inRange(90),
  lng: inRange(180),
};

/** valibot's object(): the schema's keys present in the item (an absent required one reads as undefined). */
function read(fields: Record<string, Read>, item: unknown, required?: string): Raw | undefined {
  if (!item || typeof item != 'object') return;
  const r = item as Raw;
  const out: Raw = {};
  for (const k in fields)
    if (k in r || k == required) {
      const value = fields[k](r[k]);
      if (value === NO) return;
      out[k] = value;
    }
  return out;
}

/**
 * The schemas' output for a partner and a place of plain fields, without valibot: its object and
 * pipe steps for each of the programme's partners ran on the way to the card's first frame
 * (issue 18; the idea wall's idea-wall.plain.ts). Anything else (a missing name, a wrong type, a
 * text too long) returns undefined: then the schema reads it (ehrenamt-card.model.ts), so every
 * message about bad data is valibot's own. test/unit/plain-partner.test.mjs compares both outputs.
 */
export const plainPartner = (item: unknown) => read(partner, item, 'name') as v.InferOutput<typeof PartnerSchema> | undefined;
export const plainLocation = (item: unknown) => read(location, item) as v.InferOutput<typeof LocationSchema> | undefined;
