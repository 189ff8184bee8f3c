import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FeedController } from '../core/feed-controller.js';
import { renderFeedError, renderLoading } from '../core/feed-view.js';
import { statusIcon } from '../core/follow-through.js';
import { LocalizeController, type KeyOf } from '../core/i18n.js';
import { pick } from '../core/local-text.js';
import { warn } from '../core/log.js';
import { WidgetElement } from '../core/widget-element.js';
import type { ChartPoint } from './jugend-budget.chart.js';
import { StBudgetResultEvent, type BudgetResult } from './jugend-budget.events.js';
import {
  ballotIndexes,
  countVotes,
  electionOf,
  nextPhase,
  parseBudgetFeed,
  phaseIds,
  publishedOutcome,
  showsResult,
  voteOrder,
  type BudgetFeed,
  type Phase,
  type PhaseId,
  type Project,
} from './jugend-budget.model.js';
import { formatMoney } from './jugend-budget.money.js';
import { greedy, ruleOf, type Outcome } from './jugend-budget.outcome.js';
import styles from './jugend-budget.styles.js';
import { strings } from './jugend-budget.strings.js';

let chart: typeof import('./jugend-budget.chart.js') | undefined;

/**
 * A lazy chunk that imports the slice helpers (the rules, the Pabulib reader), asked for together
 * with them: the browser finds a static import only once the chunk has arrived, a round trip later.
 */
/*
 * Pieces the first screen repeats, one lit template each however often they show: lit prepares every
 * template (parses its HTML, finds its parts) on its first use, on the first screen (issue 18). Written
 * out per use, the three facts and the phases' dates (in "now", "next" and the list) took six templates;
 * these take two, same DOM.
 */
/** One fact of the header: budget, who may take part, the rule. */
const fact = (term: string, value: string) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
/** A phase's dates, after its name ("Jetzt" and "Danach" put them in brackets). */
const whenSpan = (text: string) => html`<span class="when">${text}</span>`;

const withSlices = <M>(chunk: Promise<M>): Promise<M> => Promise.all([chunk, import('../core/big-body.js')]).then(([m]) => m);

type Key = KeyOf<typeof strings>;

/**
 * A youth budget (Jugendbudget) from proposal to result to what was built: the phases with
 * their dates (what happens now, what comes next), the proposals with the administration's
 * check, the result (published, or computed by the feed's rule: greedy or equal shares) as a
 * chart with a table behind it and "why not funded" per project, and the funded projects'
 * follow-through.
 *
 * @tag jugend-budget
 * @fires {StLoadEvent} st-load - The feed was loaded; `detail.count` is the number of projects.
 * @fires {StErrorEvent} st-error - The feed could not be shown; `detail` has message, status and url.
 * @fires {StBudgetResultEvent} st-budget-result - The result is known (published or computed); `detail` is the `result` property's value.
 * @fires {CustomEvent<{ status: 'counted' | 'used' | 'voter-used' | 'closed' | 'not-open' | 'failed' }>} st-budget-vote - The ballot's server answered (vote phase). Fired by the ballot inside the widget; it bubbles out.
 * @csspart header - Title, intro and the facts (budget, who can take part, rule).
 * @csspart phases - The list of phases (buttons that switch the view).
 * @csspart phase - One phase in that list.
 * @csspart now - "Now … / Next …" box.
 * @csspart projects - A list of projects.
 * @csspart project - One project.
 * @csspart summary - The result in one sentence.
 * @csspart chart - The chart's scroll box.
 * @csspart table - The table of all projects by votes.
 * @csspart download - The .pb download link.
 * @csspart follow - The follow-through list of funded projects.
 * @csspart loading - The loading placeholder.
 * @csspart empty - The message when the feed has no projects.
 * @csspart error - The error message.
 * @cssprop --st-budget-funded - Colour of funded points and the total line (default: the success colour).
 * @cssprop --st-budget-not-funded - Colour of projects that were not funded (default: the danger colour).
 */
