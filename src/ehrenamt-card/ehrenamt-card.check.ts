/**
 * The eligibility self-check: a form with only the questions the rules need, and the result per
 * card tier. A lazy chunk of <ehrenamt-card>. Nothing typed here leaves the browser: the form has
 * no action, the answers live only in this function's scope and the result on screen.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { defineStrings, type LocalizeController } from '../core/i18n.js';
import type { Programme, Tier } from './ehrenamt-card.model.js';
import { evaluate, openLeaves, questionsFor, type Answers, type LocalText, type Outcome } from './ehrenamt-card.rules.js';
import { describe } from './ehrenamt-card.rule-text.js';

export interface TierOutcome {
  tier: Tier;
  outcome: Outcome;
}

/** What the check needs from the element. */
export interface CheckContext {
  l10n: LocalizeController;
  t(text: LocalText | undefined): string;
  h(level: number, content: unknown, id?: string): TemplateResult;
  outcomes?: TierOutcome[];
  /** Shows (and focuses) a result, or clears it. */
  setOutcomes(outcomes: TierOutcome[] | undefined): void;
}

export function renderCheck(c: CheckContext, p: Programme): TemplateResult {
  const tiers = p.tiers.filter((t) => t.rule);
  const q = questionsFor(tiers.map((t) => t.rule!));
  const n = q.numbers;
  const number = (name: string, label: string, unit: string, max: number) =>
    html`<div class="field">
      <label for="q-${name}">${label}</label>
      <span class="with-unit"><input id="q-${name}" name=${name} type="number" inputmode="decimal" min="0" max=${max} step="any" /><span>${unit}</span></span>
    </div>`;
  return html`<section class="check" part="check" aria-labelledby="check-h">
    ${c.h(0, c.l10n.t('checkHeading'), 'check-h')}
    <p>${c.l10n.t('checkIntro')}</p>
    <p class="note">${c.l10n.t('nonBinding')}</p>
    <form @submit=${(e: SubmitEvent) => onCheck(c, e, tiers, p.weeksPerYear)} @reset=${() => c.setOutcomes(undefined)}>
      ${n.has('age') ? number('age', c.l10n.t('qAge'), c.l10n.t('unitYears'), 120) : nothing}
      ${
        n.has('hoursPerWeek') || n.has('hoursPerYear')
          ? html`<fieldset class="field">
            <legend>${c.l10n.t('qHours')}</legend>
            <span class="with-unit">
              <input id="q-hours" name="hours" type="number" inputmode="decimal" min="0" step="any" aria-label=${c.l10n.t('qHoursAmount')} />
              <select name="hoursUnit" aria-label=${c.l10n.t('qHoursAmount')}>
                <option value="week" ?selected=${n.has('hoursPerWeek')}>${c.l10n.t('qHoursAmount')} ${c.l10n.t('perWeek')}</option>
                <option value="year" ?selected=${!n.has('hoursPerWeek')}>${c.l10n.t('qHoursAmount')} ${c.l10n.t('perYear')}</option>
              </select>
            </span>
          </fieldset>`
          : nothing
      }
      ${n.has('years') ? number('years', c.l10n.t('qYears'), c.l10n.t('unitYears'), 100) : nothing}
      ${n.has('allowance') ? number('allowance', c.l10n.t('qAllowance'), c.l10n.t('unitEuro'), 1e6) : nothing}
      ${
        q.flags.size
          ? html`<fieldset class="field">
            <legend>${c.l10n.t('qFlags')}</legend>
            ${[...q.flags].map(
              ([id, question]) =>
                html`<label class="flag"><input type="checkbox" name="flag" value=${id} /><span>${c.t(question)}</span></label>`,
            )}
          </fieldset>`
          : nothing
      }
      <p class="actions">
        <button class="button primary" type="submit">${c.l10n.t('check')}</button>
        <button class="button" type="reset">${c.l10n.t('reset')}</button>
      </p>
    </form>
    ${c.outcomes ? renderResult(c, c.outcomes, p) : nothing}
  </section>`;
}

