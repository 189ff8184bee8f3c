/**
 * The submit form, a lazy chunk: loaded only when a visitor opens it. Keeps what was typed in
 * sessionStorage (also after a failed send and a reload), validates next to the fields, sends
 * once per click through the write contract and never twice at the same time; a retry of the same
 * text reuses its Idempotency-Key.
 */
import { css, html, nothing } from 'lit';
import { LocalizeController, type StringTable } from '../core/i18n.js';
import { pageUrl, safeUrl } from '../core/safe-url.js';
import { warn } from '../core/log.js';
import { WriteError } from '../core/write.js';
import type { IdeaWallHost } from './idea-wall.host.js';
import { StIdeaSubmitEvent, StIdeaSubmittedEvent } from './idea-wall.submit-events.js';
import type { IdeaFeed } from './idea-wall.model.js';
import { draftKey, readJson, writeJson, type Draft } from './idea-wall.storage.js';
import { strings } from './idea-wall.strings.js';
import { endpointUrl, sendAction, visitorToken, writeMessage } from './idea-wall.write.js';

const submitStrings: StringTable = {
  de: {
    formTitle: 'Ihre Idee einreichen',
    formIntro: 'Neue Ideen erscheinen nach einer Prüfung auf dieser Seite. Pflichtfelder sind markiert (*).',
    fTitle: 'Titel',
    fDescription: 'Beschreibung',
    fCategory: 'Kategorie',
    fChoose: 'Bitte wählen',
    fName: 'Ihr Name (freiwillig)',
    fNameHint: 'Wird mit der Idee veröffentlicht. Ohne Namen erscheint die Idee anonym.',
    counter: '{count} von {max} Zeichen',
    consent: 'Ich bin einverstanden, dass meine Angaben zur Prüfung und Veröffentlichung der Idee gespeichert werden.',
    privacy: 'Datenschutzhinweise',
    website: 'Website (bitte leer lassen)',
    send: 'Idee absenden',
    sending: 'Wird gesendet …',
    eMin: 'Bitte mindestens {min} Zeichen eingeben.',
    eMax: 'Bitte auf höchstens {max} Zeichen kürzen.',
    eCategory: 'Bitte wählen Sie eine Kategorie.',
    eConsent: 'Bitte stimmen Sie der Speicherung Ihrer Angaben zu.',
    eFields: 'Bitte prüfen Sie die markierten Felder.',
    failed: 'Ihre Idee konnte nicht gesendet werden.',
    kept: 'Ihre Eingaben bleiben erhalten, auch wenn Sie die Seite neu laden.',
    thanks: 'Danke! Ihre Idee ist eingegangen.',
    review: 'Sie wird nach einer Prüfung veröffentlicht.',
    another: 'Weitere Idee einreichen',
    receipt: 'Ihr Belegcode',
    receiptWhy:
      'Mit diesem Code können Sie bei der Redaktion erfragen, was über Ihre Idee gespeichert ist, oder sie löschen lassen. Er wird mit Ihrer Idee gespeichert, solange es sie gibt. Diese Seite merkt ihn sich nicht: Notieren oder kopieren Sie ihn jetzt.',
    copy: 'Belegcode kopieren',
    copied: 'Belegcode kopiert.',
    copySelect: 'Der Code ist markiert: Kopieren Sie ihn mit Strg+C (Mac: ⌘+C).',
  },
  en: {
    formTitle: 'Submit your idea',
    formIntro: 'New ideas appear on this page after review. Required fields are marked (*).',
    fTitle: 'Title',
    fDescription: 'Description',
    fCategory: 'Category',
    fChoose: 'Please choose',
    fName: 'Your name (optional)',
    fNameHint: 'Published with the idea. Without a name the idea appears anonymously.',
    counter: '{count} of {max} characters',
    consent: 'I agree that my details are stored to review and publish the idea.',
    privacy: 'Privacy notice',
    website: 'Website (leave empty)',
    send: 'Send idea',
    sending: 'Sending …',
    eMin: 'Please enter at least {min} characters.',
    eMax: 'Please shorten to at most {max} characters.',
    eCategory: 'Please choose a category.',
    eConsent: 'Please agree to the storage of your details.',
    eFields: 'Please check the marked fields.',
    failed: 'Your idea could not be sent.',
    kept: 'What you typed is kept, also if you reload the page.',
    thanks: 'Thank you! Your idea has arrived.',
    review: 'It will be published after review.',
    another: 'Submit another idea',
    receipt: 'Your receipt code',
    receiptWhy:
      'With this code you can ask the editors what is stored about your idea, or have it deleted. It is kept with your idea for as long as the idea exists. This page does not remember it: write it down or copy it now.',
    copy: 'Copy receipt code',
    copied: 'Receipt code copied.',
    copySelect: 'The code is selected: copy it with Ctrl+C (Mac: ⌘+C).',
  },
};

