/**
 * Rules as readable text ("mindestens 16 Jahre alt", "seit mindestens 2 Jahren engagiert"): the
 * card's "Wer bekommt die Karte?" list and the self-check's result use it. A lazy chunk of
 * <ehrenamt-card>, loaded when the programme has rules: the first render does not need it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { defineStrings, type LocalizeController } from '../core/i18n.js';
import type { LocalText, Rule } from './ehrenamt-card.rules.js';

/** What the text needs from the element. */
export interface RuleTextContext {
  l10n: LocalizeController;
  t(text: LocalText | undefined): string;
}

/** A rule as readable text, e.g. "mindestens 16 Jahre alt". */
export function describe(c: RuleTextContext, rule: Rule): string {
  if ('label' in rule && rule.label) return c.t(rule.label);
  switch (rule.type) {
    case 'all':
    case 'any':
      return c.l10n.t(rule.type === 'all' ? 'ruleAll' : 'ruleAny');
    case 'flag':
      return c.t(rule.question);
    case 'text':
      return c.t(rule.text);
    default:
      return [
        rule.min !== undefined ? c.l10n.plural(`rule_${rule.type}_min`, rule.min) : '',
        rule.max !== undefined ? c.l10n.plural(`rule_${rule.type}_max`, rule.max) : '',
      ]
        .filter(Boolean)
        .join(', ');
  }
}

/** A tier's rule as a list: its parts when it is a plain "all of these", else the rule itself. */
export function ruleList(c: RuleTextContext, rule: Rule): TemplateResult {
  return html`<ul class="rules">${rule.type === 'all' && !rule.label ? rule.of.map((r) => ruleItem(c, r)) : ruleItem(c, rule)}</ul>`;
}

function ruleItem(c: RuleTextContext, rule: Rule): TemplateResult {
  const kids = rule.type === 'all' || rule.type === 'any' ? rule.of : undefined;
  // "mindestens 5 Stunden pro Woche oder mindestens 250 Stunden im Jahr" reads better than a sub-list
  if (rule.type === 'any' && !rule.label && rule.of.every((r) => r.type !== 'all' && r.type !== 'any' && r.type !== 'text')) {
    return html`<li>${rule.of.map((r) => describe(c, r)).join(c.l10n.t('or'))}</li>`;
  }
  return html`<li class=${rule.type === 'text' ? 'as-text' : ''}>
    ${describe(c, rule)}${kids ? html`<ul>${kids.map((r) => ruleItem(c, r))}</ul>` : nothing}
  </li>`;
}

/** Its strings; merged into the widget's table when this chunk loads. */
export const ruleStrings = defineStrings({
  de: {
    or: ' oder ',
    ruleAll: 'Alle diese Punkte:',
    ruleAny: 'Einer dieser Wege genügt:',
    rule_age_min_one: 'mindestens {count} Jahr alt',
    rule_age_min_other: 'mindestens {count} Jahre alt',
    rule_age_max_one: 'höchstens {count} Jahr alt',
    rule_age_max_other: 'höchstens {count} Jahre alt',
    rule_hoursPerWeek_min_one: 'mindestens {count} Stunde pro Woche',
    rule_hoursPerWeek_min_other: 'mindestens {count} Stunden pro Woche',
    rule_hoursPerWeek_max_one: 'höchstens {count} Stunde pro Woche',
    rule_hoursPerWeek_max_other: 'höchstens {count} Stunden pro Woche',
    rule_hoursPerYear_min_one: 'mindestens {count} Stunde im Jahr',
    rule_hoursPerYear_min_other: 'mindestens {count} Stunden im Jahr',
    rule_hoursPerYear_max_one: 'höchstens {count} Stunde im Jahr',
    rule_hoursPerYear_max_other: 'höchstens {count} Stunden im Jahr',
    rule_years_min_one: 'seit mindestens {count} Jahr engagiert',
    rule_years_min_other: 'seit mindestens {count} Jahren engagiert',
    rule_years_max_one: 'seit höchstens {count} Jahr engagiert',
    rule_years_max_other: 'seit höchstens {count} Jahren engagiert',
    rule_allowance_min_one: 'mindestens {count} € Aufwandsentschädigung im Jahr',
    rule_allowance_min_other: 'mindestens {count} € Aufwandsentschädigung im Jahr',
    rule_allowance_max_one: 'höchstens {count} € Aufwandsentschädigung im Jahr',
    rule_allowance_max_other: 'höchstens {count} € Aufwandsentschädigung im Jahr',
  },
  en: {
    or: ' or ',
    ruleAll: 'All of these:',
    ruleAny: 'Any one of these routes:',
    rule_age_min_one: 'at least {count} year old',
    rule_age_min_other: 'at least {count} years old',
    rule_age_max_one: 'at most {count} year old',
    rule_age_max_other: 'at most {count} years old',
    rule_hoursPerWeek_min_one: 'at least {count} hour per week',
    rule_hoursPerWeek_min_other: 'at least {count} hours per week',
    rule_hoursPerWeek_max_one: 'at most {count} hour per week',
    rule_hoursPerWeek_max_other: 'at most {count} hours per week',
    rule_hoursPerYear_min_one: 'at least {count} hour per year',
    rule_hoursPerYear_min_other: 'at least {count} hours per year',
    rule_hoursPerYear_max_one: 'at most {count} hour per year',
    rule_hoursPerYear_max_other: 'at most {count} hours per year',
    rule_years_min_one: 'volunteering for at least {count} year',
    rule_years_min_other: 'volunteering for at least {count} years',
    rule_years_max_one: 'volunteering for at most {count} year',
    rule_years_max_other: 'volunteering for at most {count} years',
    rule_allowance_min_one: 'an expense allowance of at least € {count} per year',
    rule_allowance_min_other: 'an expense allowance of at least € {count} per year',
    rule_allowance_max_one: 'an expense allowance of at most € {count} per year',
    rule_allowance_max_other: 'an expense allowance of at most € {count} per year',
  },
});