function onCheck(c: CheckContext, e: SubmitEvent, tiers: Tier[], weeksPerYear: number) {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const data = new FormData(form);
  const num = (name: string) => {
    const raw = String(data.get(name) ?? '')
      .trim()
      .replace(',', '.');
    const n = raw === '' ? NaN : Number(raw);
    return Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const hours = num('hours');
  const perYear = data.get('hoursUnit') === 'year';
  const answers: Answers = {
    age: num('age'),
    years: num('years'),
    allowance: num('allowance'),
    hoursPerWeek: hours === undefined ? undefined : perYear ? Math.round((hours / weeksPerYear) * 10) / 10 : hours,
    hoursPerYear: hours === undefined ? undefined : perYear ? hours : Math.round(hours * weeksPerYear),
    flags: Object.fromEntries(data.getAll('flag').map((f) => [String(f), true])),
  };
  c.setOutcomes(tiers.map((tier) => ({ tier, outcome: evaluate(tier.rule!, answers) })));
}

function renderResult(c: CheckContext, list: TierOutcome[], p: Programme) {
  const apply = p.apply?.url;
  return html`<div class="result" part="result">
    ${c.h(1, c.l10n.t('resultHeading'), 'result-h')}
    ${list.map(({ tier, outcome }) => {
      const name = c.t(tier.name);
      const s = outcome.state;
      return html`<div class="outcome ${s}">
        <p class="verdict">
          <span class="mark" aria-hidden="true">${s === 'yes' ? '✓' : s === 'no' ? '✗' : '?'}</span>
          <strong>${c.l10n.t(s === 'yes' ? 'resultYes' : s === 'no' ? 'resultNo' : 'resultOpen', { tier: name })}</strong>
        </p>
        ${s === 'open' ? html`<ul class="tree">${openLeaves(outcome).map((o) => outcomeItem(c, o))}</ul>` : nothing}
        ${
          s === 'no'
            ? html`<p>${c.l10n.t('missingHeading')}</p>
              <ul class="tree">${outcome.rule.type === 'all' && !outcome.rule.label ? outcome.children!.map((k) => outcomeItem(c, k)) : outcomeItem(c, outcome)}</ul>`
            : nothing
        }
        ${s === 'yes' && apply ? html`<p><a class="button primary" href=${apply} rel="noopener">${c.l10n.t('applyNow')}<span class="visually-hidden">: ${name}</span></a></p>` : nothing}
      </div>`;
    })}
    <p class="note">${c.l10n.t('nonBinding')}</p>
  </div>`;
}

function outcomeItem(c: CheckContext, o: Outcome): TemplateResult {
  const r = o.rule;
  const s = o.state;
  let detail = '';
  if (r.type === 'text') detail = c.l10n.t('askOffice');
  else if (r.type !== 'flag' && r.type !== 'all' && r.type !== 'any') {
    if (o.value === undefined) detail = c.l10n.t('notAnswered');
    else {
      detail = c.l10n.t('yourValue', { value: o.value });
      const max = (r as { max?: number }).max;
      const over = max !== undefined && o.value > max;
      if (o.gap !== undefined)
        detail += ` – ${over ? c.l10n.t(r.type === 'allowance' ? 'gap_allowance' : 'gapOver', { n: o.gap }) : c.l10n.plural(`gap_${r.type}`, o.gap, { n: o.gap })}`;
    }
  }
  return html`<li class=${s}>
    <span class="mark" aria-hidden="true">${s === 'yes' ? '✓' : s === 'no' ? '✗' : '?'}</span>
    <span class="visually-hidden">${c.l10n.t(s === 'yes' ? 'stateYes' : s === 'no' ? 'stateNo' : 'stateOpen')}: </span>
    ${describe(c, r)}${detail ? html` <span class="detail">(${detail})</span>` : nothing}
    ${o.children ? html`<ul>${o.children.map((k) => outcomeItem(c, k))}</ul>` : nothing}
  </li>`;
}

/** Strings of the check; merged into the widget's table when this chunk loads. */
export const checkStrings = defineStrings({
  de: {
    nonBinding: 'Unverbindlicher Selbstcheck – die Ausgabestelle entscheidet.',
    checkHeading: 'Bekomme ich die Karte? Der Selbstcheck',
    checkIntro: 'Beantworten Sie ein paar Fragen. Ihre Angaben bleiben in Ihrem Browser und werden nicht gesendet oder gespeichert.',
    qAge: 'Wie alt sind Sie?',
    qHours: 'Wie viel Zeit engagieren Sie sich durchschnittlich?',
    qHoursAmount: 'Stunden',
    perWeek: 'pro Woche',
    perYear: 'pro Jahr',
    qYears: 'Seit wie vielen Jahren engagieren Sie sich in diesem Umfang?',
    qAllowance: 'Wie viel Aufwandsentschädigung erhalten Sie im Jahr (in Euro)? 0, wenn keine.',
    qFlags: 'Trifft etwas davon auf Sie zu?',
    unitYears: 'Jahre',
    unitEuro: 'Euro',
    check: 'Prüfen',
    reset: 'Zurücksetzen',
    resultHeading: 'Ihr Ergebnis',
    resultYes: 'Sie erfüllen die Voraussetzungen für die {tier}.',
    resultOpen: 'Für die {tier} kommt es noch auf Folgendes an:',
    resultNo: 'Für die {tier} sind die Voraussetzungen nach Ihren Angaben noch nicht erfüllt.',
    missingHeading: 'Was fehlt und welche Wege es gibt:',
    applyNow: 'Jetzt beantragen',
    stateYes: 'erfüllt',
    stateNo: 'nicht erfüllt',
    stateOpen: 'offen',
    yourValue: 'Ihre Angabe: {value}',
    gap_age_one: 'es fehlt {n} Jahr',
    gap_age_other: 'es fehlen {n} Jahre',
    gap_hoursPerWeek_one: 'es fehlt {n} Stunde pro Woche',
    gap_hoursPerWeek_other: 'es fehlen {n} Stunden pro Woche',
    gap_hoursPerYear_one: 'es fehlt {n} Stunde im Jahr',
    gap_hoursPerYear_other: 'es fehlen {n} Stunden im Jahr',
    gap_years_one: 'es fehlt {n} Jahr',
    gap_years_other: 'es fehlen {n} Jahre',
    gap_allowance: '{n} € zu viel',
    gapOver: '{n} zu viel',
    notAnswered: 'noch nicht angegeben',
    askOffice: 'klärt die Ausgabestelle',
  },
  en: {
    nonBinding: 'Non-binding self-check – the issuing office decides.',
    checkHeading: 'Can I get the card? The self-check',
    checkIntro: 'Answer a few questions. Your answers stay in your browser and are neither sent nor stored.',
    qAge: 'How old are you?',
    qHours: 'How much time do you volunteer on average?',
    qHoursAmount: 'Hours',
    perWeek: 'per week',
    perYear: 'per year',
    qYears: 'For how many years have you volunteered to this extent?',
    qAllowance: 'How much expense allowance do you receive per year (in euros)? 0 if none.',
    qFlags: 'Does any of this apply to you?',
    unitYears: 'years',
    unitEuro: 'euros',
    check: 'Check',
    reset: 'Reset',
    resultHeading: 'Your result',
    resultYes: 'You meet the requirements for the {tier}.',
    resultOpen: 'For the {tier}, it still depends on the following:',
    resultNo: 'Based on your answers, you do not yet meet the requirements for the {tier}.',
    missingHeading: 'What is missing and which routes exist:',
    applyNow: 'Apply now',
    stateYes: 'met',
    stateNo: 'not met',
    stateOpen: 'open',
    yourValue: 'Your answer: {value}',
    gap_age_one: '{n} year short',
    gap_age_other: '{n} years short',
    gap_hoursPerWeek_one: '{n} hour per week short',
    gap_hoursPerWeek_other: '{n} hours per week short',
    gap_hoursPerYear_one: '{n} hour per year short',
    gap_hoursPerYear_other: '{n} hours per year short',
    gap_years_one: '{n} year short',
    gap_years_other: '{n} years short',
    gap_allowance: '€ {n} too much',
    gapOver: '{n} too many',
    notAnswered: 'not answered yet',
    askOffice: 'checked by the issuing office',
  },
});
