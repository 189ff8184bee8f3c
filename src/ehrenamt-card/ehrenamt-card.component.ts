import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FeedController, type SourceSpec } from '../core/feed-controller.js';
import { FeedError } from '../core/feed-error.js';
import { renderFeedError, renderLoading } from '../core/feed-view.js';
import { LocalizeController } from '../core/i18n.js';
import { matchesQuery } from '../core/text.js';
import { formStyles } from '../core/form-styles.js';
import { WidgetElement } from '../core/widget-element.js';
import { WidthController } from '../core/width-controller.js';
import type { MapPoint, MapPosition } from '../map/types.js';
import type { StMapSelectEvent } from '../map/events.js';
import { MapSettings } from '../map/settings.js';
import { distance } from '../map/geo.js';
import { GeolocationController } from '../map/geolocation.js';
import type { StMap } from '../map/st-map.js';
import { cssVars } from '../core/css-vars.js';
import { defaultCategories, type Category } from './ehrenamt-card.categories.js';
import {
  parsePartnerList,
  parseProgramme,
  pick,
  searchText,
  type Partner,
  type PartnerList,
  type Programme,
  type Tier,
} from './ehrenamt-card.model.js';
import type { LocalText, Outcome } from './ehrenamt-card.rules.js';
import styles from './ehrenamt-card.styles.js';
import { strings } from './ehrenamt-card.strings.js';
import { ruleList, ruleStrings } from './ehrenamt-card.rule-text.js';
import { sortByName } from './ehrenamt-card.sort.js';

export type Section = 'card' | 'check' | 'partners' | 'map';

const EMPTY: PartnerList = { categories: [], partners: [] };
const detect = () => import('./ehrenamt-card.formats.js').then((m) => m.detectors);
/** The self-check and the icons: one chunk, preloaded with the card's code. */
const parts = () => import('./ehrenamt-card.parts.js');
// The rules' words are in the card's own chunk (issue 18): the card's first frame shows its "who"
// list, and waiting for the parts chunk for them put a "loading" frame and a task or more before it.
for (const lang of ['de', 'en'] as const) Object.assign(strings[lang], ruleStrings[lang]);

/**
 * A volunteer card programme ("Ehrenamtskarte"): the card itself with what it gives and how to
 * apply, a non-binding eligibility self-check driven by the programme's rules (nothing typed leaves
 * the browser), and the partners where it pays off, searchable, filterable and sortable by distance.
 * Partners may also come from a second feed, e.g. the Ehrenamtskarte app's CSV import file.
 *
 * @tag ehrenamt-card
 * @fires {StLoadEvent} st-load - The programme feed was loaded; `detail.count` is the number of partners in it (the partner feed fires none of its own).
 * @fires {StErrorEvent} st-error - A feed (main or partners) could not be shown; `detail` has message, status and url. A broken partner file only replaces the partner list with a message; the card and the check stay.
 * @slot - Fallback content shown until the script runs (e.g. a link to the programme's page).
 * @csspart base - The wrapper around all sections.
 * @csspart card - The card drawing(s).
 * @csspart check - The eligibility self-check section.
 * @csspart result - The self-check result.
 * @csspart partners - The partner section.
 * @csspart partner - One partner in the list.
 * @csspart map - The partner map area (placeholder or map), with `sections="map"`.
 * @csspart consent - The consent placeholder in the map area.
 * @csspart details - The map's panel with the selected partner.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message.
 * @cssprop --st-loading-height - Height the loading placeholder reserves so the page does not jump when the card arrives (default `100vh`; set a smaller value when showing only some `sections`).
 * @cssprop --st-ehrenamt-blue - Colour of a `blue` card tier.
 * @cssprop --st-ehrenamt-on-blue - Text on a `blue` card.
 * @cssprop --st-ehrenamt-gold - Colour of a `gold` card tier.
 * @cssprop --st-ehrenamt-on-gold - Text on a `gold` card.
 * @cssprop --st-ehrenamt-green - Colour of a `green` card tier.
 * @cssprop --st-ehrenamt-on-green - Text on a `green` card.
 * @cssprop --st-ehrenamt-red - Colour of a `red` card tier.
 * @cssprop --st-ehrenamt-on-red - Text on a `red` card.
 * @cssprop --st-ehrenamt-silver - Colour of a `silver` card tier.
 * @cssprop --st-ehrenamt-on-silver - Text on a `silver` card.
 * @cssprop --st-map-height - Height of the partner map (default `max(clamp(320px, 60vh, 560px), 18em)`).
 * @cssprop --st-map-selected - Colour of the selected partner's marker (default `#b3261e`).
 */
