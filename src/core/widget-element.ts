import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { StringOverrides } from './i18n.js';
import { hostStyles } from './styles.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * The thin base every widget shares: the common attributes, host styles and a reactive `lang`.
 * Data loading, localisation and logging live in controllers.
 *
 * @attr {'de' | 'en'} lang - Language of the widget's texts and dates; without it the nearest ancestor's `lang`, else the page's.
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

  /** Poll the feed every N seconds (0 = never); paused while the tab is hidden. */
  @property({ type: Number }) refresh = 0;

  /**
   * `light` (default), `dark`, or `auto` to follow the visitor's system setting.
   * @type {'light' | 'dark' | 'auto'}
   */
  @property({ reflect: true }) theme: Theme = 'light';

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
   * Feed data as an object (developers); wins over `src` and inline JSON.
   * @type {object}
   */
  @property({ attribute: false }) data?: unknown;

  /**
   * Maps any backend's JSON into the widget's native format before validation.
   * @type {function}
   */
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
