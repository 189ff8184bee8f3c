import { html, nothing } from 'lit';
import type { FeedError } from './feed-error.js';
import type { LocalizeController } from './i18n.js';

const kindKey: Record<FeedError['kind'], string> = {
  'no-source': 'errorNoSource',
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  http: 'errorHttp',
  'not-json': 'errorNotJson',
  shape: 'errorShape',
  'no-valid-item': 'errorNoValid',
  'too-large': 'errorTooLarge',
};

/** A calm message for visitors, a retry button, and the technical detail folded away for webmasters. */
export function renderFeedError(error: FeedError, l10n: LocalizeController, retry?: () => void) {
  return html`<div class="state error" part="error" role="status">
    <p><strong>${l10n.t('errorTitle')}</strong></p>
    <p>${l10n.t(kindKey[error.kind] ?? 'errorShape')}</p>
    ${
      retry && error.kind !== 'no-source'
        ? html`<p><button class="button" type="button" @click=${retry}>${l10n.t('retry')}</button></p>`
        : nothing
    }
    <details>
      <summary>${l10n.t('errorDetails')}</summary>
      <p>${error.message}${error.status ? ` (HTTP ${error.status})` : ''}</p>
      ${error.url ? html`<p>${error.url}</p>` : nothing}
    </details>
  </div>`;
}

export function renderLoading(l10n: LocalizeController) {
  return html`<div class="state loading" part="loading" role="status" aria-live="polite">${l10n.t('loading')}</div>`;
}
