import * as v from 'valibot';
import { optionalText, text } from './validate.js';

/** Feed text in one language, or per language: `"Gefördert durch"` or `{ "de": "…", "en": "…" }`. */
export type LocalText = string | { de: string; en?: string };

export const localTextSchema = () => v.union([text(), v.object({ de: text(), en: optionalText() })]);

/** The text for a language, falling back to German. */
export function pick(t: LocalText | undefined, lang: string): string {
  if (t === undefined) return '';
  return typeof t === 'string' ? t : (lang === 'en' && t.en) || t.de;
}
