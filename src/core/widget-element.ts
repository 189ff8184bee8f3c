import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { StringOverrides } from './i18n.js';
import { DEFAULT_MAX_MB } from './read-body.js';
import { hostStyles } from './styles.js';
import { ThemeController, type ResolvedTheme } from './theme-controller.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * The thin base every widget shares: the common attributes, host styles and a reactive `lang`.
 * Data loading, localisation and logging live in controllers.
 *
 * The shared design tokens below (see src/core/styles.ts) apply to every widget; set them on any
 * ancestor, e.g. the CMS's `body`. Each colour has a `-dark` twin for `theme="dark"`/`auto`.
 *
 * @attr {string} lang - Language of the widget's texts, dates and numbers: `en…` is English, anything else German. Without it, the nearest ancestor's `lang`, e.g. `<html lang>`.
 *
 * @cssprop --st-color-text - Text colour.
 * @cssprop --st-color-surface - Background of cards and panels.
 * @cssprop --st-color-canvas - Background of quiet areas: an idea's official answer, the map before its tiles load.
 * @cssprop --st-color-muted - Secondary text.
 * @cssprop --st-color-border - Lines and borders.
 * @cssprop --st-color-accent - Buttons, links and highlights (the town's colour).
 * @cssprop --st-color-on-accent - Text on the accent colour.
 * @cssprop --st-color-danger - Warnings and negative results (a form error, "not eligible" in the card's self-check).
 * @cssprop --st-color-success - Positive results ("eligible" in the self-check, the `done` status of an idea).
 * @cssprop --st-color-focus - The keyboard focus ring.
 * @cssprop --st-radius - Corner radius.
 * @cssprop --st-font-family - Font; the host page's font by default.
 * @cssprop --st-loading-height - Height the loading placeholder reserves (each widget documents its default).
 */
export class WidgetElement extends LitElement {
  static override styles = [hostStyles];

  /** Feed URL (relative to the page, cross-origin allowed); relative links and images in the feed resolve against it. */
  @property({ reflect: false }) src?: string;

  /**
   * Feed format: `native` JSON by default, or one of the widget's formats (each loads only when
   * named). A `.csv` address or a `text/csv` answer is read as a spreadsheet without it.
   */
  @property() format?: string;

  /** Load right away instead of when the widget comes near the viewport. */
  @property({ type: Boolean }) eager = false;

  /** Seconds to wait for the feed before showing an error. */
  @property({ type: Number }) timeout = 15;

  /** Largest feed in megabytes (counted while it downloads); raise it for a very large feed. */
  @property({ type: Number, attribute: 'max-size' }) maxSize = DEFAULT_MAX_MB;

  /** Poll the feed every N seconds (0 = never); paused while the tab is hidden. */
  @property({ type: Number }) refresh = 0;

  /**
   * `light` (default), `dark`, or `auto`: dark only where the host page is dark too (the nearest
   * opaque background behind the widget, else the page's `color-scheme`), following the page's own
   * dark-mode switch without a reload. The result is reflected as `resolved-theme`.
   * @type {'light' | 'dark' | 'auto'}
   */
  @property({ reflect: true }) theme: Theme = 'light';

  /**
   * What `theme` resolved to on this page: set by the ThemeController when the widget connects,
   * before its first render, and it asks for an update when it changes (passed to inner parts).
   */
  resolvedTheme!: ResolvedTheme;

  protected readonly themeController = new ThemeController(this);

  /**
   * Send cookies with feed and write requests: `omit` (default), `same-origin` or `include`.
   * @type {'omit' | 'same-origin' | 'include'}
   */
  @property() credentials: RequestCredentials = 'omit';

  /**
   * Text overrides as JSON, flat or per language, e.g. `{"de":{"submit":"Schick uns deine Idee"}}`.
   * @type {object}
   */
  @property({ type: Object }) strings?: StringOverrides;

  /**
   * Feed data set by property (developers); wins over `src` and inline JSON. An object is read as
   * parsed JSON, a string like a file (JSON or CSV); without `format` both are detected like `src`
   * (GeoJSON, Overpass, uMap, CSV, platform answers).
   * @type {object | string}
   */
  @property({ attribute: false }) data?: unknown;

  /**
   * Maps any backend's JSON into the widget's native format before validation.
   * @type {function}
   */
  @property({ attribute: false }) transform?: (raw: unknown) => unknown;

  /**
   * Loads the feed controllers started on connecting (feed-controller.ts); the first update waits for them up to a frame.
   * @internal
   */
  firstData: Promise<unknown>[] = [];

  /**
   * The first render waits until the feed is read or the next frame comes, whichever is first:
   * a feed that is already in (the loader primed it) shows in the first frame, with no "loading"
   * frame before it; a slow one shows "loading" in the same frame as before. The timer covers
   * hidden tabs, which get no frames.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const waits = this.firstData;
    if (this.hasUpdated || !waits.length) return super.scheduleUpdate();
    this.firstData = [];
    return new Promise<void>((go) => {
      const done = () => (clearTimeout(timer), cancelAnimationFrame(frame), go());
      const timer = setTimeout(done, 50);
      const frame = requestAnimationFrame(done);
      void Promise.all(waits).then(done);
    }).then(() => super.scheduleUpdate());
  }

  // `lang` is the native global attribute; re-render when it changes, without shadowing it.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'lang') this.requestUpdate();
    else super.attributeChangedCallback(name, old, value);
  }
}
