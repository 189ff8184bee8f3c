import { html, nothing, type PropertyValues } from 'lit';
import type { TaskStatus } from '@lit/task';
import { property, query, state } from 'lit/decorators.js';
import { consent } from '../core/consent.js';
import { FeedController } from '../core/feed-controller.js';
import type { FeedAdapters, FeedContext } from '../core/feed-types.js';
import { renderFeedError, renderLoading } from '../core/feed-view.js';
import { LocalizeController } from '../core/i18n.js';
import { fold } from '../core/text.js';
import { formStyles } from '../core/form-styles.js';
import { WidgetElement } from '../core/widget-element.js';
import type { StMapSelectEvent } from '../map/events.js';
import { distance, nearest } from '../map/geo.js';
import { GeolocationController } from '../map/geolocation.js';
import { MapSettings } from '../map/settings.js';
import type { MapPosition } from '../map/types.js';
import { parseBenchFeed, type Bench, type BenchFeed, type Region } from './mitfahrbank-map.model.js';
import styles from './mitfahrbank-map.styles.js';
import { strings } from './mitfahrbank-map.strings.js';
import { preloadMapView, type StMap } from '../map/st-map.js';

export type BenchView = 'map' | 'list';

/** A bench was selected (`detail.id`) or deselected (`null`) by the visitor. The host page may listen. */
/** @lit/task's `TaskStatus.PENDING`, as its value: importing the object would cost the full shared core an export. */
const PENDING = 1 satisfies TaskStatus;

export class StBenchSelectEvent extends Event {
  static readonly eventName = 'st-bench-select';
  readonly detail: { id: string | null };
  constructor(id: string | null) {
    super(StBenchSelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = { id };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'st-bench-select': StBenchSelectEvent;
  }
}

/** The benches serving a destination (matched like the destination list: case and accents folded); all without one. */
function benchesFor(feed: BenchFeed, destination: string): Bench[] {
  const key = fold(destination.trim());
  return key ? feed.benches.filter((b) => b.destinations.some((d) => d.key === key)) : feed.benches;
}

/*
 * Pieces the region's texts repeat, one Lit template each however often they show: every template
 * is created (its HTML parsed, its parts found) on its first use, on the first screen. Written out
 * per use, the intro and the three details took 13 templates; these take 8 for the same DOM.
 */
/** Feed text whose line breaks show. */
const pre = (text: string) => html`<p class="pre">${text}</p>`;
/** A closed section: its summary, then its content. */
const details = (summary: string, content: unknown) => html`<details><summary>${summary}</summary> ${content}</details>`;
/** One line of the contact. */
const line = (content: unknown) => html`${content}<br />`;
/** A tel:, mailto: or web link (only made from a checked number or address, see the model); one template for all three. */
const link = (href: string, text: string, rel?: string) => html`<a href=${href} rel=${rel ?? nothing}>${text}</a>`;

/**
 * Ride-share benches (Mitfahrbänke) on a map and in a list: where they are, where each one
 * takes you and how it works. The map loads tiles only after the visitor agrees; the list
 * works without the map.
 *
 * @tag mitfahrbank-map
 * @fires {StLoadEvent} st-load - The feed was loaded; `detail.count` is the number of benches.
 * @fires {StErrorEvent} st-error - The feed could not be shown; `detail` has message, status and url.
 * @fires {StBenchSelectEvent} st-bench-select - The visitor opened a bench's details (`detail.id`) or closed them (`null`).
 * @csspart base - The wrapper around everything.
 * @csspart toolbar - Destination filter, "nearest" button and the map/list switch.
 * @csspart list - The list of benches.
 * @csspart item - One bench in the list.
 * @csspart details - The details panel of the selected bench.
 * @csspart map - The map area (placeholder or map).
 * @csspart consent - The consent placeholder in the map area.
 * @csspart region - How to ride, driver registration and contact.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message.
 * @csspart empty - The message when no bench is listed.
 * @cssprop --st-map-height - Height of the map (default `max(clamp(320px, 60vh, 560px), 18em)`).
 * @cssprop --st-loading-height - Height the loading placeholder reserves so the page does not jump when the benches arrive (default: map height + 24em, at most `100vh`).
 * @cssprop --st-map-selected - Colour of the selected marker (default `#b3261e`).
 */
export class MitfahrbankMap extends MapSettings(WidgetElement) {
  static override styles = [...WidgetElement.styles, formStyles, styles];

