import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { StringOverrides } from './i18n.js';
import { hostStyles } from './styles.js';
import { ThemeController, type ResolvedTheme } from './theme-controller.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * The thin base every widget shares: the common attributes, host styles and a reactive `lang`.
 * Data loading, localisation and logging live in controllers.
 */
export class WidgetElement extends LitElement {
  static override styles = [hostStyles];

  /** Feed URL (relative to the page, cross-origin allowed). */
  @property({ reflect: false }) src?: string;

  /** Feed format; each widget lists its adapters (e.g. `decidim`, `geojson`, `csv`). */
  @property() format?: string;

  /** Load right away instead of when the widget comes near the viewport. */
  @property({ type: Boolean }) eager = false;

  /** Seconds to wait for the feed before showing an error. */
  @property({ type: Number }) timeout = 15;

  /** Poll the feed every N seconds (0 = never); paused while the tab is hidden. */
  @property({ type: Number }) refresh = 0;

  /**
   * `light` (default), `dark`, or `auto`: dark only where the host page is dark too (the nearest
   * opaque background behind the widget, else the page's `color-scheme`), following the page's own
   * dark-mode switch without a reload. The result is reflected as `resolved-theme`.
   */
  @property({ reflect: true }) theme: Theme = 'light';

  /** What `theme` resolved to on this page (set by the ThemeController; passed to inner parts). */
  @state() resolvedTheme: ResolvedTheme = 'light';

  protected readonly themeController = new ThemeController(this);

  /** Send cookies with feed and write requests: `omit` (default), `same-origin` or `include`. */
  @property() credentials: RequestCredentials = 'omit';

  /** Text overrides as JSON, flat or per language, e.g. `{"de":{"submit":"Schick uns deine Idee"}}`. */
  @property({ type: Object }) strings?: StringOverrides;

  /** Feed data as an object (developers); wins over `src` and inline JSON. */
  @property({ attribute: false }) data?: unknown;

  /** Maps any backend's JSON into the widget's native format before validation. */
  @property({ attribute: false }) transform?: (raw: unknown) => unknown;

  // `lang` is the native global attribute; re-render when it changes, without shadowing it.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'lang') this.requestUpdate();
    else super.attributeChangedCallback(name, old, value);
  }
}
