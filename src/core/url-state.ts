import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface UrlStateOptions {
  /** Only when this says yes does the controller read or write the URL (the widget's `url-state`). */
  enabled(): boolean;
  /** The widget's state as hash parameters, in this order; empty values are left out. */
  state(): Record<string, string | undefined>;
  /** Takes over parameters from the URL: on connect, on back/forward, on a changed hash. */
  apply(params: URLSearchParams): void;
}

/**
 * A widget's view state in the URL hash (`#q=bank&status=review&idea=b`), so a view can be
 * linked and the back button closes what a click opened. A plain anchor (`#inhalt`, a CMS's
 * "skip to content") is not ours: the state is kept and the anchor left alone.
 */
export class UrlStateController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly options: UrlStateOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.read();
    addEventListener('popstate', this.read);
    addEventListener('hashchange', this.read);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.read);
    removeEventListener('hashchange', this.read);
  }

  /** The address of the current state plus `extra`; without any state, the page without a hash. */
  href(extra: Record<string, string | undefined> = {}): string {
    const p = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...this.options.state(), ...extra })) if (value) p.set(key, value);
    const s = p.toString();
    return s ? `#${s}` : location.pathname + location.search;
  }

  /** Writes the current state over the current history entry (filters, search, sort). */
  replace(): void {
    if (!this.options.enabled()) return;
    const target = this.href();
    if (target !== location.hash) history.replaceState(history.state, '', target);
  }

  /** A new history entry for something opened (an idea), so Back closes it. */
  open(key: string, value: string): void {
    if (this.options.enabled()) history.pushState({ [UrlStateController.marker(key)]: value }, '', this.href({ [key]: value }));
  }

  /** Undoes `open`: goes back when that entry is the current one, else rewrites the entry without it. */
  close(key: string, value: string): void {
    if (!this.options.enabled()) return;
    if ((history.state as Record<string, unknown> | null)?.[UrlStateController.marker(key)] === value) history.back();
    else history.replaceState(null, '', this.href({ [key]: undefined }));
  }

  private read = (): void => {
    if (!this.options.enabled()) return;
    const hash = location.hash.slice(1);
    if (hash && !hash.includes('=')) return;
    this.options.apply(new URLSearchParams(hash));
  };

  private static marker(key: string): string {
    return `st-${key}`;
  }
}