  /**
   * Which view shows first: `map` (default) or `list`. Reflects the visitor's switch.
   * @type {'map' | 'list'}
   */
  @property({ reflect: true }) view: BenchView = 'map';

  /**
   * GeoJSON/Overpass: the property that holds a bench's name, if none of the usual ones (`name`, `Name`,
   * `NAME`, `Titel`, `Bezeichnung`, `Standortbeschreibung`, `Standort` …).
   */
  @property({ attribute: 'label-property' }) labelProperty?: string;

  /** Level of the widget's headings (bench names in list and details), 2–6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** Only benches serving this destination (a name, umlaut- and case-insensitive); the visitor's choice in "Wohin möchten Sie?". */
  @property() destination = '';

  /** Id of the bench whose details are open (also settable, e.g. from a link on the page). */
  @property() selected?: string;
  @state() private message = '';
  private readonly geo = new GeolocationController(this);
  /** The map is mounted only once it was shown, and then kept (hidden in list view). */
  @state() private mapSeen = false;
  /** The list item a bench was picked from, and where the page was scrolled then. */
  private fromList?: { id: string; scrollY: number };

  @query('st-map') private stMap?: StMap;

  private readonly l10n = new LocalizeController(this, strings);
  private readonly adapters: FeedAdapters = {
    csv: () => import('./mitfahrbank-map.csv.js').then((m) => m.default),
    geojson: async () => (await import('./adapters/osm.js')).geojson(() => this.labelProperty),
    overpass: async () => (await import('./adapters/osm.js')).overpass(() => this.labelProperty),
    umap: async () => (await import('./adapters/osm.js')).umap(() => this.labelProperty),
  };
  private readonly feed = new FeedController<BenchFeed>(this, {
    parse: (raw: unknown, ctx: FeedContext) => {
      // The map chunk loads while the benches are validated (100,000 take a while), not after.
      if (this.mapWanted()) preloadMapView();
      return parseBenchFeed(raw, ctx);
    },
    count: (f) => f.benches.length,
    adapters: this.adapters,
    detect: () => import('./mitfahrbank-map.formats.js').then((m) => m.detectors),
  });

  // Derived in willUpdate from the feed, the destination and the visitor's position; render only reads them.
  /** The benches serving the destination (all without one). */
  private benches: Bench[] = [];
  /** The list's order: nearest first after "Nächste Bank finden", else the feed's. */
  private listed: Bench[] = [];
  /** Metres from the visitor, once located. */
  private distances = new Map<Bench, number>();
  private shownFeed?: BenchFeed;
  private shownPosition?: MapPosition;

  /** The map (not the list) shows, and its consent is given: Leaflet will be needed. */
  private mapWanted(): boolean {
    return this.view === 'map' && (this.stMap?.granted ?? (this.consent === 'granted' || consent().has('map')));
  }

  protected override updated(): void {
    // While the feed travels, run the map chunk (the loader fetched it with the feed): its module
    // evaluation then falls in the wait, not after the benches are read (issue 18, first markers).
    // Still pending a task later means the request is out: a tag far from the viewport settles at
    // once without reading anything, and must not run Leaflet yet.
    if (this.feed.status === PENDING) setTimeout(() => this.feed.status === PENDING && this.mapWanted() && preloadMapView());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') && this.view === 'map') this.mapSeen = true;
    const feed = this.feed.value;
    const position = this.geo.position;
    const newFeed = feed !== this.shownFeed;
    if (newFeed || changed.has('destination')) this.benches = feed ? benchesFor(feed, this.destination) : [];
    if (newFeed || changed.has('destination') || position !== this.shownPosition) {
      this.distances = new Map(position ? this.benches.map((b) => [b, distance(position, b)]) : []);
      this.listed = position ? [...this.benches].sort((a, b) => this.distances.get(a)! - this.distances.get(b)!) : this.benches;
    }
    this.shownFeed = feed;
    this.shownPosition = position;
  }

  override render() {
    return this.feed.render({
      pending: () => renderLoading(this.l10n),
      error: (e) => renderFeedError(e, this.l10n, this.feed.retry),
      complete: (feed) => this.renderFeed(feed),
    });
  }

