/**
 * Validation messages in the page's language, written by the project: valibot's own are
 * English fragments ("Invalid type: Expected number but received \"12\""). Registered per
 * language with setGlobalMessage; parsers pass `{ lang }`. Also the sentences around them
 * (skipped item, not a list, nothing valid). Lives in the valibot chunk (rollup.config.mjs),
 * next to what it explains, not in the core chunk.
 */
import * as v from 'valibot';
import { pluralOne, type Lang } from './i18n.js';

type Issue = v.BaseIssue<unknown>;

const typeNames: Record<string, [string, string]> = {
  number: ['eine Zahl', 'a number'],
  string: ['Text', 'text'],
  boolean: ['ja/nein (true/false)', 'yes/no (true/false)'],
  Object: ['ein Objekt { … }', 'an object { … }'],
  Array: ['eine Liste [ … ]', 'a list [ … ]'],
  null: ['nichts (null)', 'nothing (null)'],
  undefined: ['nichts', 'nothing'],
};

/** "number" → "eine Zahl"; `"12"` stays a quoted value; unions ("number | string") by part. */
function named(value: string | null, en: boolean): string {
  if (value == null) return '?';
  return value
    .split(' | ')
    .map((part) => (Object.hasOwn(typeNames, part) ? typeNames[part][en ? 1 : 0] : part))
    .join(en ? ' or ' : ' oder ');
}

function message(issue: Issue, en: boolean): string {
  const need = String(issue.requirement ?? '');
  switch (issue.type) {
    case 'min_length':
      return need === '1'
        ? en
          ? 'must not be empty'
          : 'darf nicht leer sein'
        : en
          ? `too short (at least ${need})`
          : `zu kurz (mindestens ${need})`;
    case 'max_length':
      return en ? `too long (at most ${need})` : `zu lang (höchstens ${need})`;
    case 'min_value':
      return en ? `too small (at least ${need}, is ${issue.received})` : `zu klein (mindestens ${need}, ist ${issue.received})`;
    case 'max_value':
      return en ? `too large (at most ${need}, is ${issue.received})` : `zu groß (höchstens ${need}, ist ${issue.received})`;
    case 'integer':
      return en ? `not a whole number (${issue.received})` : `keine ganze Zahl (${issue.received})`;
    case 'regex':
      return en ? `not in the expected form (${issue.received})` : `nicht in der erwarteten Form (${issue.received})`;
    case 'union':
    case 'variant':
      return en
        ? `expected ${named(issue.expected, en)}, received ${named(issue.received, en)}`
        : `erwartet ${named(issue.expected, en)}, erhalten ${named(issue.received, en)}`;
  }
  if (issue.kind === 'schema') {
    // A missing key: valibot expects the key's name ("\"benches\"") and receives undefined.
    if (issue.received === 'undefined' && /^"/.test(issue.expected ?? '')) return en ? 'missing' : 'fehlt';
    return en
      ? `expected ${named(issue.expected, en)}, received ${named(issue.received, en)}`
      : `erwartet ${named(issue.expected, en)}, erhalten ${named(issue.received, en)}`;
  }
  return en ? 'invalid value' : 'ungültiger Wert';
}

v.setGlobalMessage((issue) => message(issue, false), 'de');
v.setGlobalMessage((issue) => message(issue, true), 'en');

/** "ideas[3].title" from a valibot issue path. */
function pathOf(issue: Issue): string {
  return (issue.path ?? [])
    .map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`))
    .join('')
    .replace(/^\./, '');
}

/** The first three issues as "benches[2].name: fehlt; …". */
export function describe(issues: readonly Issue[], lang: Lang): string {
  return issues
    .slice(0, 3)
    .map((i) => `${pathOf(i) || (lang === 'en' ? 'value' : 'Wert')}: ${i.message}`)
    .join('; ');
}

/** „a“, „b“ … (12): up to ten values, quoted as the language quotes. */
const listOf = (values: Iterable<string>, en: boolean): string => {
  const all = [...values];
  return (
    all
      .slice(0, 10)
      .map((x) => (en ? `“${x}”` : `„${x}“`))
      .join(', ') + (all.length > 10 ? ` … (${all.length})` : '')
  );
};

/** What a widget does with an unknown value, for `sentences.unknown`. */
const fallbacks = {
  id: ['werden mit ihrer ID angezeigt', 'shown with their id'],
  unknown: ['werden als „unbekannt“ angezeigt', 'shown as “unknown”'],
  text: ['werden als Text angezeigt', 'shown as text'],
  default: ['die Standardfarbe wird verwendet', 'the default colour is used'],
} as const;

/**
 * Sentences the feed parsers of every widget share, in both languages: they travel here (the
 * valibot chunk every widget loads) instead of once per widget chunk.
 */
export const sentences = {
  /** "ideas: doppelte ID(s) „a“ – jeweils nur der erste Eintrag wird gezeigt." */
  duplicates: (what: string, ids: Iterable<string>, lang: Lang) =>
    lang === 'en'
      ? `${what}: duplicate id(s) ${listOf(ids, true)} – only the first entry of each is shown.`
      : `${what}: doppelte ID(s) ${listOf(ids, false)} – jeweils nur der erste Eintrag wird gezeigt.`,
  /** "statuses: unbekannt „x“ (nicht in „statuses“) – werden als Text angezeigt." */
  unknown: (what: string, values: Iterable<string>, fallback: keyof typeof fallbacks, lang: Lang) =>
    lang === 'en'
      ? `${what}: unknown ${listOf(values, true)} (not in “${what}”) – ${fallbacks[fallback][1]}.`
      : `${what}: unbekannt ${listOf(values, false)} (nicht in „${what}“) – ${fallbacks[fallback][0]}.`,
  skipped: (where: string, issues: readonly Issue[], lang: Lang) =>
    `${where} ${lang === 'en' ? 'skipped' : 'übersprungen'} – ${describe(issues, lang)}`,
  notAList: (what: string, type: string, lang: Lang) =>
    lang === 'en' ? `“${what}” must be a list, but is ${type}.` : `„${what}“ muss eine Liste sein, ist aber ${type}.`,
  /** By the language's plural rules: one entry is "the one entry", not "none of the 1 entries". */
  noneValid: (what: string, n: number, lang: Lang) => {
    const one = pluralOne(n);
    return lang === 'en'
      ? `${one ? 'The one entry' : `None of the ${n} entries`} in “${what}” is ${one ? 'not ' : ''}valid (details in the notes before).`
      : `${one ? 'Der eine Eintrag' : `Keiner der ${n} Einträge`} in „${what}“ ist ${one ? 'un' : ''}gültig (Details in den Hinweisen davor).`;
  },
};
