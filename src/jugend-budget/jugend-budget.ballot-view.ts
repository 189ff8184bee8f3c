import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { define } from '../core/define.js';
import { formStyles } from '../core/form-styles.js';
import { LocalizeController, resolveLang, type KeyOf, type Lang } from '../core/i18n.js';
import { warn } from '../core/log.js';
import { newIdempotencyKey, sendWrite, type WriteError } from '../core/write.js';
import { ballotState, normalizeCode, normalizeRules, type BallotRules } from './jugend-budget.ballot.js';
import { ballotStrings } from './jugend-budget.ballot-strings.js';
import { ballotWords, blockWords } from './jugend-budget.ballot-words.js';
import { formatMoney } from './jugend-budget.money.js';

type Key = KeyOf<typeof ballotStrings>;

/** The feed's `voting` block, checked: where to cast, how voters identify, the ballot rules. */
export interface Voting {
  url: string;
  access: 'code' | 'browser';
  rules: BallotRules;
}

export interface BallotItem {
  id: string;
  title: string;
  cost: number;
  description?: string;
}

export interface BallotFeed {
  projects: (BallotItem & { feasible?: boolean })[];
  budget: number;
  currency: string;
  voting?: unknown;
}

export interface BallotOwner {
  headingLevel: number;
  credentials: RequestCredentials;
  budget?: number;
}

/** What the ballot shows: choosing, sending, or the server's answer. */
export type BallotStatus = 'choose' | 'sending' | 'counted' | 'used' | 'voter-used' | 'closed' | 'not-open' | 'failed';

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Reads a feed's `voting` block; undefined (with a warning) when it has no usable URL. */
export function parseVoting(raw: unknown, budget: number, lang: Lang, base = globalThis.document?.baseURI): Voting | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const v = raw as Record<string, unknown>;
  let url: URL | undefined;
  try {
    url = new URL(String(v.url ?? ''), base);
  } catch {
    url = undefined;
  }
  if (!v.url || !url || !/^https?:$/.test(url.protocol)) {
    const given = String(v.url ?? '');
    warn(
      lang === 'en'
        ? `<jugend-budget>: voting.url “${given}” is not an http(s) address – no ballot is shown.`
        : `<jugend-budget>: voting.url „${given}“ ist keine http(s)-Adresse – es wird kein Stimmzettel gezeigt.`,
    );
    return undefined;
  }
  return {
    url: url.href,
    access: v.access === 'browser' ? 'browser' : 'code',
    rules: {
      budget,
      withinBudget: v.withinBudget !== false,
      maxProjects: num(v.maxProjects),
      minProjects: num(v.minProjects),
      minShare: num(v.minShare),
    },
  };
}