  private renderFeed(feed: BenchFeed) {
    if (feed.benches.length === 0) {
      return html`<div part="base">
        ${this.renderRegionIntro(feed.region)}
        <p class="state" part="empty" role="status">${this.l10n.t('empty')}</p>
        ${this.renderRegion(feed.region)}
      </div>`;
    }
    const benches = this.benches;
    const selected = this.selected ? feed.benches.find((b) => b.id === this.selected) : undefined;
    const listView = this.view === 'list';
    return html`<div part="base" class="base">
      ${this.renderRegionIntro(feed.region)} ${this.renderToolbar(feed)}
      <p class="status" role="status" aria-live="polite">${this.statusText(feed, benches)}</p>
      ${this.message ? html`<p class="message" role="status" aria-live="polite">${this.message}</p>` : nothing}
      ${
        this.mapSeen
          ? html`<st-map
            exportparts="map, details, consent"
            ?hidden=${listView}
            .points=${benches}
            .selected=${selected && benches.includes(selected) ? selected.id : undefined}
            .here=${this.geo.position}
            .clusterLabel=${this.clusterLabel()}
            .strings=${this.strings}
            consent=${this.consent ?? nothing}
            tile-url=${this.tileUrl}
            tile-attribution=${this.tileAttribution}
            max-zoom=${this.maxZoom}
            tile-provider=${this.tileProvider ?? nothing}
            privacy-url=${this.privacyUrl ?? nothing}
            label=${this.l10n.t('mapLabel')}
            heading-level=${this.level}
            theme=${this.resolvedTheme}
            @st-map-select=${this.onMapSelect}
          >
            ${selected ? html`<div slot="details" class="bench-details">${this.renderDetails(selected, feed)}</div>` : nothing}
          </st-map>`
          : nothing
      }
      ${listView ? this.renderList(this.listed) : nothing} ${this.renderRegion(feed.region)}
    </div>`;
  }

  private clusterLabels?: { lang: string; label: (n: number) => string };

  /**
   * The cluster markers' name, one function per language: a new function at every render made
   * `<st-map>` update whenever the widget did (twice before the first frame), with nothing changed.
   */
  private clusterLabel(): (n: number) => string {
    const lang = this.l10n.lang;
    if (this.clusterLabels?.lang !== lang) this.clusterLabels = { lang, label: (n) => this.l10n.plural('cluster', n, { count: n }) };
    return this.clusterLabels.label;
  }

  private get level(): number {
    return Math.min(6, Math.max(2, Math.round(this.headingLevel) || 3));
  }

  private statusText(feed: BenchFeed, benches: Bench[]): string {
    const total = feed.benches.length;
    if (!this.destination.trim()) return this.l10n.plural('count', total, { count: total });
    const key = fold(this.destination.trim());
    const destination = feed.destinations.find((d) => d.key === key)?.name ?? this.destination;
    if (benches.length === 0) return this.l10n.t('noneForDestination', { destination });
    return this.l10n.plural('countFiltered', benches.length, { count: benches.length, total, destination });
  }

  private renderToolbar(feed: BenchFeed) {
    const chosen = fold(this.destination.trim());
    return html`<div class="toolbar" part="toolbar">
      ${
        feed.destinations.length
          ? html`<div class="field">
            <label for="destination">${this.l10n.t('destination')}</label>
            <select id="destination" @change=${this.onDestination}>
              <option value="" ?selected=${!this.destination}>${this.l10n.t('allDestinations')}</option>
              ${feed.destinations.map((d) => html`<option value=${d.key} ?selected=${d.key === chosen}>${d.name}</option>`)}
            </select>
          </div>`
          : nothing
      }
      <button class="button nearest" type="button" ?disabled=${this.geo.status === 'locating'} @click=${() => this.findNearest(feed)}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="7" fill="none" stroke="currentColor" stroke-width="2" />
          <circle cx="12" cy="12" r="2.5" fill="currentColor" />
          <path d="M12 1v4M12 19v4M1 12h4M19 12h4" stroke="currentColor" stroke-width="2" />
        </svg>
        ${this.geo.status === 'locating' ? this.l10n.t('locating') : this.l10n.t('nearest')}
      </button>
      <div class="switch" role="group" aria-label=${this.l10n.t('view')}>
        <button class="button" type="button" aria-pressed=${this.view === 'map'} @click=${() => this.setView('map')}>${this.l10n.t('viewMap')}</button>
        <button class="button" type="button" aria-pressed=${this.view === 'list'} @click=${() => this.setView('list')}>${this.l10n.t('viewList')}</button>
      </div>
    </div>`;
  }

