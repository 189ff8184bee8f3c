import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssVars } from '../core/css-vars.js';
import { FeedController } from '../core/feed-controller.js';
import type { FeedAdapters, FeedContext } from '../core/feed-types.js';
import { renderFeedError, renderLoading } from '../core/feed-view.js';
import { LocalizeController } from '../core/i18n.js';
import { formStyles } from '../core/form-styles.js';
import { PagedFeedController } from '../core/paged-feed.js';
import { UrlStateController } from '../core/url-state.js';
import { WidthController } from '../core/width-controller.js';
import { WidgetElement } from '../core/widget-element.js';
import { StIdeaSelectEvent } from './idea-wall.events.js';
import {
  builtinStatuses,
  clampText,
  parseIdeaFeed,
  passes,
  queryWords,
  sortIdeas,
  sortKeys,
  statusIcon,
  today,
  type BuiltinStatus,
  type Filter,
  type Idea,
  type IdeaFeed,
  type SortKey,
  type Status,
} from './idea-wall.model.js';
import { draftKey, readJson, writeJson } from './idea-wall.storage.js';
import styles from './idea-wall.styles.js';
import { strings } from './idea-wall.strings.js';
import type { SubmitForm } from './idea-wall.submit.js';
import { longDate } from '../core/long-date.js';
import { SupportController } from './support-controller.js';

const adapters: FeedAdapters = {
  csv: () => import('./idea-wall.csv.js').then((m) => m.default),
  decidim: () => import('./adapters/decidim.js').then((m) => m.decidimAdapter),
  consul: () => import('./adapters/consul.js').then((m) => m.consulAdapter),
};

const detect = () => import('./idea-wall.formats.js').then((m) => m.detectors);

/** The latest dated step of an idea's follow-through: a timeline step or the official answer. */
function latestStep(idea: Idea): { date: string; text: string } | undefined {
  let best: { date: string; text: string } | undefined;
  for (const t of idea.timeline) if (t.date && (!best || t.date > best.date)) best = { date: t.date, text: t.text };
  if (idea.answer?.date && (!best || idea.answer.date > best.date)) best = { date: idea.answer.date, text: idea.answer.text };
  return best;
}

const prints = ['beforeprint', 'afterprint'];

/** After the next frame is painted; a hidden page runs no animation frames: the timer is the fallback. */
const afterFrame = () =>
  new Promise((go) => {
    requestAnimationFrame(() => setTimeout(go));
    setTimeout(go, 200);
  });

/** Blocked storage just means a new order on each load. */
function visitSeed(): string {
  const key = 'stadttraum.idea-wall.seed';
  const s = readJson<string>('sessionStorage', key) ?? String(Math.random());
  writeJson('sessionStorage', key, s);
  return s;
}

/**
 * The ideas of a workshop or participation process as a living wall: browse, filter and
 * search, open an idea with its official answer, progress and timeline, support it, and
 * submit new ones. Reads the native feed or, with `format`, Decidim and CONSUL.
 *
 * @tag idea-wall
 * @fires {StLoadEvent} st-load - The feed was loaded; `detail.count` is the number of ideas.
 * @fires {StErrorEvent} st-error - The feed (or a next page) could not be loaded; `detail` has message, status and url.
 * @fires {StIdeaSelectEvent} st-idea-select - A visitor opened an idea; `detail.id`.
 * @fires {StIdeaSupportEvent} st-idea-support - The server confirmed a support or its withdrawal; `detail` has id, supported, supporters, duplicate.
 * @fires {StIdeaSubmitEvent} st-idea-submit - A valid form is about to be sent. **Cancelable**: after `preventDefault()` the widget sends nothing, so the page can handle `detail.idea` itself.
 * @fires {StIdeaSubmittedEvent} st-idea-submitted - The server accepted a submitted idea (`status: "pending"`: it is published after review); `detail` is an `IdeaSubmitted` with id, status and the server's `receipt` code when it sent one.
 * @slot - Fallback content shown until the widget has loaded (e.g. a link to the ideas as a list).
 * @csspart base - The wrapper around toolbar, summary and wall.
 * @csspart toolbar - Search, filters and sorting.
 * @csspart summary - The progress summary ("24 Ideen · 5 In Umsetzung …"), its buttons filter.
 * @csspart wall - The list of idea cards.
 * @csspart card - One idea card.
 * @csspart status - A status badge.
 * @csspart support - A support button.
 * @csspart more - The "Mehr laden" button.
 * @csspart dialog - The detail dialog.
 * @csspart form - The submit form.
 * @csspart empty - The message when there are no ideas, or none match.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message.
 * @cssprop --st-idea-note - Background of a card (the sticky note).
 * @cssprop --st-idea-note-dark - Card background in the dark theme.
 * @cssprop --st-idea-min-width - Narrowest card width before the wall drops a column (default 16rem).
 * @cssprop --st-idea-gap - Space between cards.
 * @cssprop --st-loading-height - Height the loading placeholder reserves so the page does not jump when the ideas arrive (default `100vh`).
 */
