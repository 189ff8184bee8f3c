import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { StringOverrides } from './i18n.js';
import { DEFAULT_MAX_MB } from './read-body.js';
import { hostStyles } from './styles.js';

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

  /** Largest feed in megabytes (counted while it downloads); raise it for a very large feed. */
  @property({ type: Number, attribute: 'max-size' }) maxSize = DEFAULT_MAX_MB;

  /** Poll the feed every N seconds (0 = never); paused while the tab is hidden. */
  @property({ type: Number }) refresh = 0;

  /** `light` (default), `dark`, or `auto` to follow the visitor's system setting. */
  @property({ reflect: true }) theme: Theme = 'light';

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