  private renderList(benches: Bench[]) {
    if (benches.length === 0) return nothing;
    return html`<ul class="list" part="list">
      ${benches.map(
        (b) => html`<li class="item" part="item" data-id=${b.id}>
          <p class="name" role="heading" aria-level=${this.level}>
            <button class="link" type="button" aria-current=${b.id === this.selected ? 'true' : 'false'} @click=${() => this.pick(b.id, true)}>${b.name}</button>
          </p>
          ${
            b.municipality || this.distances.has(b)
              ? html`<p class="muted">
                ${b.municipality ?? nothing}${b.municipality && this.distances.has(b) ? ' · ' : nothing}${
                  this.distances.has(b) ? this.l10n.t('distanceAway', { distance: this.formatDistance(this.distances.get(b)!) }) : nothing
                }
              </p>`
              : nothing
          }
          ${
            b.destinations.length || b.otherDestinations
              ? html`<p>
                <span class="muted">${this.l10n.t('destinations')}:</span>
                ${b.destinations.map((d) => d.name).join(' · ')}${b.otherDestinations ? html`${b.destinations.length ? ' · ' : ''}<em>${this.l10n.t('otherDestinations')}</em>` : nothing}
              </p>`
              : nothing
          }
        </li>`,
      )}
    </ul>`;
  }

  private renderDetails(b: Bench, feed: BenchFeed) {
    const byId = (id: string) => feed.benches.find((x) => x.id === id);
    return html`<p class="details-name" role="heading" aria-level=${this.level}><strong>${b.name}</strong></p>
      ${b.municipality ? html`<p class="muted">${b.municipality}</p>` : nothing}
      ${
        b.photo
          ? html`<figure>
            <img src=${b.photo.src} alt=${b.photo.alt} loading="lazy" />
            ${b.photo.credit ? html`<figcaption>${this.l10n.t('photoCredit', { credit: b.photo.credit })}</figcaption>` : nothing}
          </figure>`
          : nothing
      }
      ${
        b.destinations.length || b.otherDestinations
          ? html`<p class="sub">${this.l10n.t('destinations')}</p>
      <ul class="destinations">
        ${b.destinations.map((d) => {
          const back = d.returnId ? byId(d.returnId) : undefined;
          return html`<li>
            <strong>${d.name}</strong>
            ${
              back
                ? html`<br /><button class="link small return" type="button" @click=${() => this.pick(back.id)}>
                    ${this.l10n.t('returnBench', { name: back.name })}
                  </button>`
                : d.returnText
                  ? html`<br /><span class="muted">${this.l10n.t('returnBench', { name: d.returnText })}</span>`
                  : nothing
            }
          </li>`;
        })}
        ${b.otherDestinations ? html`<li>${this.l10n.t('otherDestinations')}</li>` : nothing}
      </ul>`
          : nothing
      }
      ${b.restingSign ? html`<p>${this.l10n.t('restingSign')}</p>` : nothing}
      ${b.location ? html`<p class="sub">${this.l10n.t('location')}</p><p>${b.location}</p>` : nothing}
      ${b.howItWorks ? html`<p class="sub">${this.l10n.t('howItWorks')}</p><p class="pre">${b.howItWorks}</p>` : nothing}
      ${
        b.busStops.length
          ? html`<p class="sub">${this.l10n.t('busStops')}</p>
            <ul>
              ${b.busStops.map(
                (s) => html`<li>
                  ${s.name}${s.lines ? html`, ${this.l10n.t('busLines', { lines: s.lines })}` : nothing}${
                    s.distance != null ? html` (${this.l10n.t('busDistance', { distance: this.formatDistance(s.distance) })})` : nothing
                  }
                </li>`,
              )}
            </ul>`
          : nothing
      }
      ${b.accessibility ? html`<p class="sub">${this.l10n.t('accessibility')}</p><p class="pre">${b.accessibility}</p>` : nothing}`;
  }

  private renderRegionIntro(region: Region | undefined) {
    if (!region?.title && !region?.intro) return nothing;
    return html`<div class="intro">
      ${region.title ? html`<p class="region-title" role="heading" aria-level=${this.level}>${region.title}</p>` : nothing}
      ${region.intro ? pre(region.intro) : nothing}
    </div>`;
  }