export class EhrenamtCard extends MapSettings(WidgetElement) {
  static override styles = [...WidgetElement.styles, formStyles, styles];

  /** Which sections show, separated by spaces: `card`, `check`, `partners`, `map`. */
  @property() sections = 'card check partners';

  /**
   * A second feed with (more) partners, e.g. the district's file, added to the feed's own partners. Same
   * rules as `src` (relative to the page, lazy, shared request, `refresh`).
   */
  @property({ attribute: 'partners-src' }) partnersSrc?: string;

  /**
   * Format of `partners-src`: `native` (JSON: `{ "partners": [...] }` or a bare list) or `csv` (the
   * Ehrenamtskarte app's import file). A `.csv` address or a `text/csv` answer is read as CSV too.
   */
  @property({ attribute: 'partners-format' }) partnersFormat?: string;

  /** Level of the widget's section headings (2–6); sub-headings use the next level. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Partners shown at once; "Mehr anzeigen" shows the next ones (focus moves to the first new one). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private selectedId?: string;
  /** The point a partner was shown on from the list ("Auf dem Stadtplan zeigen"): focus returns there. */
  private shownFrom?: string;
  @state() private outcomes?: { tier: Tier; outcome: Outcome }[];
  /** On a narrow widget the card's sections are disclosures; the ones the visitor opened. */
  @state() private openSections = new Set<string>();
  @state() private query = '';
  @state() private selected = new Set<string>();
  @state() private sort: 'name' | 'distance' = 'name';
  @state() private shown = 0;
  private readonly geo = new GeolocationController(this, () => this.setFilter({ sort: 'distance' }));
  private focusItem = -1;
  private focusResult = false;

  private readonly l10n = new LocalizeController(this, strings);
  // Narrow layout by the widget's own width (sidebars), not the viewport's.
  protected readonly width = new WidthController(this, 40);
  private readonly feed = new FeedController<Programme>(this, {
    parse: parseProgramme,
    count: (p) => p.partners.length,
    adapters: { csv: () => import('./ehrenamt-card.csv.js').then((m) => m.default) },
    detect,
    source: (host) => programmeSource(host as EhrenamtCard),
  });
  private readonly partnerFeed = new FeedController<PartnerList>(this, {
    parse: parsePartnerList,
    count: (p) => p.partners.length,
    announce: false,
    adapters: { csv: () => import('./ehrenamt-card.csv.js').then((m) => m.partnersAdapter) },
    detect,
    source: (host) => partnerSource(host as EhrenamtCard),
  });

  private get sectionSet(): Set<Section> {
    return new Set(this.sections.split(/[\s,]+/).filter(Boolean) as Section[]);
  }

  /**
   * A section of the card's text: a heading and its body on a wide widget; on a phone a heading
   * with a button that shows the body (a disclosure), so the partners are not 10,000 px down.
   * While the first frame is on its way, a closed disclosure's body is left out (it is hidden, and
   * was most of a phone's first frame), and so is a body in a block not drawn yet (`later`).
   */
  private section(id: string, title: string, body: unknown, later?: boolean) {
    if (!this.hasAttribute('narrow')) return html`${this.h(1, title)}${later ? nothing : body}`;
    const open = this.openSections.has(id);
    const toggle = () => this.toggleSection(id);
    return html`${this.h(
      1,
      html`<button type="button" class="disclose" aria-expanded=${open} aria-controls=${`sec-${id}`} @click=${toggle}>
          <span aria-hidden="true">${open ? '▾' : '▸'}</span>${title}
        </button>`,
    )}
      <div class="sec" id=${`sec-${id}`} ?hidden=${!open}>${open || this.stage < 1 ? body : nothing}</div>`;
  }

  private toggleSection(id: string): void {
    const next = new Set(this.openSections);
    if (!next.delete(id)) next.add(id);
    this.openSections = next;
  }

  private h(level: number, content: unknown, id?: string) {
    return html`<div role="heading" aria-level=${Math.min(6, Math.max(2, this.headingLevel + level))} class="h h${level}" id=${id ?? nothing}>${content}</div>`;
  }

  private t = (x: LocalText | undefined) => pick(x, this.l10n.lang);