export class IdeaWall extends WidgetElement {
  static override styles = [...WidgetElement.styles, formStyles, styles];

  /** Enables the support button: supports are sent here (POST `{ idea, support }`, see the write contract). */
  @property({ attribute: 'support-endpoint' }) supportEndpoint?: string;

  /** Enables the submit form (a separate chunk, loaded when opened); new ideas are sent here (POST, answered with 202). */
  @property({ attribute: 'submit-endpoint' }) submitEndpoint?: string;

  /** Privacy notice linked next to the submit form's consent checkbox. */
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;

  /**
   * Reflects search, filters, sort and the open idea in the URL hash (`#status=done&idea=2024-017`), so
   * a view can be linked; the back button closes an open idea.
   */
  @property({ attribute: 'url-state', type: Boolean }) urlState = false;

  /** `wall`: cards in columns (one on a phone); `list`: compact rows. Reflected. */
  @property({ reflect: true }) layout: 'wall' | 'list' = 'wall';

  /**
   * Initial order: `newest` (default), `support`, `status` or `random` (stable for a visit: seed in
   * sessionStorage).
   * @type {'newest' | 'support' | 'status' | 'random'}
   */
  @property() sort: SortKey = 'newest';

  /** Cards shown at first and added by each "Mehr laden". */
  @property({ attribute: 'page-size', type: Number }) pageSize = 24;

  /** `page-size` within 1–200: a huge value would render thousands of cards at once. */
  private get perPage(): number {
    return Math.min(200, Math.max(1, Math.floor(this.pageSize) || 24));
  }

  /** Heading level of the wall's title; card titles are one level below (or this level without a title). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /**
   * Statuses in which an idea can still be supported, separated by spaces (a status id, or the
   * built-in status a feed's own one behaves like). Done, declined and withdrawn ideas show their
   * count but no button by default.
   */
  @property({ attribute: 'support-statuses' }) supportStatuses = 'new review planned in-progress';

  @state() private query = '';
  @state() private category = '';
  @state() private status = '';
  @state() private shown = 0;
  @state() private openId?: string;
  @state() private notice = '';
  @state() private submitOpen = false;
  @state() private printing = false;
  /** Ideas of the feed's later pages (`next`), loaded with "Mehr laden". */
  @state() private extra: Idea[] = [];
  /** On a narrow widget: the filters panel and the full intro, each behind one button. */
  @state() private filtersOpen = false;
  @state() private introOpen = false;

  /** `narrow` below 36em: a phone gets the first card on its first screen. */
  protected readonly width = new WidthController(this, 36);

  private readonly l10n = new LocalizeController(this, strings);
  private readonly feed = new FeedController<IdeaFeed>(this, {
    parse: parseIdeaFeed,
    count: (f) => f.ideas.length,
    adapters,
    detect,
  });
  /** The feed's `next` pages, loaded on demand ("Mehr laden"). */
  private readonly pages = new PagedFeedController<IdeaFeed, Idea>(this, {
    parse: (raw, ctx) => this.parsePage(raw, ctx),
    items: (page) => page.ideas,
    id: (idea) => idea.id,
    next: (page) => page.next,
    adapters,
    inlineSelector: ':scope > script[data-source="idea-wall-next"]',
    empty: { ideas: [] },
  });

