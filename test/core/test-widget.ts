// A minimal widget on the shared core, so the core's tests do not depend on any real widget.
import { html } from 'lit';
import * as v from 'valibot';
import { FeedController } from '../../src/core/feed-controller.js';
import type { FeedAdapter } from '../../src/core/feed-types.js';
import { renderFeedError, renderLoading } from '../../src/core/feed-view.js';
import { LocalizeController } from '../../src/core/i18n.js';
import { safeUrl } from '../../src/core/safe-url.js';
import { parseItems, parseShape, text, optionalText } from '../../src/core/validate.js';
import { WidgetElement } from '../../src/core/widget-element.js';
import { define } from '../../src/core/define.js';

const Item = v.object({ name: text(), url: optionalText() });
export interface Item {
  name: string;
  url?: string;
}

export const upperAdapter: FeedAdapter = {
  map: (raw) => ({ items: (raw as { rows: string[] }).rows.map((name) => ({ name: name.toUpperCase() })) }),
};

export class TestFeedWidget extends WidgetElement {
  renders = 0;
  readonly l10n = new LocalizeController(this, {
    de: {
      errorTitle: 'Die Einträge können gerade nicht angezeigt werden.',
      empty: 'Keine Einträge.',
      count_one: '{count} Eintrag',
      count_other: '{count} Einträge',
    },
    en: {
      errorTitle: 'The entries cannot be shown right now.',
      empty: 'No entries.',
      count_one: '{count} entry',
      count_other: '{count} entries',
    },
  });
  readonly feed = new FeedController<Item[]>(this, {
    parse: (raw, ctx) => {
      const feed = parseShape(v.object({ items: v.unknown() }), raw, 'Feed');
      return parseItems(Item, feed.items, ctx, 'items').map((i) => ({ name: i.name, url: safeUrl(i.url, ctx.baseUrl, `${i.name}: url`) }));
    },
    count: (items) => items.length,
    adapters: { upper: async () => upperAdapter },
  });

  override render() {
    this.renders++;
    return this.feed.render({
      pending: () => renderLoading(this.l10n),
      error: (e) => renderFeedError(e, this.l10n, this.feed.retry),
      complete: (items) =>
        items.length
          ? html`<p class="count">${this.l10n.plural('count', items.length)}</p>
              <ul part="list">${items.map((i) => html`<li>${i.url ? html`<a href=${i.url}>${i.name}</a>` : i.name}</li>`)}</ul>`
          : html`<p>${this.l10n.t('empty')}</p>`,
    });
  }
}
define('test-feed-widget', TestFeedWidget);