  private hasCheck(p: Programme, s: Set<Section>): boolean {
    return s.has('check') && p.tiers.some((t) => t.rule);
  }

  /** The blocks the card is drawn in, in order (see fill). */
  private blocks(p: Programme, s: Set<Section>) {
    return [
      s.has('card') && 'card',
      p.apply && s.has('card') && 'apply',
      this.hasCheck(p, s) && 'check',
      (s.has('partners') || s.has('map')) && 'partners',
    ].filter(Boolean) as ('card' | 'apply' | 'check' | 'partners')[];
  }

  /** Whether a block is drawn in this render (all of them once the first frame is painted). */
  private drawn(p: Programme, s: Set<Section>, block: 'apply' | 'partners'): boolean {
    return !this.stage || this.stage > this.blocks(p, s).indexOf(block);
  }

  /**
   * The first frame with a feed draws only what reaches past the bottom of the screen (issue 18:
   * the partners were 72 % of its elements, all below it at 390 and 1280 px); the rest comes right
   * after that frame is painted. -1: nothing drawn yet; n > 0: the first n blocks; 0: all.
   */
  private stage = -1;
  /** Something was left out of this render (a block, or partners). */
  private cut = false;
  private filled?: Promise<void>;

  /** Draws a block more while what is drawn ends on the screen, then the rest after the frame. */
  private fill = async (): Promise<void> => {
    await null; // after this update, so the next one is a fresh one
    if (this.stage <= 0) return; // another update's fill has finished it
    const box = this.renderRoot.querySelector('.base')?.getBoundingClientRect();
    // (A hidden card, 0 × 0 at the top, takes the rest in one go after the frame.)
    if (box && this.cut && box.bottom > 0 && box.bottom < innerHeight) this.stage++;
    else {
      // Below the screen's bottom edge: nothing a visitor sees moves when the rest comes. (Above
      // its top, or nothing left out: at once, as there is no scroll anchoring in Safari.)
      // A hidden page (background tab) runs no animation frames: the timer is the fallback. Not a
      // short one while visible: a busy phone's frame can take longer than 200 ms (seen in WebKit),
      // and the rest would then be drawn into the first frame after all.
      if (box && this.cut && box.bottom >= 0)
        await new Promise<void>((go) => {
          const fallback = setTimeout(go, document.hidden ? 0 : 1000);
          requestAnimationFrame(() => setTimeout(() => (clearTimeout(fallback), go())));
        });
      this.stage = 0;
    }
    this.requestUpdate();
  };

  override render() {
    return this.feed.render({
      pending: () => renderLoading(this.l10n),
      error: (e) => renderFeedError(e, this.l10n, this.feed.retry),
      complete: (p) => {
        const s = this.sectionSet;
        // While the first frame is on its way, only the blocks before `stage` (see fill): the card,
        // its "how to apply", the check, the partners' tools, then partners six at a time.
        const blocks = this.blocks(p, s);
        this.cut = this.stage > 0 && blocks.length > this.stage; // renderPartners adds the partners it leaves out
        return html`<div part="base" class="base">${blocks.map((b, i) =>
          (this.stage > 0 && i >= this.stage) || b === 'apply' // apply: drawn by renderCard, at its place in the card
            ? nothing
            : b === 'card'
              ? this.renderCard(p, s)
              : b === 'check'
                ? this.renderCheck(p)
                : this.renderPartners(s, this.stage > 0 ? (this.stage - i - 1) * 6 : Infinity),
        )}</div>`;
      },
    });
  }

  // --- the card -------------------------------------------------------------------------

  /** "gültig 3 Jahre" or "unbefristet gültig": only what the feed says (no `validityYears`, no line). */
  private validity(years: number | 'unlimited') {
    return years === 'unlimited' ? this.l10n.t('validityUnlimited') : this.l10n.plural('validity', years);
  }

