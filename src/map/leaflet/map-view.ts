/**
 * `<st-map-view>`: the Leaflet part of the shared map. Internal: widgets use `<st-map>`
 * (src/map/st-map.ts), which shows the consent placeholder and imports this module only
 * after consent. Everything in src/map/leaflet/ is bundled into the `map` chunk with Leaflet.
 *
 * Under Trusted Types no Leaflet sink is hit: no Leaflet controls, no popups, DivIcons only
 * with Element `html`. Zoom, attribution, hints and notes are this element's own DOM.
 */
import { DivIcon, LatLngBounds, LayerGroup, Map as LeafletMap, Marker, TileLayer, type LatLngTuple } from 'leaflet';
import { LitElement, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { define } from '../../core/define.js';
import { LocalizeController, type StringOverrides } from '../../core/i18n.js';
import { safeUrl } from '../../core/safe-url.js';
import { hostStyles } from '../../core/styles.js';
import type { Theme } from '../../core/widget-element.js';
import leafletCss from './leaflet-css.generated.js';

// Leaflet's module sets `window.L` when it loads; give the host page back its own (or none),
// so a page that uses another Leaflet keeps working.
(globalThis as { L?: { noConflict?: () => unknown } }).L?.noConflict?.();
import { ClusterIndex, type ClusterItem } from './cluster-index.js';
import { clusterButton, hereDot, pinButton } from './markers.js';
import styles from './map-view.styles.js';
import { viewStrings } from './map-view.strings.js';
import type { MapPoint, MapPosition } from '../types.js';

const FALLBACK_CENTER: LatLngTuple = [51.16, 10.45]; // Germany
/** A marker's box in CSS pixels (pins and cluster bubbles alike; a 44 px target). */
const MARKER = 44;
/**
 * The cluster radius in screen pixels (extent 256 = Leaflet's tile size, so one unit is one
 * pixel): well over a marker's width, so two bubbles or pins never overlap.
 */
const CLUSTER_RADIUS = Math.round(MARKER * 1.5);

/** A marker was activated. `<st-map>` turns it into its `st-map-select`. Not composed. */
export class StMapViewSelectEvent extends Event {
  static readonly eventName = 'st-map-view-select';
  readonly detail: { id: string };
  constructor(id: string) {
    super(StMapViewSelectEvent.eventName);
    this.detail = { id };
  }
}

/** "Karte ausblenden" was pressed. `<st-map>` revokes consent. Not composed. */
export class StMapViewWithdrawEvent extends Event {
  static readonly eventName = 'st-map-view-withdraw';
  constructor() {
    super(StMapViewWithdrawEvent.eventName);
  }
}

interface TileInternals {
  _tiles: Record<string, { coords: { z: number }; el: HTMLImageElement }>;
  _tileZoom: number;
  _map?: unknown;
  fire(type: string, data: unknown): void;
}
const gridLayer = Object.getPrototypeOf(TileLayer.prototype) as {
  _removeTile(this: unknown, key: string): void;
  _tileReady(this: unknown, coords: unknown, err: unknown, tile?: HTMLImageElement): void;
};

/**
 * Leaflet cancels unwanted tiles by setting their `src` to a `data:` GIF, which a strict
 * `img-src` blocks (one CSP violation report per tile). Removing `src` cancels them as well.
 */
class CspTileLayer extends TileLayer {
  _abortLoading(): void {
    const self = this as unknown as TileInternals;
    for (const key of Object.keys(self._tiles)) {
      const { coords, el } = self._tiles[key];
      if (coords.z === self._tileZoom || el.complete) continue;
      el.removeAttribute('src');
      el.remove();
      delete self._tiles[key];
      self.fire('tileabort', { tile: el, coords });
    }
  }

  _removeTile(key: string): void {
    const tile = (this as unknown as TileInternals)._tiles[key];
    if (!tile) return;
    tile.el.removeAttribute('src');
    gridLayer._removeTile.call(this, key);
  }

  _tileReady(coords: unknown, err: unknown, tile?: HTMLImageElement): void {
    if (!(this as unknown as TileInternals)._map || (tile && !tile.hasAttribute('src'))) return;
    gridLayer._tileReady.call(this, coords, err, tile);
  }
}

const isCluster = (f: ClusterItem): boolean => f.count > 1;

/** Splits `© [OpenStreetMap-Mitwirkende](https://…)` into text and safe links. */
export function parseAttribution(text: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = [];
  const re = /\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    const href = safeUrl(m[2], globalThis.location?.href ?? 'http://localhost/', 'tile-attribution');
    parts.push(href ? { text: m[1], href } : { text: m[1] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

export class StMapView extends LitElement {
  static override styles = [hostStyles, unsafeCSS(leafletCss), styles];

  private readonly l10n = new LocalizeController(this, viewStrings);

  /** Points to show; a new array rebuilds the cluster index and fits the view. */
  @property({ attribute: false }) points: readonly MapPoint[] = [];
  /** Id of the highlighted point, brought into view unclustered. */
  @property() selected?: string;
  /** The visitor's position. */
  @property({ attribute: false }) here?: MapPosition;
  /** Accessible name of a cluster. */
  @property({ attribute: false }) clusterLabel?: (count: number) => string;
  /** String overrides. */
  @property({ type: Object }) strings?: StringOverrides;
  /** Accessible name of the map region. */
  @property() label?: string;
  // Tile settings come from <st-map> (its MapSettings hold the one default, src/map/tiles.ts);
  // importing that default here would pull it, and the widgets with it, into the Leaflet chunk.
  @property({ attribute: 'tile-url' }) tileUrl!: string;
  /** Already in the visitor's language (`<st-map>` translates the OpenStreetMap default). */
  @property({ attribute: 'tile-attribution' }) tileAttribution!: string;
  @property({ attribute: 'max-zoom', type: Number }) maxZoom!: number;
  @property({ reflect: true }) theme: Theme = 'light';

  @state() private hint = '';
  @state() private tilesFailed = false;

  @query('.leaflet-host') private container!: HTMLElement;
  @query('.controls') private controlsEl?: HTMLElement;
  @query('.attribution') private attributionEl?: HTMLElement;

  /** The Leaflet map, for tests and for widgets that need more (undefined until first render). */
  map?: LeafletMap;
  private tiles?: TileLayer;
  private layer!: LayerGroup;
  private hereMarker?: Marker;
  private index?: ClusterIndex;
  private shown = new Map<string, Marker>();
  private resize?: ResizeObserver;
  private needsFit = true;
  private active = false;
  private hintTimer?: ReturnType<typeof setTimeout>;
  private tileOk = 0;
  private tileFail = 0;
  private lastWheel = 0;
  /** Ids and places of the points last shown (a refresh may bring new objects for the same places). */
  private placed: Places = { ids: [], coords: new Float64Array(0) };

  override render() {
    const mac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');
    return html`<div class="frame">
      <div class="area">
        <div
          class="leaflet-host"
          role="region"
          aria-label=${`${this.label || this.l10n.t('mapRegion')}. ${this.l10n.t('mapKeys')}`}
          @wheel=${this.onWheel}
          @pointercancel=${this.onPointerCancel}
        ></div>
        <div class="controls" part="controls">
          <button class="button ctl" type="button" aria-label=${this.l10n.t('mapZoomIn')} title=${this.l10n.t('mapZoomIn')} @click=${() => this.map?.zoomIn(1, { animate: this.motion })}>
            <span aria-hidden="true">+</span>
          </button>
          <button class="button ctl" type="button" aria-label=${this.l10n.t('mapZoomOut')} title=${this.l10n.t('mapZoomOut')} @click=${() => this.map?.zoomOut(1, { animate: this.motion })}>
            <span aria-hidden="true">−</span>
          </button>
          <button class="button ctl" type="button" aria-label=${this.l10n.t('mapShowAll')} title=${this.l10n.t('mapShowAll')} @click=${() => this.fit(true)}>
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"><path d="M3 9V3h6M21 9V3h-6M3 15v6h6M21 15v6h-6" fill="none" stroke="currentColor" stroke-width="2.2"/></svg>
          </button>
        </div>
        <p class="hint ${this.hint ? 'on' : ''}" role="status" aria-live="polite">${this.hint ? (this.hint === 'wheel' ? this.l10n.t(mac ? 'mapHintWheelMac' : 'mapHintWheel') : this.l10n.t('mapHintTouch')) : ''}</p>
        ${this.tilesFailed ? html`<p class="note" part="tiles-note" role="status">${this.l10n.t('mapTilesFailed')}</p>` : nothing}
        <p class="attribution" part="attribution">
          <span class="visually-hidden">${this.l10n.t('mapAttribution')}: </span>${parseAttribution(this.tileAttribution).map((p) =>
            p.href ? html`<a href=${p.href} target="_blank" rel="noopener">${p.text}</a>` : p.text,
          )}
        </p>
      </div>
      <div class="bar">
        <button class="button withdraw" type="button" title=${this.l10n.t('mapWithdrawLong')} @click=${this.onWithdraw}>${this.l10n.t('mapWithdraw')}</button>
      </div>
    </div>`;
  }

  /** Focuses the map itself (after the visitor loaded it): arrow keys pan, Tab reaches the markers. */
  focusMap(): void {
    // Focus we moved there is not the visitor choosing the map: the wheel still scrolls the page.
    this.quietFocus = true;
    this.container?.focus({ preventScroll: true });
    this.quietFocus = false;
  }

  /** Focuses the marker of a point (if it is drawn on its own), else the map itself. */
  focusPoint(id: string): void {
    const marker = this.shown.get(`p${id}*`) ?? this.shown.get(`p${id}`);
    const button = marker?.getElement()?.querySelector('button');
    (button ?? this.container)?.focus({ preventScroll: true });
  }

  private get motion(): boolean {
    return !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  }

  protected override firstUpdated(): void {
    this.createMap();
  }

  /** Builds the Leaflet map (again after the element was removed and re-inserted). */
  private createMap(): void {
    const animate = this.motion;
    this.map = new LeafletMap(this.container, {
      zoomControl: false,
      attributionControl: false,
      scrollWheelZoom: false,
      keyboard: true,
      trackResize: false, // the ResizeObserver below covers window resizes too
      maxZoom: this.maxZoom,
      zoomAnimation: animate,
      fadeAnimation: animate,
      markerZoomAnimation: animate,
      inertia: animate,
    });
    this.map.setView(FALLBACK_CENTER, 6, { animate: false });
    this.layer = new LayerGroup();
    this.shown.clear();
    this.layer.addTo(this.map);
    this.map.on('moveend', this.draw);
    // Two fingers belong to the map: keep the browser from scrolling the page with them.
    this.container.addEventListener('touchstart', this.onTouch, { passive: false });
    this.container.addEventListener('touchmove', this.onTouch, { passive: false });
    this.container.addEventListener('focusin', this.onFocusIn);
    this.container.addEventListener('focusout', this.onFocusOut);
    this.resize = new ResizeObserver(() => this.onResize());
    this.resize.observe(this.container);
    this.needsFit = true;
    this.placed = { ids: [], coords: new Float64Array(0) };
    this.tiles = undefined;
    this.hereMarker = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.map) {
      this.createMap();
      this.requestUpdate('points'); // tiles, index, markers and fit as on the first render
      this.requestUpdate('here');
    }
  }

  /** Removed from the page (consent withdrawn, widget removed): Leaflet and observers go too. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.resize = undefined;
    clearTimeout(this.hintTimer);
    this.container?.removeEventListener('focusin', this.onFocusIn);
    this.container?.removeEventListener('focusout', this.onFocusOut);
    this.container?.removeEventListener('touchstart', this.onTouch);
    this.container?.removeEventListener('touchmove', this.onTouch);
    this.map?.remove();
    this.map = undefined;
  }

  protected override willUpdate(): void {
    // The shared dark tokens key on resolved-theme; the widget passes its resolved theme as `theme`.
    this.setAttribute('resolved-theme', this.theme === 'dark' ? 'dark' : 'light');
  }

  protected override updated(changed: PropertyValues<this>): void {
    const map = this.map;
    if (!map) return;
    if (changed.has('points')) {
      this.index = new ClusterIndex(this.points, {
        radius: CLUSTER_RADIUS,
        extent: 256,
        maxZoom: Math.max(0, Math.min(16, this.maxZoom - 1)),
      });
      this.clear();
      // A refresh with the same places keeps the visitor's view; a new set (filter) is fitted.
      const same = samePlaces(this.placed, this.points);
      this.placed = places(this.points);
      if (!same && (!this.selected || !this.points.some((p) => p.id === this.selected))) this.fit(false);
    }
    if (changed.has('selected') && this.selected) this.reveal(this.selected);
    else if (changed.has('selected') || changed.has('points') || changed.has('clusterLabel')) this.draw();
    // Tiles once the view is set: added before the fit, Leaflet would create (and request) the
    // tiles of the fallback view of all Germany first and remove them again right after.
    if (changed.has('tileUrl') || changed.has('maxZoom') || !this.tiles) this.setTiles();
    if (changed.has('here')) this.placeHere();
  }

  private setTiles(): void {
    this.tiles?.remove();
    this.tileOk = this.tileFail = 0;
    this.tilesFailed = false;
    this.map!.options.maxZoom = this.maxZoom;
    this.tiles = new CspTileLayer(this.tileUrl, { maxZoom: this.maxZoom, referrerPolicy: 'strict-origin-when-cross-origin' });
    this.tiles.on('loading', () => {
      this.tileOk = this.tileFail = 0;
    });
    this.tiles.on('tileload', () => {
      this.tileOk++;
      this.tilesFailed = false;
    });
    this.tiles.on('tileerror', () => {
      this.tileFail++;
      if (this.tileOk === 0) this.tilesFailed = true;
    });
    this.tiles.addTo(this.map!);
  }

  /** Fits all points into view (or keeps the fallback view when there are none). */
  private fit(animate: boolean): void {
    const map = this.map;
    if (!map) return;
    if (!this.hasSize()) {
      this.needsFit = true;
      return;
    }
    this.needsFit = false;
    if (this.points.length === 0) return;
    let s = 90,
      w = 180,
      n = -90,
      e = -180;
    for (const p of this.points) {
      if (p.lat < s) s = p.lat;
      if (p.lat > n) n = p.lat;
      if (p.lon < w) w = p.lon;
      if (p.lon > e) e = p.lon;
    }
    map.fitBounds(new LatLngBounds([s, w], [n, e]), {
      ...this.fitPadding(),
      maxZoom: Math.min(15, this.maxZoom),
      animate: animate && this.motion,
    });
  }

  /**
   * Room around the points when fitting: half a marker on each side, a whole one on top (pins
   * stand on their point), and the zoom buttons' column on the right and the attribution at the
   * bottom, so no control ever covers a marker.
   */
  private fitPadding(): { paddingTopLeft: [number, number]; paddingBottomRight: [number, number] } {
    const box = this.container.getBoundingClientRect();
    const ctl = this.controlsEl?.getBoundingClientRect();
    const att = this.attributionEl?.getBoundingClientRect();
    const right = ctl && ctl.width ? box.right - ctl.left + MARKER / 2 + 4 : MARKER;
    const bottom = att && att.height ? box.bottom - att.top + 4 : MARKER / 2 + 4;
    return { paddingTopLeft: [MARKER / 2 + 8, MARKER + 8], paddingBottomRight: [right, bottom] };
  }

  private hasSize(): boolean {
    return this.container.clientWidth > 0 && this.container.clientHeight > 0;
  }

  private onResize(): void {
    if (!this.map || !this.hasSize()) return;
    this.map.invalidateSize({ pan: true, animate: false }); // keeps the centre (e.g. when the details panel opens beside it)
    if (this.needsFit) {
      if (this.selected) this.reveal(this.selected, false);
      else this.fit(false);
    }
  }

  /** Zooms until the point is on its own (not in a cluster) and centres it. */
  private reveal(id: string, animate = this.motion): void {
    const map = this.map!;
    const i = this.points.findIndex((p) => p.id === id);
    if (i < 0 || !this.index) return this.draw();
    if (!this.hasSize()) {
      this.needsFit = true;
      return;
    }
    const p = this.points[i];
    let zoom = Math.max(map.getZoom(), 13);
    const d = 1e-4; // the index keeps 30-bit coordinates: a tighter box can miss the point
    while (zoom < this.maxZoom) {
      const found = this.index.query([p.lon - d, p.lat - d, p.lon + d, p.lat + d], zoom);
      if (found.some((f) => !isCluster(f) && f.id === i)) break;
      zoom++;
    }
    this.needsFit = false;
    map.setView([p.lat, p.lon], Math.min(zoom, this.maxZoom), { animate });
    this.draw();
  }

  private clear(): void {
    this.layer.clearLayers();
    this.shown.clear();
  }

  /** Shows the clusters and points inside the (padded) view; reuses markers that stay. */
  private draw = (): void => {
    const map = this.map;
    if (!map || !this.index) return;
    const b = map.getBounds().pad(0.25);
    const bbox: [number, number, number, number] = [
      Math.max(-180, b.getWest()),
      Math.max(-85, b.getSouth()),
      Math.min(180, b.getEast()),
      Math.min(85, b.getNorth()),
    ];
    const features = this.index.query(bbox, Math.round(map.getZoom()));
    const next = new Map<string, Marker>();
    for (const group of this.separate(features)) {
      const f = group[0];
      const one = group.length === 1;
      const key = !one
        ? `g${group.map((g) => (isCluster(g) ? `c${g.id}` : `p${g.id}`)).join(',')}`
        : isCluster(f)
          ? `c${f.id}`
          : `p${this.points[f.id].id}${this.points[f.id].id === this.selected ? '*' : ''}`;
      let marker = this.shown.get(key);
      if (!marker) marker = one ? this.createMarker(f) : this.createGroupMarker(group);
      this.shown.delete(key);
      next.set(key, marker);
    }
    for (const old of this.shown.values()) this.layer.removeLayer(old);
    this.shown = next;
  };

  /**
   * A cluster is drawn at its members' centre, which can land on a neighbour. In screen
   * space, biggest first, anything whose box would touch an already placed marker joins it, so
   * bubbles and pins never overlap. The selected pin always stays a pin of its own.
   */
  private separate(features: ClusterItem[]): ClusterItem[][] {
    const map = this.map!;
    const selected = (f: ClusterItem) => !isCluster(f) && this.points[f.id].id === this.selected;
    const ordered = [...features].sort((a, b) => Number(selected(b)) - Number(selected(a)) || b.count - a.count);
    const placed: { box: [number, number, number, number]; group: ClusterItem[]; fixed: boolean }[] = [];
    for (const f of ordered) {
      const pt = map.latLngToContainerPoint([f.lat, f.lon]);
      // Pins stand on their point (anchor at the bottom), bubbles sit centred on it.
      const top = isCluster(f) ? pt.y - MARKER / 2 : pt.y - MARKER + 2;
      const box: [number, number, number, number] = [pt.x - MARKER / 2, top, pt.x + MARKER / 2, top + MARKER];
      const hit = placed.find(
        (p) => !p.fixed && box[0] < p.box[2] + 2 && box[2] > p.box[0] - 2 && box[1] < p.box[3] + 2 && box[3] > p.box[1] - 2,
      );
      if (hit && !selected(f)) hit.group.push(f);
      else placed.push({ box, group: [f], fixed: selected(f) });
    }
    return placed.map((p) => p.group);
  }

  /** A bubble for markers that would overlap: shows their total; a click fits them all into view. */
  private createGroupMarker(group: ClusterItem[]): Marker {
    const { lat, lon } = group[0];
    const leaves: LatLngTuple[] = [];
    for (const f of group) {
      if (!isCluster(f)) leaves.push([f.lat, f.lon]);
      else for (const i of this.index!.leaves(f.id)) leaves.push([this.points[i].lat, this.points[i].lon]);
    }
    const count = leaves.length;
    const label = this.clusterLabel?.(count) ?? this.l10n.plural('mapCluster', count);
    const el = clusterButton(count, label);
    el.addEventListener('click', () => {
      const lats = leaves.map((l) => l[0]);
      const lons = leaves.map((l) => l[1]);
      const bounds = new LatLngBounds([Math.min(...lats), Math.min(...lons)], [Math.max(...lats), Math.max(...lons)]);
      this.map!.fitBounds(bounds, { ...this.fitPadding(), maxZoom: this.maxZoom, animate: this.motion });
      this.focusAfterMove([lat, lon]);
    });
    const marker = new Marker([lat, lon], {
      icon: new DivIcon({ html: el, className: 'st-icon', iconSize: [MARKER, MARKER], iconAnchor: [MARKER / 2, MARKER / 2] }),
      keyboard: false,
    });
    marker.addTo(this.layer);
    return marker;
  }

  private createMarker(f: ClusterItem): Marker {
    const { lat, lon } = f;
    let el: HTMLButtonElement;
    let marker: Marker;
    if (isCluster(f)) {
      const count = f.count;
      const label = this.clusterLabel?.(count) ?? this.l10n.plural('mapCluster', count);
      el = clusterButton(count, label);
      const id = f.id;
      el.addEventListener('click', () => {
        const zoom = Math.min(this.index!.expansionZoom(id), this.maxZoom);
        this.map!.setView([lat, lon], zoom, { animate: this.motion });
        this.focusAfterMove([lat, lon]);
      });
      marker = new Marker([lat, lon], {
        icon: new DivIcon({ html: el, className: 'st-icon', iconSize: [44, 44], iconAnchor: [22, 22] }),
        keyboard: false,
      });
    } else {
      const point = this.points[f.id];
      const selected = point.id === this.selected;
      el = pinButton(point.label, selected);
      el.addEventListener('click', () => this.dispatchEvent(new StMapViewSelectEvent(point.id)));
      marker = new Marker([lat, lon], {
        icon: new DivIcon({ html: el, className: 'st-icon', iconSize: [44, 44], iconAnchor: [22, 42] }),
        keyboard: false,
        zIndexOffset: selected ? 1000 : 0,
      });
    }
    marker.addTo(this.layer);
    return marker;
  }

  /** After zooming into a cluster, keep keyboard focus near where it was. */
  private focusAfterMove(at: LatLngTuple): void {
    const map = this.map!;
    const restore = () => {
      map.off('moveend', restore);
      const markers = [...this.shown.values()];
      const el = markers
        .map((m) => ({ m, el: m.getElement()?.querySelector('button') }))
        .filter((x) => x.el)
        .sort((a, b) => dist(a.m, at) - dist(b.m, at))[0]?.el;
      el?.focus({ preventScroll: true });
    };
    map.on('moveend', restore);
  }

  private placeHere(): void {
    this.hereMarker?.remove();
    this.hereMarker = undefined;
    if (!this.here || !this.map) return;
    this.hereMarker = new Marker([this.here.lat, this.here.lon], {
      icon: new DivIcon({ html: hereDot(this.l10n.t('mapHere')), className: 'st-icon', iconSize: [22, 22], iconAnchor: [11, 11] }),
      keyboard: false,
      interactive: false,
      zIndexOffset: -1000,
    }).addTo(this.map);
  }

  // --- no scroll hijacking -----------------------------------------------------------------

  private quietFocus = false;

  private onFocusIn = (): void => {
    if (!this.quietFocus) this.active = true;
  };

  private onFocusOut = (e: FocusEvent): void => {
    if (!this.container.contains(e.relatedTarget as Node | null)) this.active = false;
  };

  private onWheel = (e: WheelEvent): void => {
    const map = this.map;
    if (!map) return;
    if (!(e.ctrlKey || e.metaKey || this.active)) {
      this.showHint('wheel');
      return;
    }
    e.preventDefault();
    const now = e.timeStamp;
    if (now - this.lastWheel < 200 || e.deltaY === 0) return;
    this.lastWheel = now;
    const zoom = Math.max(map.getMinZoom(), Math.min(this.maxZoom, Math.round(map.getZoom()) + (e.deltaY < 0 ? 1 : -1)));
    map.setZoomAround(map.pointerEventToContainerPoint(e), zoom, { animate: this.motion });
  };

  private onTouch = (e: TouchEvent): void => {
    if (e.touches.length >= 2 && e.cancelable) e.preventDefault();
  };

  /** One finger on the map: the browser scrolls the page (touch-action) and cancels the pointer. */
  private onPointerCancel = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') this.showHint('touch');
  };

  private showHint(kind: 'wheel' | 'touch'): void {
    this.hint = kind;
    clearTimeout(this.hintTimer);
    this.hintTimer = setTimeout(() => (this.hint = ''), 2500);
  }

  private onWithdraw = (): void => {
    this.dispatchEvent(new StMapViewWithdrawEvent());
  };
}

/** Ids and coordinates of points, kept without an object per point. */
interface Places {
  ids: string[];
  coords: Float64Array;
}

function places(points: readonly MapPoint[]): Places {
  const ids = new Array<string>(points.length);
  const coords = new Float64Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    ids[i] = points[i].id;
    coords[2 * i] = points[i].lat;
    coords[2 * i + 1] = points[i].lon;
  }
  return { ids, coords };
}

function samePlaces(a: Places, b: readonly MapPoint[]): boolean {
  if (a.ids.length !== b.length) return false;
  for (let i = 0; i < b.length; i++)
    if (a.ids[i] !== b[i].id || a.coords[2 * i] !== b[i].lat || a.coords[2 * i + 1] !== b[i].lon) return false;
  return true;
}

function dist(m: Marker, at: LatLngTuple): number {
  const ll = m.getLatLng();
  return (ll.lat - at[0]) ** 2 + (ll.lng - at[1]) ** 2;
}

define('st-map-view', StMapView);

declare global {
  interface HTMLElementTagNameMap {
    'st-map-view': StMapView;
  }
  interface GlobalEventHandlersEventMap {
    'st-map-view-select': StMapViewSelectEvent;
    'st-map-view-withdraw': StMapViewWithdrawEvent;
  }
}