const store = (kind: 'sessionStorage' | 'localStorage'): Storage | undefined => {
  try {
    return globalThis[kind];
  } catch {
    return undefined; // storage blocked (privacy settings): the ballot still works, it just forgets
  }
};
const read = <T>(kind: 'sessionStorage' | 'localStorage', key: string): T | undefined => {
  try {
    return JSON.parse(store(kind)?.getItem(key) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
};
const write = (kind: 'sessionStorage' | 'localStorage', key: string, value: unknown) => {
  try {
    if (value === undefined) store(kind)?.removeItem(key);
    else store(kind)?.setItem(key, JSON.stringify(value));
  } catch {
    /* full or blocked: nothing to keep */
  }
};
/** The unfinished ballot (session storage: gone when the tab closes, cleared when cast). */
export const draftKey = (url: string) => `stadttraum.jugend-budget.ballot:${url}`;
/** The one-vote-per-browser token (local storage), only where the feed asks for `access: "browser"`. */
export const voterKey = (url: string) => `stadttraum.jugend-budget.voter:${url}`;

/**
 * The ballot of a youth budget in its vote phase: one checkbox per project, the running total
 * against the budget (a bar, and words read out politely), rules that block a choice explained
 * next to it, a one-time code, and the answer of the server (counted, code used, closed, failed)
 * where focus lands after casting. Loaded by <jugend-budget> only in the vote phase.
 *
 * @fires {CustomEvent} st-budget-vote - The server answered; `detail.status` is `counted`, `used`, `closed` …
 */
export class StBudgetBallot extends LitElement {
  static override styles = [
    formStyles,
    css`
    :host { display: block; }
    .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .desc { margin: 0; padding: 0 0.75em 0.5em 2.9em; }
    *, *::before, *::after { box-sizing: border-box; }
    :focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
    fieldset { border: 0; padding: 0; margin: 0 0 1em; min-inline-size: 0; }
    legend { font-weight: 600; padding: 0; margin-bottom: 0.5em; }
    ul { list-style: none; padding: 0; margin: 0; }
    .choice { border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); margin-bottom: 0.5em; }
    .choice.on { border-color: var(--_accent); box-shadow: inset 4px 0 0 var(--_accent); }
    label.row { display: flex; align-items: center; gap: 0.75em; min-height: 44px; padding: 0.5em 0.75em; cursor: pointer; }
    input[type='checkbox'] { width: 1.4em; height: 1.4em; flex: none; margin: 0; accent-color: var(--_accent); }
    .name { flex: 1; font-weight: 600; }
    .cost { white-space: nowrap; }
    .blocked { margin: 0; padding: 0 0.75em 0.5em 2.9em; color: var(--_muted); font-size: 0.95em; }
    .choice.no .name, .choice.no .cost { color: var(--_muted); }
    .meter { background: var(--_canvas); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.75em; margin: 1em 0; }
    .bar { position: relative; height: 0.9em; border: 1px solid var(--_muted); border-radius: 999px; overflow: hidden; background: var(--_surface); }
    .fill { position: absolute; inset: 0 auto 0 0; background: var(--_accent); transition: width 0.2s; }
    .min { position: absolute; top: 0; bottom: 0; border-left: 2px dashed var(--_text); }
    .total { font-weight: 600; margin: 0.4em 0 0.2em; }
    .hints { margin: 0; padding-left: 1.2em; list-style: disc; }
    .field { display: grid; gap: 0.3em; margin: 1em 0; max-width: 24em; }
    .field input { font: 600 1.2em ui-monospace, monospace; letter-spacing: 0.08em; text-transform: uppercase; }
    .field input[aria-invalid='true'] { border: 2px solid var(--_danger); }
    .hint, .privacy { color: var(--_muted); font-size: 0.95em; margin: 0; }
    .error { color: var(--_danger); font-weight: 600; margin: 0; }
    .answer { padding: 1em; border-radius: var(--_radius); border: 2px solid var(--_border); background: var(--_surface); margin: 0 0 1em; }
    .answer.ok { border-color: var(--_success); }
    .answer.bad { border-color: var(--_danger); }
    .answer p { margin: 0.25em 0; }
    .button { display: inline-flex; align-items: center; min-height: 44px; padding: 0.5em 1.2em; border: 2px solid var(--_accent); border-radius: var(--_radius); background: var(--_accent); color: var(--_on-accent); font: inherit; font-weight: 600; cursor: pointer; }
    .button[aria-disabled='true'] { opacity: 0.7; cursor: progress; }
    @media (prefers-reduced-motion: reduce) { .fill { transition: none; } }
  `,
  ];

  /** The youth budget feed (its projects, budget, currency and `voting` block). */
  @property({ attribute: false }) feed?: BallotFeed;
  /** The <jugend-budget> that shows the ballot: its heading level, `credentials` and `budget` attribute. */
  @property({ attribute: false }) owner?: BallotOwner;
  /** Seconds to wait for the server's answer. */
  @property({ type: Number }) timeout = 20;
  /** What the ballot shows; set by casting (stories and tests may set it to show a state). */
  @property() status: BallotStatus = 'choose';

  @state() private chosen: string[] = [];
  @state() private showProblems = false;
  @state() private codeError?: 'format' | 'unknown';
  @state() private failure = '';
  @state() private note = '';
  /** The code lives only here, in memory, and is dropped once the vote counted. */
  private code = '';
  /** One key per code: a retry with the same code reuses it, so the server answers "counted" again. */
  private key?: { code: string; value: string };
  private loadedFor?: string;
  private voting?: Voting;

  private readonly l10n = new LocalizeController(this, ballotStrings);
  private t = (key: Key, params?: Record<string, string | number>) => this.l10n.t(key, params);

  private items: BallotItem[] = [];
  private currency = 'EUR';

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('feed') || changed.has('owner')) {
      const f = this.feed;
      this.items = (f?.projects ?? []).filter((p) => p.feasible !== false);
      this.currency = f?.currency ?? 'EUR';
      this.voting = f && parseVoting(f.voting, f.budget > 0 ? f.budget : (this.owner?.budget ?? 0), resolveLang(this));
    }
    const url = this.voting?.url;
    if (url && url !== this.loadedFor) {
      this.loadedFor = url;
      const ids = new Set(this.items.map((i) => i.id));
      this.chosen =
        (read<{ chosen?: unknown }>('sessionStorage', draftKey(url))?.chosen as string[] | undefined)?.filter((id) => ids.has(id)) ?? [];
      if (this.voting?.access === 'browser' && read<{ voted?: boolean }>('localStorage', voterKey(url))?.voted) this.status = 'voter-used';
    }
    if (changed.has('feed')) this.chosen = this.chosen.filter((id) => this.items.some((i) => i.id === id));
  }

  private money(n: number): string {
    return formatMoney(this.l10n.lang, this.currency, n);
  }

  private get state() {
    return ballotState(this.voting?.rules ?? { budget: 0 }, this.items, this.chosen);
  }

  private toggle(e: Event, item: BallotItem, blocked: boolean) {
    const box = e.target as HTMLInputElement;
    if (box.checked && blocked) {
      // aria-disabled, not disabled: it stays in the tab order and says why.
      e.preventDefault();
      box.checked = false;
      const s = this.state;
      this.note = this.t('blockedNote', {
        title: item.title,
        why: blockWords(this.l10n.lang, this.voting!.rules, s, s.blocked.get(item.id)!, item.cost, (n) => this.money(n)),
      });
      return;
    }
    this.note = '';
    this.chosen = box.checked ? [...this.chosen, item.id] : this.chosen.filter((id) => id !== item.id);
    if (this.voting) write('sessionStorage', draftKey(this.voting.url), { chosen: this.chosen });
  }

  private async cast(e: Event) {
    e.preventDefault();
    const voting = this.voting;
    if (!voting || this.status === 'sending') return;
    const s = this.state;
    if (!s.castable) {
      this.showProblems = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#problems')?.focus();
      return;
    }
    const body: Record<string, unknown> = { projects: this.chosen };
    let keyFor: string;
    if (voting.access === 'code') {
      const code = normalizeCode(this.code);
      if (!code) {
        this.codeError = 'format';
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#code')?.focus();
        return;
      }
      body.code = code;
      keyFor = code;
    } else {
      const k = voterKey(voting.url);
      const token = read<{ token?: string }>('localStorage', k)?.token ?? newIdempotencyKey();
      write('localStorage', k, { token });
      body.voter = token;
      keyFor = token;
    }
    if (this.key?.code !== keyFor) this.key = { code: keyFor, value: newIdempotencyKey() };
    this.codeError = undefined;
    this.showProblems = false;
    this.status = 'sending';
    let status: BallotStatus;
    try {
      const result = await sendWrite({
        url: voting.url,
        body,
        idempotencyKey: this.key.value,
        credentials: this.owner?.credentials ?? 'omit',
        timeoutMs: this.timeout * 1000,
        lang: this.l10n.lang,
      });
      // 409 means "already done" in the write contract; for a ballot only the server's code tells whose.
      status = result.code === 'code-used' ? 'used' : result.code === 'voter-used' ? 'voter-used' : 'counted';
    } catch (error) {
      const err = error as WriteError;
      warn(
        `<jugend-budget>: ${this.l10n.lang === 'en' ? 'the vote was not counted' : 'Die Stimme wurde nicht gezählt'} (${err.code ?? err.reason}).`,
        err,
      );
      if (err.code === 'voting-closed') status = 'closed';
      else if (err.code === 'voting-not-open') status = 'not-open';
      else if (err.code === 'code-invalid' || err.code === 'code-missing') {
        this.status = 'choose';
        this.codeError = 'unknown';
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#code')?.focus();
        return;
      } else {
        status = 'failed';
        // A refusal's message (wrong origin, content type) is for the webmaster: it went to the console.
        this.failure =
          (err.reason === 'refused' ? undefined : err.serverMessage) ??
          this.t(err.reason === 'network' ? 'failNetwork' : err.reason === 'timeout' ? 'failTimeout' : 'failServer');
      }
    }
    if (status === 'counted' || status === 'closed' || status === 'voter-used') {
      // Nothing lingers on a shared computer: no ballot, no code, no key.
      write('sessionStorage', draftKey(voting.url), undefined);
      this.chosen = [];
      this.code = '';
      this.key = undefined;
      if (voting.access === 'browser' && status !== 'closed')
        write('localStorage', voterKey(voting.url), { ...(read<object>('localStorage', voterKey(voting.url)) ?? {}), voted: true });
    }
    if (status === 'used') {
      this.code = '';
      this.key = undefined;
    }
    this.status = status;
    this.dispatchEvent(new CustomEvent('st-budget-vote', { detail: { status }, bubbles: true, composed: true }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#answer')?.focus();
  }

  private heading(text: string) {
    const l = Math.min(6, Math.max(2, Math.round((this.owner?.headingLevel ?? 1) + 2) || 3));
    return l === 2
      ? html`<h2 id="title">${text}</h2>`
      : l === 4
        ? html`<h4 id="title">${text}</h4>`
        : l === 5
          ? html`<h5 id="title">${text}</h5>`
          : l === 6
            ? html`<h6 id="title">${text}</h6>`
            : html`<h3 id="title">${text}</h3>`;
  }

  override render() {
    const voting = this.voting;
    if (!voting) return nothing;
    return html`<section aria-labelledby="title">
      ${this.heading(this.t('title'))}
      ${this.renderAnswer()}
      ${this.status === 'counted' || this.status === 'voter-used' || this.status === 'closed' ? nothing : this.renderForm(voting)}
    </section>`;
  }

  private renderAnswer() {
    const s = this.status;
    if (s === 'choose' || s === 'sending') return nothing;
    const ok = s === 'counted';
    const lines: string[] =
      s === 'counted'
        ? [this.t('counted'), this.t('countedNext')]
        : s === 'used'
          ? [this.t('used'), this.t('usedHelp')]
          : s === 'voter-used'
            ? [this.t('voterUsed')]
            : s === 'closed'
              ? [this.t('closed')]
              : s === 'not-open'
                ? [this.t('notOpen')]
                : [this.t('failed', { reason: this.failure || this.t('failServer') })];
    // No live role: the answer takes the focus, which reads it once (a role would read it twice).
    return html`<div id="answer" class="answer ${ok ? 'ok' : 'bad'}" tabindex="-1">
      ${lines.map((l, i) => html`<p>${i === 0 ? html`<strong>${l}</strong>` : l}</p>`)}
    </div>`;
  }

  private renderForm(voting: Voting) {
    const lang = this.l10n.lang;
    const rules = normalizeRules(voting.rules);
    const s = this.state;
    const chosen = new Set(this.chosen);
    const words = ballotWords(lang, voting.rules, s, (n) => this.money(n), this.items.length - s.count);
    const summary = [
      rules.withinBudget ? this.t('rulesBudget', { budget: this.money(rules.budget) }) : this.t('rulesOpen'),
      Number.isFinite(rules.maxProjects) ? this.l10n.plural('rulesMax', rules.maxProjects) : '',
      rules.minProjects > 1 ? this.l10n.plural('rulesMin', rules.minProjects) : '',
      rules.minShare
        ? this.t('rulesShare', {
            amount: this.money(s.minTotal),
            percent: new Intl.NumberFormat(lang, { style: 'percent' }).format(rules.minShare),
          })
        : '',
    ].filter(Boolean);
    const scale = Math.max(rules.budget, s.total) || 1;
    const sending = this.status === 'sending';
    return html`<form novalidate @submit=${this.cast}>
      <p id="rules">${summary.join(' ')}</p>
      <div class="meter">
        <div class="bar" aria-hidden="true">
          <span class="fill" style=${styleMap({ width: `${Math.min(100, (s.total / scale) * 100)}%` })}></span>
          ${s.minTotal > 0 ? html`<span class="min" style=${styleMap({ left: `${(s.minTotal / scale) * 100}%` })}></span>` : nothing}
        </div>
        <div aria-live="polite">
          <p class="total">${words.total}</p>
          <ul class="hints">${words.hints.map((h) => html`<li>${h}</li>`)}</ul>
          ${this.note ? html`<p class="error">${this.note}</p>` : nothing}
        </div>
      </div>
      <fieldset aria-describedby="rules">
        <legend>${this.t('legend')}</legend>
        <ul role="list">
          ${this.items.map((item, i) => {
            const on = chosen.has(item.id);
            const block = s.blocked.get(item.id);
            return html`<li class="choice ${on ? 'on' : ''} ${block ? 'no' : ''}">
              <label class="row">
                <input id=${`p${i}`} type="checkbox" .checked=${on} aria-disabled=${block ? 'true' : nothing} aria-describedby=${[block ? `b${i}` : '', item.description ? `d${i}` : ''].join(' ').trim() || nothing} @click=${(e: Event) => this.toggle(e, item, !!block)} />
                <span class="name">${item.title}</span>
                <span class="cost"><span class="visually-hidden">${this.t('cost')}: </span>${this.money(item.cost)}</span>
              </label>
              ${item.description ? html`<p class="desc" id=${`d${i}`}>${item.description}</p>` : nothing}
              ${block ? html`<p class="blocked" id=${`b${i}`}>${blockWords(lang, voting.rules, s, block, item.cost, (n) => this.money(n))}</p>` : nothing}
            </li>`;
          })}
        </ul>
      </fieldset>
      ${
        this.showProblems && !s.castable
          ? html`<div id="problems" class="answer bad" tabindex="-1"><p><strong>${this.t('notCastable')}</strong></p><ul class="hints">${words.hints.map((h) => html`<li>${h}</li>`)}</ul></div>`
          : nothing
      }
      ${
        voting.access === 'code'
          ? html`<div class="field">
            <label for="code">${this.t('code')}</label>
            <p class="hint" id="code-hint">${this.t('codeHint')}</p>
            <input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" .value=${this.code}
              aria-describedby=${this.codeError ? 'code-hint code-error' : 'code-hint'} aria-invalid=${this.codeError ? 'true' : 'false'}
              @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)} />
            ${this.codeError ? html`<p class="error" id="code-error">${this.t(this.codeError === 'format' ? 'codeFormat' : 'codeUnknown')}</p>` : nothing}
          </div>`
          : nothing
      }
      <p><button class="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>${sending ? this.t('sending') : this.t('cast')}</button></p>
      ${sending ? html`<p class="visually-hidden" role="status">${this.t('sending')}</p>` : nothing}
      <p class="privacy">${this.t(voting.access === 'code' ? 'privacyCode' : 'privacyBrowser')}</p>
    </form>`;
  }
}

define('st-budget-ballot', StBudgetBallot);

declare global {
  interface HTMLElementTagNameMap {
    'st-budget-ballot': StBudgetBallot;
  }
}