export class JugendBudget extends WidgetElement {
  static override styles = [...WidgetElement.styles, styles];

  /** Level of the widget's title, 2–6; section headings are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The budget in currency units, when the feed (a spreadsheet) does not give it. */
  @property({ type: Number }) budget?: number;

  /** Rule for a feed without one (`greedy`, `equalshares/add1`, `equalshares/add1-comparison`: add1, then greedy's outcome if strictly more voters prefer it). */
  @property() rule?: string;

  /** The phase shown first; the feed's current phase when absent. */
  @property() phase?: PhaseId;

  /** The phase the visitor chose to look at. */
  @state() private viewing?: PhaseId;
  @state() private outcome?: Outcome;
  @state() private computing = false;
  @state() private computed = false;
  private outcomeOf?: BudgetFeed;
  private abort?: AbortController;
  /** The result's `.pb` file, once built: its object URL and file name. */
  private download?: [url: string, name: string];
  private pbFor?: Outcome;
  /** Rows of the result table (and points of the chart) rendered: the first 100, more on request, 100 a frame. */
  @state() private rowLimit = FIRST_ROWS;

  private readonly l10n = new LocalizeController(this, strings);
  private readonly feed = new FeedController<BudgetFeed>(this, {
    parse: parseBudgetFeed,
    count: (f) => f.projects.length,
    adapters: {
      pabulib: () => withSlices(import('./jugend-budget.pabulib.js')).then((m) => m.default),
      csv: () => import('./jugend-budget.csv.js').then((m) => m.default),
      decidim: () => import('./jugend-budget.decidim.js').then((m) => m.default),
    },
    detect: () => import('./jugend-budget.formats.js').then((m) => m.detectors),
    // A `.pb` file is Pabulib: its reader loads at once, beside the request, instead of after a failed
    // JSON read and the detectors' two chunks (three round trips more on a phone network).
    source: (h) => ({
      data: h.data,
      src: h.src,
      format: h.format ?? (/\.pb(?:[?#]|$)/i.test(h.src ?? '') ? 'pabulib' : undefined),
      transform: h.transform,
      inlineSelector: ':scope > script[type="application/json"]:not([data-source])',
    }),
  });

  /** The result as the host page may read it (selected ids, total cost, rule); undefined until known. */
  get result(): BudgetResult | undefined {
    const f = this.outcomeOf;
    const o = this.outcome;
    if (!f || !o) return undefined;
    return Object.freeze({
      selected: Object.freeze([...o.selected]),
      totalCost: o.cost,
      budget: this.budgetOf(f),
      currency: f.currency,
      rule: this.computed ? o.rule : (f.rule ?? this.rule ?? 'published'),
      computed: this.computed,
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    if (this.download) URL.revokeObjectURL(this.download[0]);
    this.download = undefined;
  }

  override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const f = this.feed.value;
    if (f && (f !== this.outcomeOf || changed.has('budget') || changed.has('rule'))) this.startResult(f);
    if (changed.has('phase')) this.viewing = undefined;
  }

  private budgetOf(f: BudgetFeed): number {
    return f.budget > 0 ? f.budget : (this.budget ?? 0);
  }

  private currentOf(f: BudgetFeed): PhaseId {
    return this.phase && (phaseIds as readonly string[]).includes(this.phase) ? this.phase : f.current;
  }

  /** The published result right away; otherwise the rule (equal shares in slices) once voting has ended. */
  private startResult(f: BudgetFeed): void {
    this.abort?.abort();
    this.outcomeOf = f;
    this.outcome = undefined;
    this.rowLimit = FIRST_ROWS;
    this.computed = false;
    this.computing = false;
    if (this.download) URL.revokeObjectURL(this.download[0]);
    this.download = undefined;
    if (f.pendingBallots) {
      this.readBallots(f);
      return;
    }
    if (f.published) {
      this.settle(publishedOutcome({ ...f, budget: this.budgetOf(f) }), false);
      return;
    }
    const ruleId = f.ruleId ?? ruleOf(this.rule);
    if (!showsResult(this.currentOf(f)) || !ruleId || !f.projects.some((p) => p.votes !== undefined)) return;
    // Greedy is one sort: its result is in the first render (no round trip for the rules' chunk).
    if (ruleId === 'greedy') {
      this.settle(greedy({ ...electionOf(f), budget: this.budgetOf(f) }), true);
      return;
    }
    if (!f.ballots?.length) {
      // The widget says "no result" at once; the console's why comes with the rules' chunk (bad data only,
      // so its words need not travel in the first-render chunk).
      void import('./jugend-budget.rules.js').then((m) => m.warnNoBallots(this.localName, ruleId, this.l10n.lang));
      return;
    }
    const abort = (this.abort = new AbortController());
    this.computing = true;
    // The rules load only now, in their own chunk: most feeds publish their selection.
    withSlices(import('./jugend-budget.rules.js'))
      .then((m) => m.runChunked(m.ruleRun(ruleId, { ...electionOf(f), budget: this.budgetOf(f) })!, { signal: abort.signal }))
      .then(
        (outcome) => {
          if (abort.signal.aborted) return;
          this.computing = false;
          this.settle(outcome, true);
        },
        (error: Error) => {
          if (error.name !== 'AbortError')
            warn(
              `${this.localName}: ${this.l10n.lang == 'en' ? 'the result could not be computed.' : 'Das Ergebnis konnte nicht berechnet werden.'}`,
              error,
            );
          this.computing = false;
        },
      );
  }

  /** Many ballots become project indexes (and votes) in slices, with the rules' chunk; then the result as usual. */
  private readBallots(f: BudgetFeed): void {
    const abort = (this.abort = new AbortController());
    const list = f.pendingBallots!;
    this.computing = true;
    withSlices(import('./jugend-budget.rules.js'))
      .then((m) =>
        m.runChunked(
          ballotIndexes(list, f.projects, (message) => warn(`${this.localName}: ${message}`), this.l10n.lang),
          { signal: abort.signal },
        ),
      )
      .then(
        (ballots) => {
          if (abort.signal.aborted) return;
          f.ballots = ballots;
          f.pendingBallots = undefined;
          countVotes(f.projects, ballots);
          this.startResult(f);
        },
        (error: Error) => {
          if (error.name !== 'AbortError')
            warn(
              `${this.localName}: ${this.l10n.lang == 'en' ? 'the ballots could not be read.' : 'Die Stimmzettel konnten nicht gelesen werden.'}`,
              error,
            );
          this.computing = false;
        },
      );
  }

  private settle(outcome: Outcome, computed: boolean): void {
    this.outcome = outcome;
    this.computed = computed;
    const result = this.result;
    if (result) this.dispatchEvent(new StBudgetResultEvent(result));
  }

  override render() {
    return this.feed.render({
      pending: () => renderLoading(this.l10n),
      error: (e) => renderFeedError(e, this.l10n, this.feed.retry),
      complete: (f) => this.renderFeed(f),
    });
  }

  private t(key: Key, params?: Record<string, string | number>): string {
    return this.l10n.t(key, params);
  }

  /** The chart is a chunk of its own (only the result shows it); the table beside it says the same. */
  private chartBox(points: ChartPoint[], budget: number) {
    if (!chart) {
      this.chartLoading ??= import('./jugend-budget.chart.js').then(
        (m) => ((chart = m), this.requestUpdate()),
        (e) => warn(`jugend-budget: chart not loaded (the table shows the result)`, e),
      );
      return nothing;
    }
    // Its styles came with its chunk (as the idea wall's dialog's do): added to this shadow root once.
    const root = this.renderRoot as ShadowRoot;
    const sheet = chart.chartStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const wide = chart.chartWidth(points.length) > 600;
    return html`<div class="chart-box" part="chart" tabindex=${wide ? '0' : nothing} role=${wide ? 'region' : nothing} aria-label=${wide ? this.t('chartScroll') : nothing}>
      ${chart.renderChart(points, budget)}
    </div>`;
  }

  private chartLoading?: Promise<unknown>;

  /** Callers (and tests) see the result with its chart, as before the chart had a chunk of its own. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    if (!chart && this.chartLoading) {
      await this.chartLoading;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  private money(f: BudgetFeed, n: number): string {
    return formatMoney(this.l10n.lang, f.currency, n);
  }

  private heading(level: number, text: string, part?: string): TemplateResult {
    const l = Math.min(6, Math.max(2, Math.round(level) || 2));
    // A fixed set of tags: lit cannot make the tag name a binding.
    switch (l) {
      case 3:
        return html`<h3 part=${part ?? nothing}>${text}</h3>`;
      case 4:
        return html`<h4 part=${part ?? nothing}>${text}</h4>`;
      case 5:
        return html`<h5 part=${part ?? nothing}>${text}</h5>`;
      case 6:
        return html`<h6 part=${part ?? nothing}>${text}</h6>`;
      default:
        return html`<h2 part=${part ?? nothing}>${text}</h2>`;
    }
  }

  private phaseName(p: Phase | PhaseId): string {
    const phase = typeof p === 'string' ? undefined : p;
    return (phase?.title && pick(phase.title, this.l10n.lang)) || this.t(`phase.${typeof p === 'string' ? p : p.id}` as Key);
  }

  /** " (dates)" after a phase's name in "Jetzt"/"Danach": the space, then the span (one shared template). */
  private dated(p: Phase) {
    return p.start || p.end ? [' ', whenSpan(`(${this.when(p)})`)] : nothing;
  }

  private when(p: Phase): string {
    const d = (s?: string) => this.l10n.date(s);
    if (p.start && p.end) {
      // formatRange: a one-day vote reads "14. Juni 2025" (not "14. Juni 2025 – 14. Juni 2025"), a range "1. März – 31. Mai 2025".
      const [a, b] = [new Date(p.start), new Date(p.end)];
      return a <= b ? this.l10n.dateRange(a, b) : this.t('range', { start: d(p.start), end: d(p.end) });
    }
    if (p.end) return this.t('until', { date: d(p.end) });
    if (p.start) return this.t('from', { date: d(p.start) });
    return '';
  }

  private renderFeed(f: BudgetFeed) {
    const lang = this.l10n.lang;
    const current = this.currentOf(f);
    const viewing = this.viewing ?? current;
    const level = this.headingLevel;
    const phases: Phase[] = f.phases.length ? f.phases : phaseIds.map((id) => ({ id }));
    const now = phases.find((p) => p.id === current) ?? { id: current };
    const next = nextPhase({ phases }, current);
    const budget = this.budgetOf(f);
    const ruleName = f.ruleId ? this.t(`rule.${f.ruleId}` as Key) : (f.rule ?? this.rule);
    // Only the view's heading is a live region: a phase switch announces the phase's name, not its whole list or table.
    return html`<article class="base" part="base">
      <header part="header">
        ${this.heading(level, f.title)} ${f.intro ? html`<p class="intro">${pick(f.intro, lang)}</p>` : nothing}
        <dl class="facts">
          ${budget > 0 ? fact(this.t('budget'), this.money(f, budget)) : nothing}
          ${f.eligible ? fact(this.t('eligible'), pick(f.eligible, lang)) : nothing}
          ${ruleName ? fact(this.t('rule'), ruleName) : nothing}
        </dl>
      </header>
      <section class="now" part="now" aria-label=${this.t('now')}>
        <p><strong>${this.t('now')}:</strong> ${this.phaseName(now)}${this.dated(now)}</p>
        ${now.text ? html`<p>${pick(now.text, lang)}</p>` : nothing}
        ${now.url ? html`<p><a class="button primary" href=${now.url}>${this.t(now.id === 'proposals' ? 'open.proposals' : now.id === 'vote' ? 'open.vote' : 'open')}</a></p>` : nothing}
        ${next ? html`<p><strong>${this.t('next')}:</strong> ${this.phaseName(next)}${this.dated(next)}</p>` : nothing}
      </section>
      <nav aria-label=${this.t('phases')}>
        <ol class="phases" part="phases">
          ${phases.map(
            (
              p,
              i,
            ) => html`<li part="phase" class=${p.id === current ? 'current' : phaseIds.indexOf(p.id) < phaseIds.indexOf(current) ? 'past' : 'future'}>
              <button type="button" class="phase-button" aria-pressed=${p.id === viewing ? 'true' : 'false'} aria-current=${p.id === current ? 'step' : nothing} @click=${() => (this.viewing = p.id)}>
                <span class="step" aria-hidden="true">${i + 1}</span>
                <span class="name">${this.phaseName(p)}${p.id === current ? html` <span class="visually-hidden">${this.t('current')}</span>` : nothing}</span>
                ${p.start || p.end ? whenSpan(this.when(p)) : nothing}
              </button>
            </li>`,
          )}
        </ol>
      </nav>
      <section class="view">
        <div aria-live="polite">${this.heading(level + 1, this.phaseName(phases.find((p) => p.id === viewing) ?? viewing))}</div>
        ${viewing !== current ? this.phaseText(phases, viewing) : nothing}
        ${this.renderView(f, viewing)}
      </section>
    </article>`;
  }

  private phaseText(phases: Phase[], id: PhaseId) {
    const p = phases.find((x) => x.id === id);
    return p?.text ? html`<p>${pick(p.text, this.l10n.lang)}</p>` : nothing;
  }

  private renderView(f: BudgetFeed, phase: PhaseId) {
    if (!f.projects.length) return html`<p class="state" part="empty">${this.t('empty')}</p>`;
    if (phase === 'proposals') return this.renderProjects(f, false);
    if (phase === 'check') return this.renderProjects(f, true);
    const current = this.currentOf(f);
    if (phase === 'vote')
      return html`${showsResult(current) ? nothing : html`<p class="note">${this.t('voteHidden')}</p>`}${current === 'vote' && f.voting ? this.renderBallot(f) : this.renderProjects(f, true, true)}`;
    if (phase === 'result') return this.renderResult(f);
    return this.renderFollow(f);
  }

  /** The ballot, in its own lazy chunk, while voting runs and the feed says where to cast. */
  private renderBallot(f: BudgetFeed) {
    if (!customElements.get('st-budget-ballot')) {
      // A failed load leaves the loading line; the console has the browser's error.
      void import('./jugend-budget.ballot-view.js').then(() => this.requestUpdate());
      return renderLoading(this.l10n);
    }
    return html`<st-budget-ballot .feed=${f} .owner=${this}></st-budget-ballot>`;
  }

  private renderProjects(f: BudgetFeed, checked: boolean, feasibleOnly = false) {
    const list = feasibleOnly ? f.projects.filter((p) => p.feasible !== false) : f.projects;
    return html`<ul class="projects" part="projects" role="list">
      ${list.map(
        (p) => html`<li class="project" part="project">
          ${this.heading(this.headingLevel + 2, p.title)}
          ${p.group ? html`<p class="meta">${this.t('group')}: ${p.group}</p>` : nothing}
          ${p.description ? html`<p>${p.description}</p>` : nothing}
          ${checked ? this.renderCheck(f, p) : nothing}
        </li>`,
      )}
    </ul>`;
  }

  private renderCheck(f: BudgetFeed, p: Project) {
    const feasibility =
      p.feasible === true
        ? html`<span class="badge yes"><span aria-hidden="true">✓ </span>${this.t('feasible')}</span>`
        : p.feasible === false
          ? html`<span class="badge no"><span aria-hidden="true">✕ </span>${this.t('notFeasible')}</span>${p.feasibilityReason ? html` – ${p.feasibilityReason}` : nothing}`
          : html`<span class="badge open"><span aria-hidden="true">◔ </span>${this.t('unchecked')}</span>`;
    return html`<dl class="check">
      <div><dt>${this.t('costEstimate')}</dt><dd>${p.cost > 0 ? this.money(f, p.cost) : this.t('notEstimated')}</dd></div>
      <div><dt class="visually-hidden">${this.t('feasible')}</dt><dd>${feasibility}</dd></div>
    </dl>`;
  }

  private renderResult(f: BudgetFeed) {
    if (this.computing) return html`<p class="state" role="status">${this.t('computing')}</p>`;
    const o = this.outcome;
    if (!o) return html`<p class="note">${showsResult(this.currentOf(f)) ? this.t('noResult') : this.t('voteHidden')}</p>`;
    const all = voteOrder(f, o);
    const rows = all.slice(0, this.rowLimit);
    const budget = this.budgetOf(f);
    const points: ChartPoint[] = rows.map((r) => ({
      id: r.project.id,
      votes: r.project.votes ?? 0,
      funded: r.funded,
      y: r.funded ? r.cumulative : r.cumulative + r.project.cost,
      before: r.funded ? r.cumulative - r.project.cost : r.cumulative,
    }));
    const money = (n: number) => this.money(f, n);
    // The table's roles are explicit: the phone layout puts grid on its elements, and a browser that
    // would then drop their table semantics still tells a screen reader rows, columns and headers.
    return html`<p class="summary" part="summary">
        ${this.t('summary', { funded: o.selected.length, total: f.projects.length, cost: money(o.cost), budget: money(budget) })}
        <span class="meta">${this.computed ? this.t('computed') : this.t('publishedResult')}</span>
      </p>
      ${o.comparison ? html`<p class="meta">${this.t('compared', { shares: this.l10n.format(o.comparison.shares), greedy: this.l10n.format(o.comparison.greedy), chosen: this.t(`chosen.${o.comparison.chosen}`) })}</p>` : nothing}
      <figure class="figure">
        <figcaption><strong>${this.t('chartTitle')}</strong> <span class="meta">${this.t('chartHint')}</span>
          <span class="legend" aria-hidden="true"><span class="key funded">●</span> ${this.t('legendFunded')} <span class="key not">⊠</span> ${this.t('legendNot')} <span class="key line"></span> ${this.t('budgetLine', { amount: money(budget) })}</span>
        </figcaption>
        ${this.chartBox(points, budget)}
      </figure>
      <div class="table-box" part="table" tabindex="0" role="region" aria-label=${this.t('tableCaption')}>
        <table role="table">
          <caption>${this.t('tableCaption')}</caption>
          <thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">${this.t('rank')}</th><th role="columnheader" scope="col">${this.t('project')}</th><th role="columnheader" scope="col">${this.t('votes')}</th><th role="columnheader" scope="col">${this.t('cost')}</th><th role="columnheader" scope="col">${this.t('cumulative')}</th><th role="columnheader" scope="col">${this.t('outcome')}</th></tr></thead>
          <tbody role="rowgroup">
            ${rows.map((r, i) => {
              const reason = o.reasons.get(r.project.id);
              return html`<tr role="row" class=${r.funded ? 'funded' : 'not'}>
                <td role="cell">${i + 1}</td>
                <th role="rowheader" scope="row">${r.project.title}${reason && !r.funded ? html`<details class="why"><summary>${this.t('why')}</summary>${this.t(`reason.${reason}` as Key)}${reason === 'not-feasible' && r.project.feasibilityReason ? ` – ${r.project.feasibilityReason}` : ''}</details>` : nothing}</th>
                <td role="cell">${this.l10n.format(r.project.votes ?? 0)}</td>
                <td role="cell">${money(r.project.cost)}</td>
                <td role="cell">${r.funded ? money(r.cumulative) : '–'}</td>
                <td role="cell">${
                  r.funded
                    ? html`<span aria-hidden="true">● </span>${this.t('funded')}`
                    : html`<span aria-hidden="true">⊠ </span>${this.t('notFunded')}`
                }</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${
        all.length > rows.length
          ? html`<p class="meta">${this.t('firstRows', { shown: this.l10n.format(rows.length), total: this.l10n.format(all.length) })}
            <button type="button" class="button" @click=${this.showAllRows}>${this.t('showAll', { total: this.l10n.format(all.length) })}</button></p>`
          : nothing
      }
      <p><a class="button" part="download" href=${this.pbUrl(f, o)} download=${this.download?.[1] ?? nothing}>${this.t('download')}</a></p>`;
  }

  /** Adds the remaining rows 100 a frame (all at once was one long task); focus moves to the table, as the button goes away. */
  private async showAllRows(): Promise<void> {
    this.renderRoot.querySelector<HTMLElement>('[part="table"]')?.focus();
    const o = this.outcome;
    const total = this.outcomeOf?.projects.length ?? 0;
    while (this.outcome === o && this.rowLimit < total) {
      this.rowLimit += FIRST_ROWS;
      await this.updateComplete;
      await new Promise(requestAnimationFrame);
    }
  }

  /** The result as a Pabulib file, built once per result after its first render (lazily; many ballots in slices). */
  private pbUrl(f: BudgetFeed, o: Outcome): string {
    if (this.download || this.pbFor === o) return this.download?.[0] ?? '#';
    this.pbFor = o;
    const outcome = { ...o, rule: this.computed ? o.rule : ((f.rule as Outcome['rule']) ?? o.rule) };
    void withSlices(import('./jugend-budget.pabulib.js'))
      .then((m) => m.feedDownload(f, this.budgetOf(f), outcome))
      .then(([blob, name]) => {
        if (this.outcome !== o || this.download) return;
        this.download = [URL.createObjectURL(blob), name];
        this.requestUpdate();
      });
    return '#';
  }

  private renderFollow(f: BudgetFeed) {
    const chosen = new Set(this.outcome?.selected ?? f.projects.filter((p) => p.selected).map((p) => p.id));
    const funded = f.projects.filter((p) => chosen.has(p.id));
    const title = this.heading(this.headingLevel + 1, this.t('followTitle'));
    if (this.computing) return html`<p class="state" role="status">${this.t('computing')}</p>`;
    if (!funded.length) return html`${title}<p class="note">${this.t('noFunded')}</p>`;
    return html`${title}<ul class="projects follow" part="follow" role="list">
      ${funded.map((p) => {
        const s = p.status ?? 'planned';
        const label = s === 'unknown' ? this.t('status.unknown', { id: p.statusLabel ?? '' }) : this.t(`status.${s}` as Key);
        return html`<li class="project" part="project">
          ${this.heading(this.headingLevel + 2, p.title)}
          <p class="status s-${s}"><span class="icon" aria-hidden="true">${statusIcon[s] ?? statusIcon.custom}</span> <span class="visually-hidden">${this.t('status')}: </span>${label}${p.statusReason ? html` – ${p.statusReason}` : nothing}</p>
          ${
            p.progress !== undefined
              ? html`<p class="progress"><span id=${`pg-${p.id}`}>${this.t('progress', { value: Math.round(p.progress) })}</span>
                <progress max="100" value=${p.progress} aria-labelledby=${`pg-${p.id}`}></progress></p>`
              : nothing
          }
          ${
            p.timeline.length
              ? html`<details><summary>${this.t('timeline')}</summary><ol class="timeline">
                ${p.timeline.map((t) => html`<li>${t.date ? html`<time datetime=${t.date}>${this.l10n.date(t.date)}</time>: ` : nothing}${t.url ? html`<a href=${t.url}>${t.text}</a>` : t.text}</li>`)}
              </ol></details>`
              : nothing
          }
        </li>`;
      })}
    </ul>`;
  }
}

const FIRST_ROWS = 100;