  private renderRegion(region: Region | undefined) {
    if (!region) return nothing;
    const c = region.contact;
    const hasContact = c && (c.name || c.phone || c.email || c.url);
    if (!region.howToRide && !region.drivers && !hasContact) return nothing;
    return html`<div class="region" part="region">
      ${region.howToRide ? details(this.l10n.t('regionHow'), pre(region.howToRide)) : nothing}
      ${region.drivers ? details(this.l10n.t('regionDrivers'), pre(region.drivers)) : nothing}
      ${
        hasContact
          ? details(
              this.l10n.t('regionContact'),
              html`<p>
                ${c!.name ? line(c!.name) : nothing}
                ${c!.phone ? line(c!.tel ? link(c!.tel, c!.phone) : c!.phone) : nothing}
                ${c!.email ? line(c!.mailto ? link(c!.mailto, c!.email) : c!.email) : nothing}
                ${c!.url ? link(c!.url, c!.url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, ''), 'noopener') : nothing}
              </p>`,
            )
          : nothing
      }
    </div>`;
  }

  private formatDistance(metres: number): string {
    if (metres < 1000) return this.l10n.t('distanceM', { value: Math.round(metres / 10) * 10 });
    const km = new Intl.NumberFormat(this.l10n.lang, { maximumFractionDigits: metres < 10000 ? 1 : 0 }).format(metres / 1000);
    return this.l10n.t('distanceKm', { value: km });
  }

  // --- visitor actions -----------------------------------------------------------------------

  private setView(view: BenchView): void {
    this.view = view;
    if (view === 'list' && this.fromList) void this.backToList(false);
  }

  /** Shows a bench on the map and opens its details (from the list, "nearest" or a return bench). */
  private async pick(id: string, fromList = false): Promise<void> {
    // Coming from the list: remember where it was, so closing the details brings the visitor back there.
    if (fromList) this.fromList = { id, scrollY: window.scrollY };
    // A bench outside the destination filter (a return bench): widen the filter and say so,
    // rather than closing the details and showing nothing.
    const feed = this.feed.value;
    if (feed && this.destination.trim() && !this.benches.some((b) => b.id === id)) {
      const key = fold(this.destination.trim());
      const destination = feed.destinations.find((d) => d.key === key)?.name ?? this.destination;
      this.destination = '';
      this.message = this.l10n.t('filterWidened', { destination });
    }
    this.selected = id;
    this.view = 'map';
    this.announce(id);
    await this.updateComplete;
    await this.stMap?.focusDetails();
  }

  /** `st-bench-select` for the host page (documented in the class JSDoc). */
  private announce(id: string | null): void {
    const event = new StBenchSelectEvent(id);
    this.dispatchEvent(event);
  }

  /** Back in the list where the visitor left it (same scroll position), focus on the bench they picked. */
  private async backToList(close: boolean): Promise<void> {
    const from = this.fromList!;
    this.fromList = undefined;
    if (close) this.selected = undefined;
    this.view = 'list';
    await this.updateComplete;
    window.scrollTo({ top: from.scrollY, behavior: 'instant' });
    const item = this.renderRoot.querySelector<HTMLElement>(`.list [data-id="${CSS.escape(from.id)}"] .link`);
    item?.focus({ preventScroll: true });
    item?.scrollIntoView({ block: 'nearest' });
  }

  private onMapSelect = (e: StMapSelectEvent): void => {
    const id = e.detail.id ?? undefined;
    if (!id && this.fromList) {
      this.announce(null);
      void this.backToList(true);
      return;
    }
    if (id) this.fromList = undefined;
    const listItem = !id && this.selected;
    this.selected = id;
    this.announce(e.detail.id);
    void this.updateComplete.then(() => {
      if (id) void this.stMap?.focusDetails();
      else if (listItem) void this.stMap?.focusPoint(listItem);
    });
  };

  private onDestination = (e: Event): void => {
    this.destination = (e.target as HTMLSelectElement).value;
    this.message = '';
    const feed = this.feed.value;
    if (feed && this.selected && !benchesFor(feed, this.destination).some((b) => b.id === this.selected)) this.selected = undefined;
  };

  private async findNearest(feed: BenchFeed): Promise<void> {
    this.message = '';
    const here = await this.geo.locate();
    if (!here) {
      const f = this.geo.status;
      this.message = this.l10n.t(f === 'denied' ? 'nearestDenied' : f === 'unsupported' ? 'nearestUnsupported' : 'nearestFailed');
      return;
    }
    const found = nearest(this.benches.length ? this.benches : feed.benches, here);
    if (!found) return;
    if (!this.benches.includes(found.point)) this.destination = '';
    this.message = this.l10n.t('nearestFound', { name: found.point.name, distance: this.formatDistance(found.metres) });
    await this.pick(found.point.id);
  }
}
