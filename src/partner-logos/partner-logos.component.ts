import { pick } from '../core/local-text.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { FeedController } from '../core/feed-controller.js';
import { renderFeedError, renderLoading } from '../core/feed-view.js';
import { LocalizeController } from '../core/i18n.js';
import { warn } from '../core/log.js';
import { WidgetElement } from '../core/widget-element.js';
import { cssVars } from '../core/css-vars.js';
import {
  logoBox,
  parsePartnerFeed,
  type Logo,
  type LogoBox,
  type Partner,
  type PartnerFeed,
  type PartnerGroup,
} from './partner-logos.model.js';
import styles from './partner-logos.styles.js';
import { strings } from './partner-logos.strings.js';

export type PartnerLayout = 'grid' | 'row' | 'strip';

const newTabIcon = html`<svg class="ext" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d="M9 2.75h4.25V7M13 3 7.5 8.5M11.5 9.5v3.75H2.75V4.5H6.5" fill="none" stroke="currentColor" stroke-width="1.5" />
</svg>`;
const pauseIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <rect x="3.5" y="2.5" width="3" height="11" rx="0.5" fill="currentColor" /><rect x="9.5" y="2.5" width="3" height="11" rx="0.5" fill="currentColor" />
</svg>`;

/** Pixels per second the strip moves; slow enough to read a logo. */
const STRIP_SPEED = 35;

/**
 * Partner and funder logos, grouped under real headings ("Ein Gemeinschaftsprojekt von …",
 * "Gefördert durch …"). Logos get a consistent optical size (scaled by area), their space is
 * reserved before they load (no layout shift), a logo that fails becomes the partner's name,
 * and printing shows the names as text.
 *
 * @tag partner-logos
 * @fires {StLoadEvent} st-load - The feed was loaded; `detail.count` is the number of partners shown.
 * @fires {StErrorEvent} st-error - The feed could not be shown; `detail` has message, status and url.
 * @slot - Fallback content (e.g. the partners as a sentence): visible before the script runs, while the feed loads, and instead of the error message when the feed fails.
 * @csspart base - The wrapper around all groups.
 * @csspart group - One group (heading, logos, notice).
 * @csspart heading - A group's heading.
 * @csspart notice - A group's notice text (the funder's required sentence).
 * @csspart list - The list of logos of a group.
 * @csspart item - One partner (list item).
 * @csspart link - The link around a logo.
 * @csspart logo - The box a logo (or the name, when it fails or in text mode) sits in.
 * @csspart name - The partner's name as text.
 * @csspart strip - The moving band (layout `strip`).
 * @csspart pause - The strip's pause button.
 * @csspart loading - The loading placeholder.
 * @csspart empty - The message when the feed has no partners.
 * @csspart error - The error message.
 * @cssprop --st-partner-logos-gap - Space between logos (default `1.25rem 2.5rem`).
 * @cssprop --st-partner-logos-plate - Light plate behind logos without a dark variant in the dark theme (default `#ffffff`).
 */
export class PartnerLogos extends WidgetElement {
  static override styles = [...WidgetElement.styles, styles];

  /** Level of the group headings, 2–6, to fit the page's outline (other values fall back to 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * `grid`: wrapping rows. `row`: the groups side by side, each group's logos in one line (the line
   * wraps only when logos would shrink below 60 %). `strip`: a band that moves slowly when the logos do
   * not fit, with a pause button; it stops on hover and keyboard focus and never moves with
   * `prefers-reduced-motion` (then all logos are shown, wrapped). Reflected.
   * @type {'grid' | 'row' | 'strip'}
   */
  @property({ reflect: true }) layout: PartnerLayout = 'grid';

  /**
   * Minimum logo height in CSS pixels. Area scaling gives a square logo twice this height; very wide
   * logos stop at it. A funder's `minHeight` in the feed always wins.
   */
  @property({ type: Number, attribute: 'min-height' }) minHeight = 44;

  /** Logos in greyscale until hovered or focused. Groups or logos with `"greyscale": false` in the feed keep their colours. */
  @property({ type: Boolean, reflect: true }) greyscale = false;

  /**
   * The names (as links) instead of logos; no images are loaded. Printing always looks like this, and so
   * do screens narrower than 20em (e.g. 400 % zoom).
   */
  @property({ type: Boolean, reflect: true, attribute: 'text-only' }) textOnly = false;

  /** `_blank` opens every partner link in a new tab (announced to visitors); the feed can ask for it per group or partner with `newTab`. */
  @property() target?: string;

  @state() private paused = false;
  /** Strips whose logos do not fit: group index → seconds per loop. */
  @state() private moving = new Map<number, number>();
  private failed = new WeakSet<Partner>();
  private resize?: ResizeObserver;