  private readonly supports = new SupportController(this, this.l10n, (message) => this.say(message));
  private readonly url = new UrlStateController(this, {
    enabled: () => this.urlState,
    state: () => ({
      q: this.query,
      category: this.category,
      status: this.status,
      sort: this.sort === 'newest' ? undefined : this.sort,
      idea: this.openId,
    }),
    apply: (p) => {
      this.query = p.get('q') ?? '';
      this.category = p.get('category') ?? '';
      this.status = p.get('status') ?? '';
      const sort = p.get('sort') as SortKey | null;
      if (sort && sortKeys.includes(sort)) this.sort = sort;
      this.openId = p.get('idea') ?? undefined;
    },
  });
  private seed?: string;
  /**
   * Cards drawn while the first frame with a feed is on its way (0: all). Lit's first render of
   * every card was the largest part of the wall's first content: the first frame draws the rows
   * of cards that start on the screen (measured, so nothing a visitor sees moves or comes late),
   * the rest come right after it is painted. Three cards fill a phone's first screen.
   */
  private upTo = 0;
  private filled?: Promise<void>;
  /**
   * Read when a random order needs it, never on first render otherwise: the page's first
   * sessionStorage access is a synchronous call to the browser (4–245 ms in a profile under
   * load), and a visitor who never sorts at random gets nothing stored.
   */
  private seedFor = (sort: SortKey) => (sort === 'random' ? (this.seed ??= visitSeed()) : '');
  private submitForm?: SubmitForm;
  private focusIndex?: number;
  private returnFocus?: string;
  /** The detail dialog's content: a chunk of its own, loaded when an idea is first opened. */
  private detail?: typeof import('./idea-wall.detail.js');
  private detailLoading?: Promise<void>;
  private detailL10n?: LocalizeController<import('./idea-wall.detail.js').DetailKey>;
  private lastFeed?: IdeaFeed;
  /** All ideas (first page and later ones), sorted, and those matching the filters: derived in willUpdate. */
  private all: Idea[] = [];
  private sorted: Idea[] = [];
  private visibleIdeas: Idea[] = [];
  /** The local search's matches so far, in order (`sorted` itself without a filter). */
  private hits: Idea[] = [];
  /**
   * A long wall's search not yet complete: its filter and where it goes on. A keystroke searches
   * only as far as the page it draws needs; the rest (the count) after that frame is painted.
   */
  private rest?: { filter: Filter; next: number };
  private counted?: Promise<void>;
  /** How many ideas have each status, per list of ideas (a keystroke does not count 10,000 ideas again). */
  private counts = new Map<Status, number>();
  /** A long wall's search index of `sorted` (a lazy chunk), made soon after it is sorted. */
  private index?: import('./idea-wall.search.js').SearchIndex;
  /** Search and filters on the server, for a paged feed that offers them (a lazy chunk). */
  private remote?: import('./idea-wall.query.js').RemoteSearch;
  private queryChunk?: Promise<typeof import('./idea-wall.query.js')>;
  private noticeTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    for (const e of prints) addEventListener(e, this.onPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const e of prints) removeEventListener(e, this.onPrint);
    clearTimeout(this.noticeTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.shown || changed.has('pageSize')) this.shown = this.perPage;
    const feed = this.feed.value;
    const newFeed = !!feed && feed !== this.lastFeed;
    if (feed && newFeed) {
      const before = this.lastFeed;
      this.lastFeed = feed;
      if (before) {
        // A refresh: keep what the visitor sees, announce what is new, move nothing.
        const known = new Set(before.ideas.map((i) => i.id));
        // While the server searches, its refresh announces the new matches (query.ts).
        if (!this.remote?.on) this.announceNew(feed.ideas.filter((i) => !known.has(i.id)).length);
      } else {
        this.extra = [];
        this.pages.reset(feed.next);
        this.upTo = 3;
      }
    }
    // Only when a page arrived: no set of 10,000 ids on every keystroke.
    const fresh = this.pages.loading && this.pages.take(new Set(this.all.map((i) => i.id)));
    if (fresh) {
      const start = (this.lastFeed?.ideas.length ?? 0) + this.extra.length;
      fresh.forEach((i, n) => (i.index = start + n));
      this.showFrom(this.visibleIdeas.length);
      this.extra = [...this.extra, ...fresh];
    }
    // The lists render shows, derived when their inputs changed (sorting 10,000 ideas is not free).
    const allChanged = newFeed || !!fresh || changed.has('extra');
    const main = this.lastFeed?.ideas ?? [];
    if (allChanged) {
      this.all = this.extra.length ? [...main, ...this.extra] : main;
      this.counts = new Map();
      for (const i of this.all) this.counts.set(i.status, (this.counts.get(i.status) ?? 0) + 1);
    }
    if (allChanged || changed.has('sort')) {
      const sorted = (this.sorted = sortIdeas(this.all, sortKeys.includes(this.sort) ? this.sort : 'newest', this.seedFor(this.sort)));
      this.index = undefined;
      // A long wall makes its search index while the visitor reads, not in the first keystroke's frame;
      // its chunk is asked for at once, so it is there when the timer runs.
      if (sorted.length > 500) {
        const chunk = import('./idea-wall.search.js');
        setTimeout(async () => {
          const { SearchIndex } = await chunk;
          if (sorted === this.sorted) this.index ??= new SearchIndex(sorted);
        }, 50);
      }
    }
    if (allChanged || ['sort', 'query', 'category', 'status'].some((k) => changed.has(k))) {
      const filter = { words: queryWords(this.query), category: this.category, status: this.status };
      const searching = !!(filter.words.length || filter.category || filter.status);
      this.rest = searching && this.index ? { filter, next: 0 } : undefined;
      this.hits = !searching ? this.sorted : this.rest ? [] : this.sorted.filter((i) => passes(i, filter));
      // Ideas on pages not loaded yet: a feed that can search (or sort) is asked (until then, the loaded matches).
      if ((searching || ['support', 'status'].includes(this.sort)) && this.lastFeed?.query && this.pages.hasMore) void this.askServer();
      else this.remote?.stop();
    }
    // The page drawn, and one more for "Mehr laden (24 weitere)"; all of them for printing.
    this.searchOn(this.printing ? Infinity : this.shown + this.perPage);
    const r = this.remote;
    this.visibleIdeas = r?.on && r.ideas ? r.view(this.sort, this.seedFor(this.sort)) : this.hits;
  }

  /** Searches on until `need` ideas match, or all are searched. */
  private searchOn(need: number): void {
    const r = this.rest;
    if (r && this.hits.length < need && (r.next = this.index!.find(r.filter, r.next, need, this.hits).next) >= this.sorted.length)
      this.rest = undefined;
  }

  /** The rest of a search, for the count, once the frame with its first page is painted. */
  private countRest = async (): Promise<void> => {
    await afterFrame();
    this.counted = undefined;
    this.searchOn(Infinity);
    this.requestUpdate();
  };

  private async askServer(): Promise<void> {
    const m = await (this.queryChunk ??= import('./idea-wall.query.js'));
    // The filter may have changed while the chunk loaded: decide with the current one.
    const filter = { search: this.query, category: this.category, status: this.status, sort: this.sort };
    this.remote = m.askServer(this, this.remote, filter, this.lastFeed!);
  }

  /** @internal Ideas from this index of the list are new: a page of them is shown, focus on the first. */
  showFrom(start: number): void {
    this.focusIndex = start;
    this.shown = start + this.perPage;
  }

  /** @internal Says how many new ideas (or matches) a refresh brought, if any. */
  announceNew(count: number): void {
    if (count) this.say(this.l10n.plural('newIdeas', count));
  }

  /** @internal "12 von 340 Ideen": the server's numbers while it searches for the wall. */
  countText(): string {
    const r = this.remote?.on && this.remote.ideas ? this.remote : undefined;
    // A count drawn or announced is of all matches: the search is completed first.
    if (!r) this.searchOn(Infinity);
    return this.l10n.plural('shown', r ? r.all : this.all.length, { shown: r ? r.total : this.hits.length });
  }

  /** "Mehr laden" goes on with the server's search while it has answered, else with the feed's pages. */
  private get pager() {
    return this.remote?.on ? this.remote : this.pages;
  }

  /** @internal Later pages share the first page's categories and statuses unless they bring their own. */
  parsePage(raw: unknown, ctx: FeedContext): IdeaFeed {
    const main = this.lastFeed;
    if (main && raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const r = raw as Record<string, unknown>;
      raw = {
        categories: main.categories,
        statuses: main.statuses
          .filter((s) => !(builtinStatuses as readonly string[]).includes(s.id) && s.base !== 'unknown')
          .map((s) => ({ id: s.id, label: s.label, color: s.color, base: s.base === 'custom' ? undefined : s.base })),
        ...r,
      };
    }
    return parseIdeaFeed(raw, ctx);
  }

  private onPrint = (e: Event): void => {
    this.printing = e.type[0] == 'b'; // beforeprint
  };

  // --- actions -----------------------------------------------------------------------------

  /** @internal Says this in the live region. */
  say(message: string): void {
    // Cleared first so the same sentence twice is announced twice.
    this.notice = '';
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = message), 120);
  }

  private setFilter(change: Partial<{ query: string; category: string; status: string; sort: SortKey }>): void {
    Object.assign(this, change);
    this.shown = this.perPage;
    this.url.replace();
    // The result count, once typing pauses.
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = this.countText()), 600);
  }

  /** On a phone the intro shows its first lines, and the rest on request. */
  private renderIntro(intro: string) {
    if (!this.hasAttribute('narrow') || intro.length < 160) return html`<p class="intro">${intro}</p>`;
    return html`<p class="intro ${this.introOpen ? '' : 'clamped'}" id="intro">${intro}</p>
      <p>
        <button type="button" class="link-button" aria-expanded=${this.introOpen} aria-controls="intro" @click=${() => (this.introOpen = !this.introOpen)}>
          ${this.l10n.t(this.introOpen ? 'introLess' : 'introMore')}
        </button>
      </p>`;
  }

  /** The skip link: past all cards (and "Mehr laden") to the end of the wall; Tab goes on to the page. */
  private skipWall = (): void => {
    this.renderRoot.querySelector<HTMLElement>('.wall-end')?.focus();
  };

  private showMore = (): void => {
    if (this.shown < this.visibleIdeas.length) {
      this.focusIndex = this.shown;
      this.shown += this.perPage;
    } else this.pager.more();
  };

  private loadDetail(): Promise<void> {
    return (this.detailLoading ??= import('./idea-wall.detail.js').then((m) => {
      m.addDetailStyles(this.renderRoot);
      // Its texts come with it, under the wall's (overrides in `strings` apply as everywhere).
      this.detailL10n = new LocalizeController(this, {
        de: { ...strings.de, ...m.detailStrings.de },
        en: { ...strings.en, ...m.detailStrings.en },
      });
      this.detail = m;
      this.requestUpdate();
    }));
  }

  /** `updateComplete` includes the detail chunk an opened idea is waiting for, and its render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    if (this.openId && !this.detail && this.detailLoading) {
      await this.detailLoading;
      done = await super.getUpdateComplete();
    }
    // …and the cards drawn after the first frame.
    while (this.upTo) {
      await this.filled;
      done = await super.getUpdateComplete();
    }
    // …and the count of a long search.
    while (this.counted) {
      await this.counted;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  private open(idea: Idea): void {
    void this.loadDetail();
    this.returnFocus = idea.id;
    this.openId = idea.id;
    this.url.open('idea', idea.id);
    this.dispatchEvent(new StIdeaSelectEvent(idea.id));
  }

  /** @internal The dialog's close (Escape, its button, the backdrop): the detail chunk binds it. */
  onDialogClose = (): void => {
    const id = this.openId;
    this.openId = undefined;
    if (id) this.url.close('idea', id);
    const target = id ?? this.returnFocus;
    void this.updateComplete.then(() => this.focusCard(target) || this.renderRoot.querySelector<HTMLElement>('.wall')?.focus());
  };

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private async openSubmit(): Promise<void> {
    this.submitOpen = !this.submitOpen;
    if (!this.submitOpen) return;
    if (!this.submitForm) {
      const { SubmitForm, addSubmitStyles } = await import('./idea-wall.submit.js');
      addSubmitStyles(this.renderRoot);
      this.submitForm ??= new SubmitForm(this);
      this.requestUpdate();
    }
    await this.updateComplete;
    this.submitForm.focus();
  }

  // --- rendering ---------------------------------------------------------------------------

  override render() {
    return this.feed.render({
      pending: () => renderLoading(this.l10n),
      error: (e) => renderFeedError(e, this.l10n, this.feed.retry),
      complete: (feed) => this.renderWall(feed),
    });
  }

  protected override updated(): void {
    // The dialog is drawn by the detail chunk (not on the first render): an idea to open loads it.
    const d = this.dialog;
    if (this.openId && !d?.open && this.find(this.openId)) {
      if (!this.detail) this.loadDetail();
      else if (d) {
        d.showModal();
        d.querySelector<HTMLElement>('.close')?.focus();
      }
    } else if (d?.open && !this.openId) d.close();
    if (this.focusIndex !== undefined && this.focusCard(this.visibleIdeas[this.focusIndex]?.id)) this.focusIndex = undefined;
    if (this.upTo) this.filled = this.fill();
    if (this.rest) this.counted ??= this.countRest();
  }

  /**
   * Draws more rows of cards while the screen goes on below them, and the whole row the screen
   * ends in (a card that starts on it is in the first frame), then the rest after the frame.
   */
  private fill = async (): Promise<void> => {
    await null; // after this update, so the next one is a fresh one
    const wall = this.renderRoot.querySelector('.wall');
    // The last card drawn, when there are more to draw.
    const last = wall?.children[this.upTo - 1];
    const drawn = this.upTo;
    if (last) {
      // The grid's columns as laid out ("304px 304px 304px"; one in the list layout) and its gap.
      const grid = getComputedStyle(wall!);
      const cols = grid.gridTemplateColumns.split(' ').length;
      // The end of the last card's row, and one row more while the next one starts on the screen
      // (rows differ in height: a row more than measured room would often be one below the screen).
      const row = Math.ceil(drawn / cols) * cols;
      this.upTo = last.getBoundingClientRect().bottom + (parseFloat(grid.rowGap) || 0) < innerHeight ? row + cols : row;
    }
    if (this.upTo == drawn) {
      await afterFrame();
      this.upTo = 0;
    }
    this.requestUpdate();
  };

  /** Focus on an idea's card (its title button) when it is drawn. */
  private focusCard(id = ''): boolean {
    const button = this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] .open`);
    button?.focus();
    return !!button;
  }

  private find(id: string): Idea | undefined {
    // Links may use the reference printed on the cards ("Nr. 2024-017") as well as the id.
    return this.all.find((i) => i.id === id) ?? this.all.find((i) => i.reference === id);
  }

  /** @internal Also used by the detail chunk. */
  statusLabel(s: Status): string {
    if (s.label) return s.base === 'unknown' ? this.l10n.t('status.unknown', { id: s.label }) : s.label;
    // Without a label from the feed the status is a built-in one.
    return this.l10n.t(`status.${s.id as BuiltinStatus}`);
  }

  /** @internal Also drawn by the detail chunk. */
  renderCategory(idea: Idea) {
    const c = idea.category;
    if (!c) return nothing;
    return html`<span class="chip ${c.unknown ? 'unknown' : ''}">${c.unknown ? this.l10n.t('unknownCategory', { id: c.id }) : c.label}</span>`;
  }

  private renderWall(feed: IdeaFeed) {
    const all = this.all;
    const visible = this.visibleIdeas;
    const shown = this.printing ? visible : visible.slice(0, this.shown);
    const level = this.headingLevel;
    const l = this.l10n;
    const counts = this.counts;
    const filtered = !!(this.query || this.category || this.status);
    const active = [this.query, this.category, this.status].filter(Boolean).length;
    const narrow = this.hasAttribute('narrow');
    const hasDraft = this.submitEndpoint && readJson('sessionStorage', draftKey(this.submitEndpoint));
    const more = visible.length - shown.length;
    // Until a long search has counted its matches: "… von 10.000 Ideen", never a wrong number.
    const counting = !!this.rest && visible === this.hits;
    const pager = this.pager;
    const loadingNext = pager.loading;
    return html`<div part="base" class="base">
      ${feed.title ? html`<div class="title" role="heading" aria-level=${level}>${feed.title}</div>` : nothing}
      ${feed.intro ? this.renderIntro(feed.intro) : nothing}
      ${
        narrow && all.length
          ? html`<p class="filters-toggle">
            <button type="button" class="button" aria-expanded=${this.filtersOpen} aria-controls="filters" @click=${() => (this.filtersOpen = !this.filtersOpen)}>
              ${l.t('filtersButton')}${active ? html` <span class="badge">(${l.plural('activeFilters', active)})</span>` : nothing}
            </button>
          </p>`
          : nothing
      }
      <div id="filters" class="filters" ?hidden=${narrow && !this.filtersOpen}>
      <div class="summary" part="summary" role="group" aria-label=${l.t('statusFilter')}>
        <button type="button" aria-pressed=${!this.status} @click=${() => this.setFilter({ status: '' })}>
          ${l.plural('ideas', all.length)}
        </button>
        ${feed.statuses
          .filter((s) => counts.get(s))
          .map(
            (
              s,
            ) => html`<button type="button" aria-pressed=${this.status === s.id} @click=${() => this.setFilter({ status: this.status === s.id ? '' : s.id })}>
              <span class="icon s-${s.base}" aria-hidden="true" style=${cssVars({ '--_status': `var(--_s-${s.base})` })}>${statusIcon[s.base] ?? statusIcon.custom}</span>${counts.get(s)} ${this.statusLabel(s)}
            </button>`,
          )}
      </div>
      ${all.length ? this.renderToolbar(feed) : nothing}
      </div>
      ${
        this.submitEndpoint
          ? html`<p class="submit-open">
            <button type="button" class="button primary" aria-expanded=${this.submitOpen} @click=${this.openSubmit}>
              ${l.t(hasDraft ? 'submitDraft' : 'submitOpen')}
            </button>
          </p>`
          : nothing
      }
      ${this.submitOpen ? (this.submitForm?.render(feed) ?? html`<p class="state loading" role="status">${l.t('submitLoading')}</p>`) : nothing}
      ${
        all.length
          ? html`<p class="result-count" part="count">${filtered ? (counting ? l.plural('shown', all.length, { shown: '…' }) : this.countText()) : l.plural('ideas', all.length)}</p>`
          : nothing
      }
      ${
        shown.length > 1
          ? html`<button type="button" class="skip" part="skip" @click=${this.skipWall}>${l.plural('skipWall', shown.length)}</button>`
          : nothing
      }
      ${
        !all.length
          ? html`<p class="state" part="empty">${l.t('empty')}</p>`
          : !visible.length
            ? this.remote?.pending
              ? html`<p class="state loading" part="loading">${l.t('loading')}</p>`
              : html`<div class="state" part="empty">
              <p>${l.t('noMatch')}</p>
              <p><button type="button" class="button" @click=${() => this.setFilter({ query: '', category: '', status: '' })}>${l.t('resetFilters')}</button></p>
            </div>`
            : html`<ul class="wall" part="wall" role="list" tabindex="-1" aria-label=${l.plural('shown', visible.length, { shown: shown.length, count: counting ? '…' : visible.length })}>
              ${repeat(
                this.upTo && !this.printing ? shown.slice(0, this.upTo) : shown,
                (i) => i.id,
                (i) => this.card(i, level + (feed.title ? 1 : 0)),
              )}
            </ul>`
      }
      ${
        more > 0 || (pager.hasMore && (!filtered || pager === this.remote))
          ? html`<p class="more">
            <button type="button" class="button" part="more" ?disabled=${loadingNext} @click=${this.showMore}>
              ${more > 0 ? html`${l.t('more')} <span class="muted">(${l.t('moreLeft', { count: Math.min(more, this.perPage) })})</span>` : l.t(loadingNext ? 'loading' : 'moreFeed')}
            </button>
          </p>`
          : nothing
      }
      ${
        pager.failed
          ? html`<p class="message error-text" role="status">
${l.t('moreFeedError')}</p>`
          : nothing
      }
      <p class="visually-hidden" role="status" aria-live="polite">${this.notice}</p>
      <p class="wall-end visually-hidden" tabindex="-1">${l.t('wallEnd')}</p>
      ${this.detail?.renderDialog(this.openId ? this.find(this.openId) : undefined, this, this.detailL10n!)}
    </div>`;
  }

  private renderToolbar(feed: IdeaFeed) {
    const l = this.l10n;
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<form class="toolbar" part="toolbar" role="search" aria-label=${l.t('filters')} @submit=${(e: Event) => e.preventDefault()}>
      <label class="field search">
        <span>${l.t('search')}</span>
        <input type="search" .value=${this.query} placeholder=${l.t('searchHint')} autocomplete="off" @input=${(e: Event) => this.setFilter({ query: value(e) })} />
      </label>
      ${
        feed.categories.length
          ? html`<label class="field">
            <span>${l.t('category')}</span>
            <select @change=${(e: Event) => this.setFilter({ category: value(e) })}>
              <option value="" ?selected=${!this.category}>${l.t('allCategories')}</option>
              ${feed.categories.map((c) => html`<option value=${c.id} ?selected=${this.category === c.id}>${c.label}</option>`)}
            </select>
          </label>`
          : nothing
      }
      <label class="field">
        <span>${l.t('sort')}</span>
        <select @change=${(e: Event) => this.setFilter({ sort: value(e) as SortKey })}>
          ${sortKeys.map((k) => html`<option value=${k} ?selected=${this.sort === k}>${l.t(`sort.${k}`)}</option>`)}
        </select>
      </label>
    </form>`;
  }

  /**
   * A card drawn again only when something it shows changed: a keystroke that keeps most cards
   * on the page does not rebuild them (every value the card reads is in the list).
   */
  private card(idea: Idea, level: number) {
    const id = idea.id;
    const deps = [
      idea,
      idea.supporters,
      level,
      this.l10n.lang,
      this.strings,
      this.supportEndpoint,
      this.supportStatuses,
      this.supports.has(id),
      this.supports.busy(id),
      this.supports.failure(id),
    ];
    return guard(deps, () => this.renderCard(idea, level));
  }

  private renderCard(idea: Idea, level: number) {
    const l = this.l10n;
    // The status is part of the card's own template (the detail chunk draws the same badge):
    // one template instance less per card on the first frame (issue 18).
    return html`<li class="card" part="card" data-id=${idea.id} style=${cssVars(idea.category?.color ? { '--_cat': idea.category.color } : {})}>
      <div class="meta">${this.renderCategory(idea)}${idea.reference ? html`<span class="ref">${l.t('reference', { ref: idea.reference })}</span>` : nothing}</div>
      <div class="card-title" role="heading" aria-level=${level}>
        <button type="button" class="open" @click=${() => this.open(idea)}>${idea.title}</button>
      </div>
      ${idea.description ? html`<p class="desc">${clampText(idea.description, 240)}</p>` : nothing}
      ${this.renderProgress(idea)} ${this.renderFollowThrough(idea)}
      <div class="foot"><span class="status s-${idea.status.base}" part="status" style=${cssVars({ '--_status': idea.status.color ?? `var(--_s-${idea.status.base})` })}><span class="icon" aria-hidden="true">${statusIcon[idea.status.base] ?? statusIcon.custom}</span>${this.statusLabel(idea.status)}</span>${this.renderSupport(idea)}</div>
    </li>`;
  }

  /** @internal Also drawn by the detail chunk. */
  renderProgress(idea: Idea) {
    if (idea.progress === undefined) return nothing;
    const value = Math.round(idea.progress);
    return html`<div class="progress">
      <span class="bar" aria-hidden="true"><span style=${cssVars({ width: `${value}%` })}></span></span>
      <span class="muted">${this.l10n.t('progressValue', { value })}</span>
    </div>`;
  }

  /** @internal Also drawn by the detail chunk. */
  renderSupport(idea: Idea) {
    const l = this.l10n;
    const count = html`<span class="count">${l.plural('supporters', idea.supporters)}</span>`;
    if (!this.supportEndpoint || idea.readOnly || !this.supportable(idea)) return idea.supporters ? count : nothing;
    const on = this.supports.has(idea.id);
    const message = this.supports.failure(idea.id);
    return html`<div class="support">
      ${count}
      <button type="button" class="button support-button ${on ? 'on' : ''}" part="support" aria-pressed=${on} ?disabled=${this.supports.busy(idea.id)} @click=${() => this.supports.toggle(idea)}>
        <span aria-hidden="true">${on ? '✓' : '+'}</span>${l.t(on ? 'supported' : 'support')}<span class="visually-hidden">: ${idea.title}</span>
      </button>
      ${message ? html`<p class="message error-text">${message}</p>` : nothing}
    </div>`;
  }

  /** Whether supporting still matters in this idea's status (`support-statuses`). */
  private supportable(idea: Idea): boolean {
    const s = idea.status;
    if (s.base === 'unknown') return true;
    const allowed = this.supportStatuses.split(/[\s,]+/);
    return allowed.includes(s.id) || (s.base !== 'custom' && allowed.includes(s.base));
  }

  /**
   * The follow-through facts a visitor wants without opening the idea: where it stands (the
   * latest step or answer, with its date), who is responsible, and the planned date, marked as
   * overdue once it has passed while the idea is still open.
   */
  private renderFollowThrough(idea: Idea) {
    const l = this.l10n;
    const last = latestStep(idea);
    const open = !['done', 'declined', 'withdrawn'].includes(idea.status.base);
    const overdue = open && !!idea.due && idea.due.slice(0, 10) < today();
    if (!last && !idea.responsible && !(idea.due && open)) return nothing;
    return html`<dl class="facts" part="facts">
      ${last ? html`<div><dt>${l.t('asOf', { date: longDate(l, last.date) })}</dt> <dd>${clampText(last.text, 90)}</dd></div>` : nothing}
      ${idea.responsible ? html`<div><dt>${l.t('responsible')}:</dt> <dd>${clampText(idea.responsible, 90)}</dd></div>` : nothing}
      ${
        idea.due && open
          ? html`<div class=${overdue ? 'overdue' : ''}>
            <dt>${l.t('due')}:</dt>
            <dd>${longDate(l, idea.due)}${overdue ? html` <strong class="late"><span aria-hidden="true">⚠ </span>${l.t('overdue')}</strong>` : nothing}</dd>
          </div>`
          : nothing
      }
    </dl>`;
  }
}