  private renderCard(p: Programme, s: Set<Section>) {
    const a = p.apply;
    return html`<section class="intro" aria-labelledby="card-h">
      <div class="cards">
        ${p.tiers.map(
          (tier) => html`<div class="card" part="card" ${cssVars({ '--_tier': tier.colour, '--_ink': tier.ink })}>
            <span class="card-issuer">${this.t(p.issuer) || this.t(p.region)}</span>
            <span class="card-name">${this.t(p.name)}</span>
            <span class="card-tier">${this.t(tier.name)}</span>
            <span class="card-foot">
              <span>${this.t(p.region)}</span>
              ${tier.validityYears ? html`<span>${this.validity(tier.validityYears)}</span>` : nothing}
            </span>
          </div>`,
        )}
      </div>
      <div class="about">
        ${this.h(0, this.t(p.name), 'card-h')} ${p.description ? html`<p>${this.t(p.description)}</p>` : nothing}
        ${p.benefits.length ? this.section('benefits', this.l10n.t('benefitsHeading'), html`<ul>${p.benefits.map((b) => html`<li>${this.t(b)}</li>`)}</ul>`) : nothing}
        ${
          p.tiers.length
            ? this.section(
                'who',
                this.l10n.t('whoHeading'),
                p.tiers.map(
                  (tier) => html`<div class="who">
                  <p><strong>${this.t(tier.name)}</strong>${tier.description ? html` – ${this.t(tier.description)}` : nothing}</p>
                  ${tier.rule ? ruleList({ l10n: this.l10n, t: this.t }, tier.rule) : nothing}
                </div>`,
                ),
              )
            : nothing
        }
        ${
          a
            ? this.section(
                'apply',
                this.l10n.t('applyHeading'),
                html`<div class="apply">
                ${a.note ? html`<p>${this.t(a.note)}</p>` : nothing}
                ${a.office || a.address ? html`<p class="pre">${[this.t(a.office), this.t(a.address)].filter(Boolean).join('\n')}</p>` : nothing}
                <dl>
                  ${a.hours ? html`<dt>${this.l10n.t('hours')}</dt><dd>${this.t(a.hours)}</dd>` : nothing}
                  ${a.phone ? html`<dt>${this.l10n.t('phone')}</dt><dd>${a.tel ? html`<a href=${a.tel}>${a.phone}</a>` : a.phone}</dd>` : nothing}
                  ${a.mailto ? html`<dt>${this.l10n.t('email')}</dt><dd><a href=${a.mailto}>${a.email}</a></dd>` : nothing}
                  ${a.costs ? html`<dt>${this.l10n.t('costs')}</dt><dd>${this.t(a.costs)}</dd>` : nothing}
                </dl>
                <p class="actions">
                  ${a.url ? html`<a class="button primary" href=${a.url} rel="noopener">${this.l10n.t('applyOnline')}</a>` : nothing}
                  ${a.formUrl ? html`<a class="button" href=${a.formUrl} rel="noopener">${this.l10n.t('applyForm')}</a>` : nothing}
                </p>
              </div>`,
                !this.drawn(p, s, 'apply'),
              )
            : nothing
        }
      </div>
    </section>`;
  }

  // --- the self-check -------------------------------------------------------------------

  private check?: typeof import('./ehrenamt-card.check.js');
  /** The category icons (decoration): partners show at once, their icons when this chunk is in. */
  private icons?: Record<string, string>;
  /** Lazy parts by name, each loaded once; updateComplete waits for those in flight. */
  private parts = new Map<string, Promise<void>>();

  private lazy<M>(name: string, load: () => Promise<M>, use: (m: M) => void): Promise<void> {
    let part = this.parts.get(name);
    if (!part) {
      part = load().then(
        (m) => {
          use(m);
          this.requestUpdate();
        },
        (e: unknown) => {
          // Shown without it (no icons, no self-check) rather than loading for ever.
          this.requestUpdate();
          console.warn(`<ehrenamt-card>: part "${name}" could not be loaded`, e);
        },
      );
      this.parts.set(name, part);
    }
    return part;
  }

  /** Callers and tests see the card with its lazy parts, as before they were split off. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    // An update may start another part (willUpdate), so look again until none was added.
    // …and the rest after the first frame (fill).
    for (let n = -1; n !== this.parts.size || this.stage > 0;) {
      n = this.parts.size;
      await Promise.all([...this.parts.values(), this.filled]);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  private icon(name: string | undefined) {
    const all = this.icons;
    const d = all && (name && Object.hasOwn(all, name) ? all[name] : all.other);
    return html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${d ? svg`<path d=${d} />` : nothing}</svg>`;
  }

  /** The self-check lives in its own chunk (form, evaluator and their strings), loaded in willUpdate when shown. */
  private renderCheck(p: Programme) {
    if (!this.check) {
      return html`<section class="check" part="check"><p class="state loading" part="loading" role="status">${this.l10n.t('loading')}</p></section>`;
    }
    return this.check.renderCheck(
      {
        l10n: this.l10n,
        t: this.t,
        h: (level, content, id) => this.h(level, content, id),
        outcomes: this.outcomes,
        setOutcomes: (o) => {
          this.outcomes = o;
          this.focusResult = !!o;
        },
      },
      p,
    );
  }

