import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MapPosition } from './types.js';

/** Why no position came: refused, no fix, too slow, or no geolocation in this browser. */
export type LocateFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';
export type LocateStatus = 'idle' | 'locating' | 'located' | LocateFailure;

/**
 * The visitor's position for "nearest bench" and "near me", asked only on a click, kept only in
 * memory (never stored, never sent). One controller for the map widget and the card; positions
 * use `lat`/`lon` like every point in the code.
 */
export class GeolocationController implements ReactiveController {
  status: LocateStatus = 'idle';
  position?: MapPosition;
  private request?: Promise<MapPosition | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Called with a new position inside the browser's callback, before the host updates (e.g. to sort by distance). */
    private readonly located?: (position: MapPosition) => void,
  ) {
    host.addController(this);
  }

  /** Off the page, a pending question no longer blocks a new one when the element comes back. */
  hostDisconnected(): void {
    this.request = undefined;
  }

  /**
   * Asks the browser for the position (call only from a click). Resolves with it, or with
   * undefined when there is none (`status` says why). A second call while asking asks nothing.
   * Status and position change inside the browser's callback, before the promise settles.
   */
  locate(timeoutMs = 15000): Promise<MapPosition | undefined> {
    if (this.request) return this.request;
    const geo = globalThis.navigator?.geolocation;
    if (!geo) {
      this.set('unsupported');
      return Promise.resolve(undefined);
    }
    this.set('locating');
    let done = false; // a browser (or a test) may answer synchronously
    const request = new Promise<MapPosition | undefined>((resolve) => {
      const settle = (status: LocateStatus, position?: MapPosition) => {
        done = true;
        this.request = undefined;
        if (position) this.position = position;
        if (position) this.located?.(position);
        this.set(status);
        resolve(position);
      };
      geo.getCurrentPosition(
        (p) => settle('located', { lat: p.coords.latitude, lon: p.coords.longitude }),
        (e) => settle(e.code === 1 ? 'denied' : e.code === 3 ? 'timeout' : 'unavailable'),
        { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: 60000 },
      );
    });
    if (!done) this.request = request;
    return request;
  }

  private set(status: LocateStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