  private readonly l10n = new LocalizeController(this, strings);
  private readonly feed = new FeedController<PartnerFeed>(this, {
    parse: parsePartnerFeed,
    count: (f) => f.groups.reduce((n, g) => n + g.partners.length, 0),
    adapters: { csv: () => import('./partner-logos.csv.js').then((m) => m.default) },
    detect: () => import('./partner-logos.formats.js').then((m) => m.detectors),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.resize = undefined;
    this.observed = [];
  }

  override render() {
    return this.feed.render({
      pending: () => (this.hasFallback() ? html`<div part="loading" class="fallback"><slot></slot></div>` : renderLoading(this.l10n)),
      error: (e) =>
        this.hasFallback() ? html`<div part="error" class="fallback"><slot></slot></div>` : renderFeedError(e, this.l10n, this.feed.retry),
      complete: (feed) => this.renderFeed(feed),
    });
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.observeStrips();
  }

  private hasFallback(): boolean {
    // Under server rendering (@lit-labs/ssr's DOM shim) an element has no `children`: no fallback then.
    return Array.from(this.children ?? []).some((c) => c.localName !== 'script');
  }

  private get strip(): boolean {
    return this.layout === 'strip' && !this.textOnly;
  }

  private renderFeed(feed: PartnerFeed) {
    if (!feed.groups.length) return html`<p class="state" part="empty">${this.l10n.t('empty')}</p>`;
    const row = this.layout === 'row' && !this.textOnly;
    return html`<div part="base" class=${classMap({ base: true, row, text: this.textOnly })}>
      ${
        this.strip && this.moving.size
          ? html`<div class="controls">
            <button class="button pause" part="pause" type="button" aria-pressed=${this.paused ? 'true' : 'false'} @click=${this.togglePause}>
              ${pauseIcon}<span>${this.l10n.t('pause')}</span>
            </button>
          </div>`
          : nothing
      }
      ${feed.groups.map(
        (g, i) => html`<section class="group" part="group">
          ${this.renderHeading(pick(g.heading, this.l10n.lang))} ${this.strip ? this.renderStrip(g, i) : this.renderList(g.partners)}
          ${g.notice ? html`<p class="notice" part="notice">${pick(g.notice, this.l10n.lang)}</p>` : nothing}
        </section>`,
      )}
    </div>`;
  }

  private renderHeading(text: string): TemplateResult {
    const level = Math.round(this.headingLevel);
    switch (level >= 2 && level <= 6 ? level : 2) {
      case 3:
        return html`<h3 part="heading">${text}</h3>`;
      case 4:
        return html`<h4 part="heading">${text}</h4>`;
      case 5:
        return html`<h5 part="heading">${text}</h5>`;
      case 6:
        return html`<h6 part="heading">${text}</h6>`;
      default:
        return html`<h2 part="heading">${text}</h2>`;
    }
  }

  private renderStrip(g: PartnerGroup, index: number) {
    const seconds = this.moving.get(index);
    return html`<div class=${classMap({ strip: true, moving: !!seconds, paused: this.paused })} part="strip" @focusin=${this.onStripFocus}>
      <div class="viewport">
        <div class="track" ${cssVars({ '--_duration': seconds ? `${seconds}s` : undefined })}>
          ${this.renderList(g.partners)}
          ${
            seconds
              ? html`<ul class="logos copy" aria-hidden="true" inert>
                ${g.partners.map((p) => this.renderItem(p, true))}
              </ul>`
              : nothing
          }
        </div>
      </div>
    </div>`;
  }

  private renderList(partners: Partner[]) {
    return html`<ul class="logos" part="list" role="list">
      ${partners.map((p) => this.renderItem(p, false))}
    </ul>`;
  }

  private renderItem(p: Partner, copy: boolean) {
    const box = logoBox(p.logo, p, this.minHeight);
    const text = this.textOnly || !p.logo || this.failed.has(p);
    const newTab = p.newTab || this.target === '_blank';
    const content = this.renderBox(p, box, text, copy);
    return html`<li
      part="item"
      class=${classMap({ item: true, floor: !!p.minHeight })}
      ${cssVars({ '--w': `${box.width}px`, '--ar': `${box.width} / ${box.height}`, '--minw': `${Math.round((box.width / box.height) * Math.max(16, this.minHeight || 44))}px` })}
    >
      ${
        p.url && !copy
          ? html`<a class="link" part="link" href=${p.url} rel="noopener" target=${newTab ? '_blank' : nothing}
            >${content}${newTab ? html`<span class="visually-hidden"> ${this.l10n.t('newTab')}</span>${newTabIcon}` : nothing}</a
          >`
          : content
      }
    </li>`;
  }

  private renderBox(p: Partner, box: LogoBox, text: boolean, copy: boolean) {
    const logo = p.logo;
    const classes = { box: true, text, grey: p.greyscale, fixed: box.fixed, plate: !text && !logo?.darkSrc };
    return html`<span class=${classMap(classes)} part="logo">
      ${text ? nothing : this.renderImage(p, logo!, box, copy)}<span class="name" part="name">${p.name}</span>
    </span>`;
  }

  /** Always an `<img>` (SVG included): never inlined, so a logo cannot run script or pick up styles. */
  private renderImage(p: Partner, logo: Logo, box: LogoBox, copy: boolean) {
    // The dark variant follows the resolved theme (the page behind the logos), not the system.
    const dark = this.resolvedTheme === 'dark' && logo.darkSrc;
    const src = dark || logo.src;
    return html`<img
      src=${src}
      alt=${copy ? '' : (logo.alt ?? p.name)}
      width=${box.width}
      height=${box.height}
      loading="lazy"
      decoding="async"
      @error=${() => this.onLogoError(p, src)}
    />`;
  }

  private onLogoError(p: Partner, src: string): void {
    if (this.failed.has(p)) return;
    this.failed.add(p);
    warn(
      this.l10n.lang === 'en'
        ? `${this.localName}: the logo of “${p.name}” could not be loaded (${src}); the name is shown as text instead.`
        : `${this.localName}: Das Logo von „${p.name}“ konnte nicht geladen werden (${src}); der Name wird stattdessen als Text gezeigt.`,
    );
    this.requestUpdate();
  }

  private togglePause = (): void => {
    // Where each band is at the click, before the pause: engines stop a frame early or late
    // (WebKit drew the band up to half a pixel further on, then jumped back).
    const seen = [...this.renderRoot.querySelectorAll<HTMLElement>('.moving .track')].map((t) => ({ t, x: t.getBoundingClientRect().x }));
    this.paused = !this.paused;
    if (this.paused) requestAnimationFrame(() => seen.forEach(({ t, x }) => holdAt(t, x)));
  };

  /** Keyboard focus stops the strip (CSS) and brings the focused logo into the visible part. */
  private onStripFocus = (e: FocusEvent): void => {
    const target = e.target as HTMLElement;
    requestAnimationFrame(() => target.scrollIntoView?.({ block: 'nearest', inline: 'nearest' }));
  };

  private observed: Element[] = [];

  /** Watches the strips' sizes; measuring waits for the next frame, so it never loops inside ResizeObserver. */
  private observeStrips(): void {
    // An update after removal (a feed settling late) must not start observing again.
    if (!this.isConnected) return;
    const targets = [...this.renderRoot.querySelectorAll('.viewport, .viewport > .track > .logos:not(.copy)')];
    if (targets.length === this.observed.length && targets.every((t, i) => t === this.observed[i])) return;
    this.observed = targets;
    this.resize?.disconnect();
    if (!targets.length) {
      if (this.moving.size) this.moving = new Map();
      return;
    }
    this.resize ??= new ResizeObserver(() => requestAnimationFrame(() => this.measure()));
    targets.forEach((t) => this.resize!.observe(t));
  }

  /** A strip moves only when its logos do not fit; the loop takes longer the more logos there are. */
  private measure(): void {
    const next = new Map<number, number>();
    this.renderRoot.querySelectorAll<HTMLElement>('.viewport').forEach((viewport, i) => {
      const list = viewport.querySelector('.logos');
      const last = list?.lastElementChild;
      if (!list || !last) return;
      const width = last.getBoundingClientRect().right - list.getBoundingClientRect().left;
      if (width > viewport.clientWidth + 1)
        next.set(i, Math.max(10, Math.round((list.getBoundingClientRect().width || width) / STRIP_SPEED)));
    });
    const same = next.size === this.moving.size && [...next].every(([k, s]) => this.moving.get(k) === s);
    if (!same) this.moving = next;
  }
}

/**
 * Seeks a paused band's animation so that the band stands at `x` (its loop moves it left at a
 * constant speed). A few steps, because engines snap a moving box to fractions of a pixel.
 */
function holdAt(track: HTMLElement, x: number): void {
  const animation = track.getAnimations()[0];
  const duration = Number(animation?.effect?.getComputedTiming().duration);
  if (!animation || animation.playState !== 'paused' || !(duration > 0)) return;
  for (let step = 0; step < 4; step++) {
    const box = track.getBoundingClientRect();
    const off = box.x - x;
    if (!box.width || Math.abs(off) < 0.01) return;
    const pxPerMs = box.width / 2 / duration; // translateX(0) → translateX(-50%) per loop
    animation.currentTime = Math.max(0, Number(animation.currentTime ?? 0) + off / pxPerMs);
  }
}