/** Length limits, shown while typing; the server checks them again. */
export const limits = { title: [5, 120], description: [20, 2000], name: [0, 80] } as const;
type Field = 'title' | 'description' | 'category' | 'name' | 'consent';
const empty = (): Draft => ({ title: '', description: '', category: '', name: '', consent: false });

export class SubmitForm {
  private readonly l10n: LocalizeController;
  private draft: Draft;
  private errors: Partial<Record<Field, string>> = {};
  private formError?: string;
  private sending = false;
  private sent = false;
  /** The server's receipt code for the idea just sent (shown once, never stored in the browser). */
  private receipt = '';
  /** What the copy button did, announced politely. */
  private copyNote = '';
  private honeypot = '';

  constructor(private readonly host: IdeaWallHost) {
    // The wall's table too: the write errors' messages live there.
    this.l10n = new LocalizeController(host, { de: { ...strings.de, ...submitStrings.de }, en: { ...strings.en, ...submitStrings.en } });
    this.draft = { ...empty(), ...readJson<Draft>('sessionStorage', this.key) };
    this.formError = this.draft.error;
  }

  private get key(): string {
    return draftKey(this.host.submitEndpoint ?? '');
  }

  focus(): void {
    this.host.renderRoot.querySelector<HTMLElement>('.form [tabindex="-1"]')?.focus();
  }

  private update(): void {
    this.host.requestUpdate();
  }

  private save(): void {
    writeJson('sessionStorage', this.key, this.draft);
  }

  private onInput = (e: Event): void => {
    const el = e.target as HTMLInputElement;
    const name = el.name as Field | 'website';
    if (name === 'website') this.honeypot = el.value;
    else if (name === 'consent') this.draft.consent = el.checked;
    else if (name) this.draft[name] = el.value;
    if (name !== 'website' && this.errors[name]) {
      delete this.errors[name];
    }
    this.save();
    this.update();
  };

  private validate(feed: IdeaFeed): void {
    const e: Partial<Record<Field, string>> = {};
    const t = this.l10n;
    for (const f of ['title', 'description', 'name'] as const) {
      const len = this.draft[f].trim().length;
      const [min, max] = limits[f];
      if (len < min) e[f] = t.t('eMin', { min });
      else if (len > max) e[f] = t.t('eMax', { max });
    }
    if (feed.categories.length && !this.draft.category) e.category = t.t('eCategory');
    if (!this.draft.consent) e.consent = t.t('eConsent');
    this.errors = e;
  }

  private focusFirstError(): void {
    void this.host.updateComplete.then(() => {
      const first = this.host.renderRoot.querySelector<HTMLElement>('.form [aria-invalid="true"], .form .form-error');
      if (!first) return;
      // Our own scroll, not the engine's: WebKit scrolls a focused field just above the viewport,
      // hiding its label. The field with its label, centred (the form heading shows above it).
      first.focus({ preventScroll: true });
      (first.closest('.field') ?? first).scrollIntoView({ block: 'center', inline: 'nearest' });
    });
  }