  // --- partners -------------------------------------------------------------------------

  // Derived in willUpdate from both feeds, the filters and the visitor's position; render only reads them.
  /** The second feed as render shows it: undefined while loading, its error, or its partners. */
  private extra?: PartnerList | FeedError;
  /** Both feeds' partners (sorted by name) and categories. */
  private merged = {
    all: [] as Partner[],
    categories: [] as Category[],
    index: new Map<string, Category>(),
    byPoint: new Map<string, Partner>(),
    counts: new Map<string, number>(),
  };
  /** The partners matching search and categories, in the chosen order, and their places on the map. */
  private list: Partner[] = [];
  private points: MapPoint[] = [];
  /** Kilometres from the visitor to each partner's nearest place, once located. */
  private distances = new Map<Partner, number>();
  private mergedFrom: [Programme?, PartnerList?] = [];
  private shownPosition?: MapPosition;

  protected override willUpdate(changed: PropertyValues): void {
    const sections = this.sectionSet;
    if (this.stage < 0 && this.feed.render({ pending: () => 0, error: () => 0, complete: () => 1 })) this.stage = 1;
    const p = this.feed.value;
    if (!p) return;
    this.loadParts(p, sections);
    this.extra = this.partnerFeed.render({ pending: () => undefined, error: (e) => e, complete: (list) => list }) as
      PartnerList | FeedError | undefined;
    const extra = this.extra && !(this.extra instanceof FeedError) ? this.extra : EMPTY;
    // Both feeds' partners are merged and sorted when the partners are drawn, not for a first frame
    // that shows only the card (issue 18); the render after that frame (fill) does it.
    const newData = this.drawn(p, sections, 'partners') && (p !== this.mergedFrom[0] || extra !== this.mergedFrom[1]);
    if (newData) {
      this.mergedFrom = [p, extra];
      this.merge(p, extra);
    }
    const pos = this.geo.position;
    const moved = pos !== this.shownPosition;
    this.shownPosition = pos;
    if (pos && (newData || moved)) {
      this.distances = new Map(
        this.merged.all.map((partner) => [
          partner,
          Math.min(
            Infinity,
            ...partner.locations.filter((l) => l.lat !== undefined).map((l) => distance(pos, { lat: l.lat!, lon: l.lon! }) / 1000),
          ),
        ]),
      );
    }
    if (newData || moved || changed.has('query') || changed.has('selected') || changed.has('sort')) {
      const q = this.query.trim();
      let list = this.merged.all.filter(
        (x) => (!this.selected.size || this.selected.has(this.categoryOf(x).id)) && (!q || matchesQuery(searchText(x), q)),
      );
      if (this.sort === 'distance' && pos)
        list = [...list].sort((a, b) => (this.distances.get(a) ?? Infinity) - (this.distances.get(b) ?? Infinity));
      this.list = list;
      this.points = list.flatMap((x) =>
        x.locations.flatMap((l, j) => (l.lat !== undefined ? [{ id: `${x.key}~${j}`, lat: l.lat, lon: l.lon!, label: x.name }] : [])),
      );
    }
  }

  /** Both feeds' partners and categories (the data's categories add to and override the built-in ones). */
  private merge(p: Programme, extra: PartnerList): void {
    const byId = new Map<string, Category>();
    for (const cat of [...defaultCategories, ...p.categories, ...extra.categories]) byId.set(cat.id, { ...byId.get(cat.id), ...cat });
    const index = new Map<string, Category>();
    for (const cat of byId.values()) {
      index.set(cat.id.toLowerCase(), cat);
      cat.aliases?.forEach((a) => index.set(a, cat));
    }
    const all = sortByName([...p.partners, ...extra.partners]);
    const byPoint = new Map<string, Partner>();
    all.forEach((x) => x.locations.forEach((l, j) => l.lat !== undefined && byPoint.set(`${x.key}~${j}`, x)));
    this.merged = { all, categories: [...byId.values()], index, byPoint, counts: new Map() };
    for (const x of all) this.merged.counts.set(this.categoryOf(x).id, (this.merged.counts.get(this.categoryOf(x).id) ?? 0) + 1);
  }

