/**
 * `<st-map>`: the shared map of the widgets, used by `<mitfahrbank-map>` and `<ehrenamt-card>`.
 * This element is tiny and has no Leaflet in it: it shows the consent placeholder and the
 * details panel, and imports the Leaflet part (`src/map/leaflet/`, the `map` chunk) only after consent.
 * See src/map/README.md for how a widget uses it.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consent, type StConsentChangeEvent } from '../core/consent.js';
import { define } from '../core/define.js';
import { LocalizeController, type StringOverrides } from '../core/i18n.js';
import { warn } from '../core/log.js';
import { pageUrl, safeUrl } from '../core/safe-url.js';
import { hostStyles } from '../core/styles.js';
import type { Theme } from '../core/widget-element.js';
import { StMapSelectEvent } from './events.js';
import type { StMapViewSelectEvent } from './leaflet/map-view.js';
import { MapSettings } from './settings.js';
import { OSM_ATTRIBUTION, tileHost } from './tiles.js';
import type { MapPoint, MapPosition } from './types.js';
import { mapStrings } from './st-map.strings.js';

type Phase = 'placeholder' | 'loading' | 'map' | 'failed';

/** Loads the Leaflet part once per page. */
let viewModule: Promise<unknown> | undefined;
const loadView = () => (viewModule ??= import('./leaflet/map-view.js'));

/**
 * Starts loading the map chunk early (a widget whose map will show once its feed is parsed).
 * Only with consent given: it is the tiles that need consent, but without it nobody needs Leaflet.
 */
export function preloadMapView(): void {
  loadView().catch(() => undefined); // <st-map> reports a failure when it needs the module
}

export class StMap extends MapSettings(LitElement) {
  static override styles = [
    hostStyles,
    css`
      :host {
        --_map-height: var(--st-map-height, max(clamp(320px, 60vh, 560px), 18em));
        container-type: inline-size;
      }
      .layout {
        display: grid;
        gap: 0.75em;
      }
      .stage {
        position: relative;
        min-height: var(--_map-height);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        overflow: hidden;
        background: var(--_canvas);
      }
      st-map-view {
        height: var(--_map-height);
      }
      .placeholder {
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: 0.75em;
        min-height: var(--_map-height);
        padding: 1.5em;
        max-width: 40em;
        margin: 0 auto;
      }
      .placeholder h3 {
        margin: 0;
        font-size: 1.15em;
      }
      .placeholder p {
        margin: 0;
      }
      .remember {
        display: flex;
        align-items: center;
        gap: 0.6em;
        min-height: 44px;
        cursor: pointer;
      }
      .placeholder a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
      }
      .remember input {
        /* a long label must not squeeze the box (Firefox drew it 17 × 22 at 390 px) */
        flex: none;
        width: 1.35em;
        height: 1.35em;
        margin: 0;
        accent-color: var(--_accent);
      }
      .details {
        position: relative;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        padding: 1em 1.25em;
        max-height: var(--_map-height);
        overflow: auto;
      }
      .details:focus {
        outline: none;
      }
      .details:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 2px;
      }
      .close {
        float: right;
        margin: -0.5em -0.75em 0.5em 0.5em;
        border-color: transparent;
        font-size: 1.4em;
        line-height: 1;
        padding: 0;
        width: 44px;
      }
      @container (min-width: 46em) {
        .layout.open {
          grid-template-columns: minmax(0, 1fr) minmax(16em, 22em);
        }
      }
    `,
  ];

  private readonly l10n = new LocalizeController(this, mapStrings);

  /** The points to show. A new array re-renders markers and fits the view to them. */
  @property({ attribute: false }) points: readonly MapPoint[] = [];

  /** Id of the selected point: highlighted, brought into view, details panel open. */
  @property() selected?: string;

  /** Accessible name of the map region, e.g. "Karte der Mitfahrbänke". */
  @property() label?: string;

  /** The visitor's position (after a "nearest" search), drawn as a dot. */
  @property({ attribute: false }) here?: MapPosition;

