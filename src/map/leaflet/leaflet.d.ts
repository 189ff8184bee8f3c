/**
 * The part of Leaflet 2.0.0-alpha.1 the shared map uses. Leaflet ships no type declarations;
 * this is deliberately minimal (add what you use, with the types Leaflet documents).
 */
declare module 'leaflet' {
  export type LatLngTuple = [number, number];
  export type PointTuple = [number, number];

  export class LatLng {
    constructor(lat: number, lng: number);
    lat: number;
    lng: number;
  }

  export class LatLngBounds {
    constructor(a: LatLngTuple | LatLng, b: LatLngTuple | LatLng);
    getWest(): number;
    getSouth(): number;
    getEast(): number;
    getNorth(): number;
    pad(ratio: number): LatLngBounds;
    contains(p: LatLngTuple | LatLng): boolean;
  }

  export class Point {
    x: number;
    y: number;
  }

  export interface LeafletEvent {
    type: string;
    target: unknown;
  }

  export class Evented {
    on(type: string, fn: (e: LeafletEvent) => void, context?: unknown): this;
    off(type: string, fn?: (e: LeafletEvent) => void, context?: unknown): this;
  }

  export interface Handler {
    enable(): this;
    disable(): this;
    enabled(): boolean;
  }

  export interface MapOptions {
    center?: LatLngTuple;
    zoom?: number;
    minZoom?: number;
    maxZoom?: number;
    zoomControl?: boolean;
    attributionControl?: boolean;
    scrollWheelZoom?: boolean | 'center';
    keyboard?: boolean;
    trackResize?: boolean;
    zoomSnap?: number;
    zoomAnimation?: boolean;
    fadeAnimation?: boolean;
    markerZoomAnimation?: boolean;
    inertia?: boolean;
    worldCopyJump?: boolean;
    maxBoundsViscosity?: number;
  }

  export interface FitOptions {
    padding?: PointTuple;
    paddingTopLeft?: PointTuple;
    paddingBottomRight?: PointTuple;
    maxZoom?: number;
    animate?: boolean;
  }

  export interface ZoomOptions {
    animate?: boolean;
  }

  export class Map extends Evented {
    constructor(element: HTMLElement, options?: MapOptions);
    options: MapOptions;
    setView(center: LatLngTuple, zoom?: number, options?: ZoomOptions): this;
    fitBounds(bounds: LatLngBounds, options?: FitOptions): this;
    getBounds(): LatLngBounds;
    latLngToContainerPoint(latlng: LatLngTuple | LatLng): Point;
    getCenter(): LatLng;
    getZoom(): number;
    getMaxZoom(): number;
    getMinZoom(): number;
    setZoomAround(point: Point, zoom: number, options?: ZoomOptions): this;
    zoomIn(delta?: number, options?: ZoomOptions): this;
    zoomOut(delta?: number, options?: ZoomOptions): this;
    invalidateSize(options?: { pan?: boolean; animate?: boolean } | boolean): this;
    pointerEventToContainerPoint(e: MouseEvent): Point;
    getContainer(): HTMLElement;
    addLayer(layer: Layer): this;
    removeLayer(layer: Layer): this;
    remove(): this;
    dragging: Handler;
    touchZoom: Handler;
    scrollWheelZoom: Handler;
  }

  export class Layer extends Evented {
    addTo(map: Map | LayerGroup): this;
    remove(): this;
  }

  export class LayerGroup extends Layer {
    constructor(layers?: Layer[]);
    addLayer(layer: Layer): this;
    removeLayer(layer: Layer): this;
    clearLayers(): this;
  }

  export interface TileLayerOptions {
    maxZoom?: number;
    minZoom?: number;
    maxNativeZoom?: number;
    subdomains?: string | string[];
    crossOrigin?: boolean | string;
    referrerPolicy?: string | false;
    detectRetina?: boolean;
  }

  export class TileLayer extends Layer {
    constructor(urlTemplate: string, options?: TileLayerOptions);
  }

  export interface DivIconOptions {
    /** Always an Element: a string would be written with innerHTML (a Trusted Types sink). */
    html: Element;
    className?: string;
    iconSize?: PointTuple;
    iconAnchor?: PointTuple;
  }

  export class DivIcon {
    constructor(options: DivIconOptions);
  }

  export interface MarkerOptions {
    icon: DivIcon;
    keyboard?: boolean;
    interactive?: boolean;
    zIndexOffset?: number;
    riseOnHover?: boolean;
    bubblingPointerEvents?: boolean;
  }

  export class Marker extends Layer {
    constructor(latlng: LatLngTuple, options: MarkerOptions);
    setIcon(icon: DivIcon): this;
    setZIndexOffset(offset: number): this;
    getElement(): HTMLElement | undefined;
    getLatLng(): LatLng;
  }
}
