import { html, nothing } from 'lit';
import { FeedController } from '../core/feed-controller.js';
import { renderFeedError, renderLoading } from '../core/feed-view.js';
import { LocalizeController } from '../core/i18n.js';
import { WidgetElement } from '../core/widget-element.js';
import { parsePartnerFeed, type PartnerFeed, type Partner } from './partner-logos.model.js';
import styles from './partner-logos.styles.js';
import { strings } from './partner-logos.strings.js';

/**
 * Partner and funder logos, grouped under headings ("Ein Gemeinschaftsprojekt von …").
 * Not finished: see issue 7; this element proves the shared data contract.
 *
 * @tag partner-logos
 * @fires st-load - The feed was loaded; `detail.count` is the number of partners.
 * @fires st-error - The feed could not be shown; `detail` has message, status and url.
 * @csspart base - The wrapper around all groups.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message.
 */
export class PartnerLogos extends WidgetElement {
  static override styles = [...WidgetElement.styles, styles];

  private readonly l10n = new LocalizeController(this, strings);
  private readonly feed = new FeedController<PartnerFeed>(this, {
    parse: parsePartnerFeed,
    count: (f) => f.groups.reduce((n, g) => n + g.partners.length, 0),
  });

  override render() {
    return this.feed.render({
      pending: () => renderLoading(this.l10n),
      error: (e) => renderFeedError(e, this.l10n, this.feed.retry),
      complete: (feed) => this.renderFeed(feed),
    });
  }

  private renderFeed(feed: PartnerFeed) {
    if (feed.groups.length === 0) return html`<p class="state" part="empty">${this.l10n.t('empty')}</p>`;
    return html`<div part="base">
      ${feed.groups.map(
        (g) => html`<section class="group">
          <h2>${g.heading}</h2>
          ${g.notice ? html`<p>${g.notice}</p>` : nothing}
          <ul>
            ${g.partners.map((p) => html`<li>${this.renderPartner(p)}</li>`)}
          </ul>
        </section>`,
      )}
    </div>`;
  }

  private renderPartner(p: Partner) {
    const content = p.logo
      ? html`<img src=${p.logo.src} alt=${p.name} width=${p.logo.width ?? nothing} height=${p.logo.height ?? nothing} loading="lazy" />`
      : p.name;
    return p.url ? html`<a href=${p.url} rel="noopener">${content}</a>` : content;
  }
}