  /** Accessible name of a cluster marker; "{count} Orte – heranzoomen" by default. */
  @property({ attribute: false }) clusterLabel?: (count: number) => string;

  /** String overrides (the widget passes its own `strings` through). */
  @property({ type: Object }) strings?: StringOverrides;

  /** Passed down from the widget so the inner parts follow its theme. */
  @property({ reflect: true }) theme: Theme = 'light';

  /** Heading level of the placeholder's heading (2–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  @state() private phase: Phase = 'placeholder';
  @state() private hasDetails = false;
  @state() private withdrawn = false;

  @query('.details') private detailsEl?: HTMLElement;

  /** Focus wanted in the details panel as soon as its content is slotted. */
  private detailsFocus = false;
  /** The visitor pressed "Karte laden": focus follows the map as it appears. */
  private loadFocus = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('st-consent-change', this.onConsent);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('st-consent-change', this.onConsent);
  }

  /** True when the map may load tiles: granted by attribute, the global API, or a remembered choice. */
  get granted(): boolean {
    return !this.withdrawn && (this.consent === 'granted' || consent().has('map'));
  }

  /** Moves keyboard focus into the details panel (after the visitor picked a point). */
  async focusDetails(): Promise<void> {
    this.detailsFocus = true;
    await this.updateComplete;
    this.focusOpenDetails();
  }

  /** The panel is hidden until its slot fills (slotchange comes after the update that opened it). */
  private focusOpenDetails(): void {
    if (!this.detailsFocus || !this.detailsEl || this.detailsEl.hidden) return;
    this.detailsFocus = false;
    this.detailsEl.focus();
  }

  protected override updated(): void {
    this.focusOpenDetails();
    if (!this.loadFocus) return;
    // Never leave focus on <body> when the button it was on disappears: the loading line, then the map.
    if (this.phase === 'loading') this.renderRoot.querySelector<HTMLElement>('.stage .placeholder')?.focus();
    else if (this.phase === 'map') {
      this.loadFocus = false;
      const view = this.renderRoot.querySelector('st-map-view') as
        (HTMLElement & { focusMap?(): void; updateComplete?: Promise<unknown> }) | null;
      void view?.updateComplete?.then(() => view.focusMap?.());
    } else if (this.phase === 'failed') this.loadFocus = false;
  }

  /** Moves focus back to a point's marker (after its details closed); the map or placeholder otherwise. */
  async focusPoint(id: string): Promise<void> {
    await this.updateComplete;
    const view = this.renderRoot.querySelector('st-map-view') as
      (HTMLElement & { focusPoint?(id: string): void; updateComplete?: Promise<unknown> }) | null;
    // Once the view has redrawn: an unselected pin is a new marker.
    await view?.updateComplete;
    if (view?.focusPoint) return view.focusPoint(id);
    this.renderRoot.querySelector<HTMLElement>('.placeholder button')?.focus();
  }

  private onConsent = (e: StConsentChangeEvent): void => {
    if (e.detail.purpose !== 'map') return;
    // The global API wins over the attribute in both directions (a consent manager's revoke hides the map).
    this.withdrawn = !e.detail.granted;
    this.requestUpdate();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The shared dark tokens key on resolved-theme (set by the ThemeController on widgets); the
    // widget passes its resolved theme down as `theme`.
    this.setAttribute('resolved-theme', this.theme === 'dark' ? 'dark' : 'light');
    if (changed.has('consent') && this.consent === 'granted') this.withdrawn = false;
    if (this.granted && (this.phase === 'placeholder' || this.phase === 'failed')) {
      this.phase = 'loading';
      loadView().then(
        () => (this.phase = this.granted ? 'map' : 'placeholder'),
        (error) => {
          viewModule = undefined;
          warn(this.l10n.lang === 'en' ? 'The map could not be loaded.' : 'Die Karte konnte nicht geladen werden.', error);
          this.phase = 'failed';
        },
      );
    } else if (!this.granted && this.phase !== 'placeholder' && this.phase !== 'failed') {
      this.phase = 'placeholder';
    }
  }

  private accept(e: Event): void {
    const form = (e.target as HTMLElement).closest('.placeholder');
    const remember = form?.querySelector<HTMLInputElement>('input[type=checkbox]')?.checked ?? false;
    this.withdrawn = false;
    this.loadFocus = true;
    consent().grant('map', { remember });
    this.requestUpdate();
  }

  private withdraw = async (): Promise<void> => {
    this.withdrawn = true;
    consent().revoke('map');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.placeholder button')?.focus();
  };

  private close = (): void => {
    this.dispatchEvent(new StMapSelectEvent(null));
  };

  private onDetailsKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.close();
    }
  };

  private onSlot = (e: Event): void => {
    this.hasDetails = (e.target as HTMLSlotElement).assignedElements().length > 0;
    if (this.detailsFocus) void this.updateComplete.then(() => this.focusOpenDetails());
  };

  override render() {
    const open = this.selected != null && this.hasDetails;
    return html`<div class="layout ${open ? 'open' : ''}" @keydown=${open ? this.onDetailsKey : null}>
      <div class="stage" part="map">${this.renderStage()}</div>
      <section class="details" part="details" tabindex="-1" aria-label=${this.l10n.t('mapDetails')} ?hidden=${!open}>
        <button class="button close" type="button" aria-label=${this.l10n.t('mapDetailsClose')} @click=${this.close}>
          <span aria-hidden="true">×</span>
        </button>
        <slot name="details" @slotchange=${this.onSlot}></slot>
      </section>
    </div>`;
  }

  private renderStage() {
    if (this.phase === 'map' || this.phase === 'loading') {
      if (this.phase === 'loading') return html`<p class="placeholder" role="status" tabindex="-1">${this.l10n.t('mapLoading')}</p>`;
      return html`<st-map-view
        .points=${this.points}
        .selected=${this.selected}
        .here=${this.here}
        .clusterLabel=${this.clusterLabel}
        .strings=${this.strings}
        .label=${this.label}
        tile-url=${this.tileUrl}
        tile-attribution=${this.tileAttribution === OSM_ATTRIBUTION ? this.l10n.t('osmAttribution') : this.tileAttribution}
        max-zoom=${this.maxZoom}
        theme=${this.theme}
        @st-map-view-select=${this.forward}
        @st-map-view-withdraw=${this.withdraw}
      ></st-map-view>`;
    }
    const provider = this.tileProvider || tileHost(this.tileUrl);
    // A webmaster's attribute, but still only http(s) or relative becomes a link.
    const privacy = safeUrl(this.privacyUrl, pageUrl(), 'privacy-url');
    const level = Math.min(6, Math.max(2, this.headingLevel || 3));
    return html`<div class="placeholder" part="consent">
      <p class="title" role="heading" aria-level=${level}><strong>${this.l10n.t('mapConsentTitle')}</strong></p>
      <p>${this.l10n.t('mapConsentText', { provider })}</p>
      ${this.phase === 'failed' ? html`<p role="alert">${this.l10n.t('mapFailed')}</p>` : nothing}
      <label class="remember"><input type="checkbox" />${this.l10n.t('mapConsentRemember')}</label>
      <p>
        <button class="button primary" type="button" @click=${this.accept}>${this.l10n.t('mapConsentLoad')}</button>
        ${privacy ? html`<a href=${privacy}>${this.l10n.t('mapPrivacy')}</a>` : nothing}
      </p>
    </div>`;
  }

  /** `<st-map-view>`'s select event stays inside this shadow root; hand it on. */
  private forward = (e: StMapViewSelectEvent): void => {
    this.dispatchEvent(new StMapSelectEvent(e.detail.id));
  };
}

define('st-map', StMap);

declare global {
  interface HTMLElementTagNameMap {
    'st-map': StMap;
  }
}