  private async send(e: Event, feed: IdeaFeed): Promise<void> {
    e.preventDefault();
    if (this.sending) return; // a double click never sends twice
    this.validate(feed);
    this.formError = undefined;
    if (Object.keys(this.errors).length) {
      this.update();
      this.focusFirstError();
      return;
    }
    const idea = {
      title: this.draft.title.trim(),
      description: this.draft.description.trim(),
      category: this.draft.category,
      name: this.draft.name.trim(),
    };
    const event = new StIdeaSubmitEvent(idea);
    this.host.dispatchEvent(event);
    if (event.defaultPrevented) return; // the host page handles it
    this.sending = true;
    this.update();
    try {
      // "Send" again after a failure, with the same text, is the same action: same key.
      const result = await sendAction(`submit ${this.host.submitEndpoint}`, {
        url: endpointUrl(this.host.submitEndpoint!),
        // The browser's token, as supports send it: the server dedupes a repeated submit per visitor.
        body: { ...idea, consent: true, consentText: this.l10n.t('consent'), website: this.honeypot, visitor: visitorToken() },
        credentials: this.host.credentials,
        lang: this.l10n.lang,
        timeoutMs: Math.max(1, this.host.timeout) * 1000,
      });
      this.sent = true;
      const receipt = result.data.receipt;
      // A code to read out and quote: short plain text, anything else is not shown.
      this.receipt = typeof receipt === 'string' && /^[\w-]{4,40}$/.test(receipt.trim()) ? receipt.trim() : '';
      this.copyNote = '';
      this.draft = empty();
      writeJson('sessionStorage', this.key, undefined);
      const id = result.data.id;
      this.host.dispatchEvent(
        new StIdeaSubmittedEvent({
          id: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined,
          status: String(result.data.status ?? 'pending'),
          // Only a code the confirmation shows: the page can file it with its own records.
          ...(this.receipt && { receipt: this.receipt }),
        }),
      );
      this.update();
      void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('.form .success')?.focus());
    } catch (error) {
      const fields = error instanceof WriteError ? error.fields : undefined;
      if (fields) for (const [k, m] of Object.entries(fields)) if (k in empty()) this.errors[k as Field] = m;
      this.formError = `${this.l10n.t('failed')} ${await writeMessage(error, this.l10n)}`;
      warn(`idea-wall: ${(error as Error).message}`);
      this.draft.error = this.formError;
      this.save();
      this.update();
      this.focusFirstError();
    } finally {
      this.sending = false;
      this.update();
    }
  }

  private another = (): void => {
    this.sent = false;
    this.receipt = '';
    this.update();
    void this.host.updateComplete.then(() => this.focus());
  };

  /** Copies the receipt; without a clipboard (http pages, old browsers, denied) selects it for Ctrl+C. */
  private copy = async (): Promise<void> => {
    const input = this.host.renderRoot.querySelector<HTMLInputElement>('#receipt');
    try {
      await navigator.clipboard.writeText(this.receipt);
      this.copyNote = this.l10n.t('copied');
    } catch {
      input?.focus();
      input?.select();
      this.copyNote = this.l10n.t('copySelect');
    }
    this.update();
  };

  private field(name: 'title' | 'description' | 'name', label: string, required: boolean, hint?: string) {
    const value = this.draft[name];
    const [, max] = limits[name];
    const error = this.errors[name];
    const describedBy = [`${name}-count`, hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    const input =
      name === 'description'
        ? html`<textarea
            id="f-${name}"
            name=${name}
            rows="6"
            .value=${value}
            ?required=${required}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @input=${this.onInput}
          ></textarea>`
        : html`<input
            id="f-${name}"
            name=${name}
            type="text"
            .value=${value}
            ?required=${required}
            autocomplete=${name === 'name' ? 'name' : 'off'}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @input=${this.onInput}
          />`;
    return html`<div class="field">
      <label for="f-${name}">${label}${required ? ' *' : ''}</label>
      ${hint ? html`<span class="hint" id="${name}-hint">${hint}</span>` : nothing} ${input}
      <span class="counter ${value.length > max ? 'over' : ''}" id="${name}-count"
        >${this.l10n.t('counter', { count: value.length, max })}</span
      >
      ${error ? html`<span class="error-text" id="${name}-error">${error}</span>` : nothing}
    </div>`;
  }

  render(feed: IdeaFeed) {
    const t = this.l10n;
    const level = this.host.headingLevel;
    if (this.sent) {
      return html`<div class="form" part="form">
        <div class="state success" tabindex="-1" role="status">
          <p><strong>${t.t('thanks')}</strong></p>
          <p>${t.t('review')}</p>
          ${
            this.receipt
              ? html`<p class="receipt">
                    <label for="receipt">${t.t('receipt')}</label>
                    <input id="receipt" readonly .value=${this.receipt} aria-describedby="receipt-why" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
                  </p>
                  <p class="hint" id="receipt-why">${t.t('receiptWhy')}</p>`
              : nothing
          }
        </div>
        ${
          this.receipt
            ? html`<p><button type="button" class="button" @click=${this.copy}>${t.t('copy')}</button></p>
                <p class="hint" role="status">${this.copyNote}</p>`
            : nothing
        }
        <p><button type="button" class="button" @click=${this.another}>${t.t('another')}</button></p>
      </div>`;
    }
    const privacy = safeUrl(this.host.privacyUrl, pageUrl(), 'privacy-url');
    const consentError = this.errors.consent;
    return html`<form class="form" part="form" novalidate aria-labelledby="form-title" @submit=${(e: Event) => this.send(e, feed)}>
      <div id="form-title" role="heading" aria-level=${level} tabindex="-1"><strong>${t.t('formTitle')}</strong></div>
      <p class="hint">${t.t('formIntro')}</p>
      ${
        this.formError
          ? html`<div class="state form-error error-text" tabindex="-1" role="alert">
              <p>${this.formError}</p>
              <p>${t.t('kept')}</p>
            </div>`
          : nothing
      }
      ${this.field('title', t.t('fTitle'), true)} ${this.field('description', t.t('fDescription'), true)}
      ${
        feed.categories.length
          ? html`<div class="field">
              <label for="f-category">${t.t('fCategory')} *</label>
              <select
                id="f-category"
                name="category"
                required
                aria-invalid=${this.errors.category ? 'true' : 'false'}
                aria-describedby=${this.errors.category ? 'category-error' : nothing}
                @change=${this.onInput}
              >
                <option value="" ?selected=${!this.draft.category}>${t.t('fChoose')}</option>
                ${feed.categories.map((c) => html`<option value=${c.id} ?selected=${this.draft.category === c.id}>${c.label}</option>`)}
              </select>
              ${this.errors.category ? html`<span class="error-text" id="category-error">${this.errors.category}</span>` : nothing}
            </div>`
          : nothing
      }
      ${this.field('name', t.t('fName'), false, t.t('fNameHint'))}
      <div class="hp" aria-hidden="true">
        <label
          >${t.t('website')} <input name="website" tabindex="-1" autocomplete="off" .value=${this.honeypot} @input=${this.onInput}
        /></label>
      </div>
      <div class="field">
        <div class="check">
          <input
            id="f-consent"
            name="consent"
            type="checkbox"
            .checked=${this.draft.consent}
            required
            aria-invalid=${consentError ? 'true' : 'false'}
            aria-describedby=${consentError ? 'consent-error' : nothing}
            @change=${this.onInput}
          />
          <label for="f-consent">${t.t('consent')} *</label>
        </div>
        ${privacy ? html`<a href=${privacy}>${t.t('privacy')}</a>` : nothing}
        ${consentError ? html`<span class="error-text" id="consent-error">${consentError}</span>` : nothing}
      </div>
      <p>
        <button type="submit" class="button primary" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${t.t(this.sending ? 'sending' : 'send')}
        </button>
      </p>
    </form>`;
  }
}

/** The form's styles, added to the wall's shadow root with this chunk. */
export const submitStyles = css`
  .form {
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    display: flex;
    flex-direction: column;
    gap: 1rem;
  }
  .form h3 {
    margin: 0;
  }
  .form .field {
    font-size: 1em;
  }
  .form .hint,
  .form .counter {
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .form .counter.over {
    color: var(--_danger);
    font-weight: 600;
  }
  .form [aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .check {
    display: flex;
    gap: 0.6em;
    align-items: start;
  }
  .check input {
    min-height: 0;
    width: 1.5em;
    height: 1.5em;
    margin: 0.1em 0 0;
  }
  .hp {
    position: absolute;
    left: -9999px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .success {
    border-left: 4px solid var(--_success);
  }
  .receipt {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .receipt input {
    font-family: ui-monospace, monospace;
    font-size: 1.2em;
    letter-spacing: 0.1em;
    width: 12ch;
  }
`;

/** Adds these styles to the wall's shadow root (here, not in the wall's first-render chunk, which is at its size budget). */
export function addSubmitStyles(root: Node): void {
  const sheet = submitStyles.styleSheet;
  if (root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