  /** The self-check, the icons and the map element load when a section needs them. */
  private loadParts(p: Programme, sections: Set<Section>): void {
    if (this.hasCheck(p, sections)) {
      void this.lazy(
        'check',
        () => parts().then((m) => m.check),
        (m) => {
          for (const lang of ['de', 'en'] as const) Object.assign(strings[lang], m.checkStrings[lang]);
          this.check = m;
        },
      );
    }
    if (sections.has('partners') || sections.has('map'))
      void this.lazy(
        'icons',
        () => parts(),
        (m) => (this.icons = m.icons),
      );
    // The map and its words ("Stadtplan") load only with the map section.
    if (sections.has('map') && (!customElements.get('st-map') || !this.mapPart)) {
      void Promise.all([import('../map/st-map.js'), import('./ehrenamt-card.map-words.js')]).then(([, m]) => {
        this.mapPart = m;
        this.requestUpdate();
      });
    }
  }

  private categoryOf(partner: Partner): Category {
    const index = this.merged.index;
    return index.get(partner.category.toLowerCase()) ?? index.get('9')!;
  }

  private renderPartners(sections: Set<Section>, items: number) {
    // Without a partner file there is nothing to wait for (its empty list still passes the feed's
    // detection, a few ticks later): no "loading" line on every card.
    const loadingExtra = this.extra === undefined && partnerSource(this).data !== EMPTY;
    const failed = this.extra instanceof FeedError ? this.extra : undefined;
    const v = { ...this.merged, list: this.list, points: this.points, distances: this.distances };
    const shown = Math.max(this.shown, this.page);
    const page = v.list.slice(0, Math.min(shown, items));
    if (page.length < Math.min(shown, v.list.length)) this.cut = true;
    const counts = this.merged.counts;
    const status = this.geo.status;
    const geoText =
      status === 'idle'
        ? ''
        : this.l10n.t(
            (
              {
                locating: 'locating',
                located: 'located',
                denied: 'geoDenied',
                timeout: 'geoFailed',
                unavailable: 'geoFailed',
                unsupported: 'geoUnsupported',
              } as const
            )[status],
          );
    return html`<section class="partners" part="partners" aria-labelledby="partners-h">
      ${this.h(0, this.l10n.t('partnersHeading'), 'partners-h')}
      ${
        failed
          ? renderFeedError(
              failed,
              {
                t: (k: string) => this.l10n.t((k === 'errorTitle' ? 'partnersErrorTitle' : k) as 'partnersErrorTitle'),
              } as LocalizeController,
              this.partnerFeed.retry,
            )
          : nothing
      }
      ${
        sections.has('partners') || sections.has('map')
          ? html`<div class="tools">
              <div class="field search">
                <label for="search">${this.l10n.t('search')}</label>
                <input id="search" type="search" placeholder=${this.l10n.t('searchHint')} .value=${this.query} @input=${(e: Event) => this.setFilter({ query: (e.target as HTMLInputElement).value })} />
              </div>
              <button class="button" type="button" @click=${this.locate} aria-disabled=${this.geo.status === 'locating' ? 'true' : 'false'}>${this.icon('pin')} ${this.l10n.t('nearMe')}</button>
              <div class="field">
                <label for="sort">${this.l10n.t('sortBy')}</label>
                <select id="sort" @change=${(e: Event) => this.setFilter({ sort: (e.target as HTMLSelectElement).value as 'name' | 'distance' })}>
                  <option value="name" ?selected=${this.sort === 'name'}>${this.l10n.t('sortName')}</option>
                  <option value="distance" ?selected=${this.sort === 'distance'} ?disabled=${!this.geo.position}>${this.l10n.t('sortDistance')}</option>
                </select>
              </div>
            </div>
            ${
              this.hasAttribute('narrow')
                ? html`<p>
                  <button type="button" class="button" aria-expanded=${this.openSections.has('chips')} aria-controls="chips" @click=${() => this.toggleSection('chips')}>
                    ${this.l10n.t('categories')}${this.selected.size ? ` (${this.selected.size})` : ''}
                  </button>
                </p>`
                : nothing
            }
            <div class="chips" id="chips" role="group" aria-label=${this.l10n.t('categories')} ?hidden=${this.hasAttribute('narrow') && !this.openSections.has('chips')}>
              <button type="button" class="chip" aria-pressed=${this.selected.size === 0 ? 'true' : 'false'} @click=${() => this.setFilter({ selected: new Set() })}>${this.l10n.t('allCategories')}</button>
              ${v.categories
                .filter((c) => counts.has(c.id))
                .map(
                  (
                    c,
                  ) => html`<button type="button" class="chip" aria-pressed=${this.selected.has(c.id) ? 'true' : 'false'} ${cssVars({ '--_cat': c.colour })} @click=${() => this.toggle(c.id)}>
                    <span class="cat-icon">${this.icon(c.icon)}</span>${this.t(c.label)} <span class="count">(${counts.get(c.id)})</span>
                  </button>`,
                )}
            </div>
            ${sections.has('map') && this.mapPart ? this.renderMap(v.points, v.byPoint) : nothing}
            <p class="status" role="status">
              ${loadingExtra ? this.l10n.t('partnersLoading') : v.all.length ? this.l10n.plural('found', v.list.length) : ''}
              ${sections.has('partners') && page.length < v.list.length && !this.cut ? `– ${this.l10n.t('shownOf', { count: page.length })}` : ''} ${geoText}
            </p>
            ${v.all.length === 0 && !loadingExtra ? html`<p class="state">${this.l10n.t('noPartnersYet')}</p>` : nothing}
            ${v.all.length && !v.list.length ? html`<p class="state">${this.l10n.t('noPartners')}</p>` : nothing}
            ${
              sections.has('partners')
                ? html`<ul class="list">
                  ${page.map((x, i) => html`<li class="partner" part="partner" data-i=${i} tabindex="-1" ${cssVars({ '--_cat': this.categoryOf(x).colour })}>${this.renderPartner(x, v.distances.get(x), sections.has('map'))}</li>`)}
                </ul>`
                : nothing
            }
            ${
              sections.has('partners') && v.list.length > page.length && !this.cut
                ? html`<p><button class="button more" type="button" @click=${() => this.more(page.length)}>${this.l10n.t('more', { count: Math.min(this.page, v.list.length - page.length) })}</button></p>`
                : nothing
            }`
          : nothing
      }
    </section>`;
  }

