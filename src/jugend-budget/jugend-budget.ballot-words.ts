import type { Lang } from '../core/i18n.js';
import { normalizeRules, type BallotRules, type BallotState, type Block } from './jugend-budget.ballot.js';

/**
 * What a ballot's state means, in words a young voter understands (German: "du"), with plurals
 * by Intl.PluralRules. Pure: the ballot shows it, tests read it.
 */
const words = {
  de: {
    total: '{total} von {budget} ausgewählt, noch {left} übrig.',
    totalOpen: '{total} ausgewählt.',
    chosen: { one: '{n} Projekt gewählt.', other: '{n} Projekte gewählt.' },
    more: { one: 'Du kannst noch {n} Projekt wählen.', other: 'Du kannst noch {n} Projekte wählen.' },
    full: { one: 'Mehr geht nicht: höchstens {n} Projekt.', other: 'Mehr geht nicht: höchstens {n} Projekte.' },
    fit: { one: '{n} weiteres Projekt passt noch ins Budget.', other: '{n} weitere Projekte passen noch ins Budget.' },
    noneFits: 'Kein weiteres Projekt passt mehr ins Budget.',
    needCount: { one: 'Wähle noch mindestens {n} Projekt.', other: 'Wähle noch mindestens {n} Projekte.' },
    needShare: 'Wähle Projekte für zusammen mindestens {min} – es fehlen noch {missing}.',
    empty: 'Wähle die Projekte, die du unterstützen willst.',
    over: 'Deine Auswahl kostet {over} mehr als das Budget. Wähle ein Projekt ab.',
    tooMany: {
      one: 'Du hast zu viele Projekte gewählt: höchstens {n} Projekt.',
      other: 'Du hast zu viele Projekte gewählt: höchstens {n} Projekte.',
    },
    ready: 'Dein Stimmzettel ist gültig. Du kannst ihn abgeben.',
    blockBudget: 'Passt nicht mehr ins Budget: {over} zu viel. Wähle ein anderes Projekt ab, um Platz zu machen.',
    blockMax: {
      one: 'Du hast schon {n} Projekt gewählt, mehr geht nicht. Wähle es ab, um dieses zu wählen.',
      other: 'Du hast schon {n} Projekte gewählt, mehr geht nicht. Wähle eins ab, um dieses zu wählen.',
    },
  },
  en: {
    total: '{total} of {budget} chosen, {left} left.',
    totalOpen: '{total} chosen.',
    chosen: { one: '{n} project chosen.', other: '{n} projects chosen.' },
    more: { one: 'You can choose {n} more project.', other: 'You can choose {n} more projects.' },
    full: { one: 'That is the limit: at most {n} project.', other: 'That is the limit: at most {n} projects.' },
    fit: { one: '{n} more project still fits the budget.', other: '{n} more projects still fit the budget.' },
    noneFits: 'No other project fits the budget any more.',
    needCount: { one: 'Choose at least {n} more project.', other: 'Choose at least {n} more projects.' },
    needShare: 'Choose projects worth at least {min} together – {missing} to go.',
    empty: 'Choose the projects you want to support.',
    over: 'Your choice costs {over} more than the budget. Unselect a project.',
    tooMany: { one: 'You chose too many projects: at most {n} project.', other: 'You chose too many projects: at most {n} projects.' },
    ready: 'Your ballot is valid. You can cast it.',
    blockBudget: 'Does not fit the budget any more: {over} too much. Unselect another project to make room.',
    blockMax: {
      one: 'You already chose {n} project, that is the limit. Unselect it to choose this one.',
      other: 'You already chose {n} projects, that is the limit. Unselect one to choose this one.',
    },
  },
};

type Plural = { one: string; other: string };
const fill = (s: string, p: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));

function say(lang: Lang, s: string | Plural, n: number, p: Record<string, string> = {}): string {
  const text = typeof s === 'string' ? s : new Intl.PluralRules(lang).select(n) === 'one' ? s.one : s.other;
  return fill(text, { ...p, n: new Intl.NumberFormat(lang).format(n) });
}

export interface BallotWords {
  /** The running total against the budget (announced politely on every change). */
  total: string;
  /** What is still possible and what is missing, one sentence each. */
  hints: string[];
}

/** The state in words: the total, then what is missing or still possible. */
export function ballotWords(lang: Lang, rules: BallotRules, s: BallotState, money: (n: number) => string, unchosen: number): BallotWords {
  const w = words[lang];
  const r = normalizeRules(rules);
  const total = r.withinBudget
    ? fill(w.total, { total: money(s.total), budget: money(r.budget), left: money(s.left) })
    : fill(w.totalOpen, { total: money(s.total) });
  const hints: string[] = [];
  if (s.count) hints.push(say(lang, w.chosen, s.count));
  if (s.problems.includes('over-budget')) hints.push(fill(w.over, { over: money(s.total - r.budget) }));
  if (s.problems.includes('too-many')) hints.push(say(lang, w.tooMany, r.maxProjects));
  if (s.problems.includes('empty')) hints.push(w.empty);
  if (s.problems.includes('min-count')) hints.push(say(lang, w.needCount, r.minProjects - s.count));
  if (s.problems.includes('min-share')) hints.push(fill(w.needShare, { min: money(s.minTotal), missing: money(s.minTotal - s.total) }));
  const open = unchosen - s.blocked.size;
  if (!s.problems.includes('too-many') && !s.problems.includes('over-budget')) {
    if (Number.isFinite(r.maxProjects) && s.moreAllowed === 0) hints.push(say(lang, w.full, r.maxProjects));
    else {
      if (Number.isFinite(r.maxProjects)) hints.push(say(lang, w.more, s.moreAllowed));
      if (r.withinBudget && unchosen > 0) hints.push(open > 0 ? say(lang, w.fit, open) : w.noneFits);
    }
  }
  if (s.castable) hints.push(w.ready);
  return { total, hints };
}

/** Why one project cannot be chosen now, in words. */
export function blockWords(
  lang: Lang,
  rules: BallotRules,
  s: BallotState,
  block: Block,
  cost: number,
  money: (n: number) => string,
): string {
  const w = words[lang];
  const r = normalizeRules(rules);
  return block === 'max' ? say(lang, w.blockMax, r.maxProjects) : fill(w.blockBudget, { over: money(s.total + cost - r.budget) });
}