  private renderMap(points: MapPoint[], byPoint: Map<string, Partner>) {
    const selected = this.selectedId ? byPoint.get(this.selectedId) : undefined;
    return html`<st-map
      class="map"
      exportparts="map, details, consent"
      .points=${points}
      .selected=${selected ? this.selectedId : undefined}
      .here=${this.geo.position}
      .clusterLabel=${(n: number) => this.l10n.plural('cluster', n)}
      .strings=${this.mapPart!.withMapWords(this.strings)}
      consent=${this.consent ?? nothing}
      tile-url=${this.tileUrl ?? nothing}
      tile-attribution=${this.tileAttribution ?? nothing}
      max-zoom=${this.maxZoom ?? nothing}
      tile-provider=${this.tileProvider ?? nothing}
      privacy-url=${this.privacyUrl ?? nothing}
      heading-level=${Math.min(6, this.headingLevel + 1)}
      label=${this.l10n.t('mapLabel')}
      theme=${this.resolvedTheme}
      @st-map-select=${(e: StMapSelectEvent) => this.select(e.detail.id ?? undefined)}
    >
      ${selected ? html`<div slot="details" class="partner details" ${cssVars({ '--_cat': this.categoryOf(selected).colour })}>${this.renderPartner(selected, this.distances.get(selected), false)}</div>` : nothing}
    </st-map>`;
  }

  /** The map section's lazy chunk (ehrenamt-card.map-words.ts): its words and where focus goes. */
  private mapPart?: typeof import('./ehrenamt-card.map-words.js');

  private select(id: string | undefined, fromList = false) {
    const before = this.selectedId;
    const back = this.shownFrom;
    this.selectedId = id;
    this.shownFrom = id && fromList ? id : undefined;
    const map = this.renderRoot.querySelector('st-map') as StMap | null;
    // (No <st-map> without its chunk: renderMap waits for it.)
    if (map) void this.mapPart!.focusAfterSelect(map, this.renderRoot, this.updateComplete, id, fromList, back, before);
  }

  private renderPartner(x: Partner, distance: number | undefined, onMap: boolean) {
    const cat = this.categoryOf(x);
    const site = x.website ? new URL(x.website).host.replace(/^www\./, '') : '';
    const point = onMap ? x.locations.findIndex((l) => l.lat !== undefined) : -1;
    return html`<span class="cat-icon" aria-hidden="true">${this.icon(cat.icon)}</span>
      <div class="body">
        ${this.h(1, x.name)}
        <p class="meta">${this.t(cat.label)}${distance !== undefined && distance < Infinity && this.geo.position ? html` · ${this.l10n.t('km', { n: distance < 10 ? distance.toFixed(1).replace('.', this.l10n.lang === 'de' ? ',' : '.') : Math.round(distance) })}` : nothing}</p>
        ${x.benefit ? html`<p class="benefit">${this.t(x.benefit)}</p>` : nothing}
        ${x.locations.map((l) => html`<p class="address">${[l.street, [l.postalCode, l.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</p>`)}
        ${x.hours ? html`<p class="hours">${this.l10n.t('hours')}: ${this.t(x.hours)}</p>` : nothing}
        <p class="links">
          ${x.website ? html`<a href=${x.website} rel="noopener">${site}</a>` : nothing}
          ${x.phone ? (x.tel ? html`<a href=${x.tel}><span class="visually-hidden">${this.l10n.t('phone')}: </span>${x.phone}</a>` : html`<span>${x.phone}</span>`) : nothing}
          ${x.mailto ? html`<a href=${x.mailto}><span class="visually-hidden">${this.l10n.t('email')}: </span>${x.email}</a>` : nothing}
        </p>
        ${
          point >= 0
            ? html`<button class="link" type="button" data-point=${`${x.key}~${point}`} @click=${() => this.select(`${x.key}~${point}`, true)}>${this.l10n.t('showOnMap')}<span class="visually-hidden">: ${x.name}</span></button>`
            : nothing
        }
      </div>`;
  }

  /** Partners per page; a phone shows fewer at a time (each is a screen-high card there). */
  private get page(): number {
    // At most 200 at once: a huge page-size would render thousands of partners in one go.
    const size = this.pageSize >= 1 ? Math.min(200, Math.floor(this.pageSize)) : 20;
    return this.hasAttribute('narrow') ? Math.min(size, 6) : size;
  }

  private setFilter(change: { query?: string; selected?: Set<string>; sort?: 'name' | 'distance' }) {
    if (change.query !== undefined) this.query = change.query;
    if (change.selected) this.selected = change.selected;
    if (change.sort) this.sort = change.sort;
    this.shown = 0;
  }

  private toggle(id: string) {
    const next = new Set(this.selected);
    if (!next.delete(id)) next.add(id);
    this.setFilter({ selected: next });
  }

  private more(from: number) {
    this.shown = from + this.page;
    this.focusItem = from;
  }

  private locate = () => {
    void this.geo.locate();
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.stage > 0) this.filled = this.fill();
    if (this.focusResult) {
      this.focusResult = false;
      const h = this.renderRoot.querySelector<HTMLElement>('#result-h');
      h?.setAttribute('tabindex', '-1');
      h?.focus();
    }
    if (this.focusItem >= 0) {
      this.renderRoot.querySelector<HTMLElement>(`li[data-i="${this.focusItem}"]`)?.focus();
      this.focusItem = -1;
    }
  }
}

/**
 * The programme feed; a partner directory alone (`partners-src`, no `src`, data or embedded
 * programme) gets an empty programme under the card's name, as a spreadsheet alone does.
 */
// One object, not a new one per call: the feed reloads whenever its source's data changes identity.
const PARTNERS_ONLY = { name: { de: 'Ehrenamtskarte', en: 'Volunteer card' }, partners: [] };

function programmeSource(host: EhrenamtCard): SourceSpec {
  const inlineSelector = ':scope > script[type="application/json"]:not([data-source])';
  const alone = host.partnersSrc && !host.src && host.data == null && !host.querySelector(inlineSelector);
  return {
    data: alone ? PARTNERS_ONLY : host.data,
    src: host.src,
    format: alone ? undefined : host.format,
    transform: alone ? undefined : host.transform,
    inlineSelector,
  };
}

function partnerSource(host: EhrenamtCard): SourceSpec {
  const inlineSelector = ':scope > script[type="application/json"][data-source="partners"]';
  const inline = !host.partnersSrc && host.querySelector(inlineSelector);
  const none = !host.partnersSrc && !inline;
  return {
    data: none ? EMPTY : undefined,
    src: host.partnersSrc,
    // No partner file: the empty list is native as it is. Without a format, its zero partners sent
    // it through format detection, whose chunk every card then asked for after its feed had come.
    format: none ? 'native' : host.partnersFormat,
    transform: undefined,
    inlineSelector,
  };
}
