import { css, html, nothing, type TemplateResult } from 'lit';
import { defineStrings, type KeyOf, type LocalizeController } from '../core/i18n.js';
import { today, type Idea, type Status } from './idea-wall.model.js';
import type { strings } from './idea-wall.strings.js';
import { longDate } from '../core/long-date.js';
import { cssVars } from '../core/css-vars.js';
import { statusIcon } from '../core/follow-through.js';

/** The dialog's own texts, in this chunk (the wall's table is merged under them when it loads). */
export const detailStrings = defineStrings({
  de: {
    close: 'Schließen',
    answer: 'Antwort der Verwaltung',
    answerFrom: '{by}, {date}',
    reason: 'Begründung',
    nextSteps: 'Nächste Schritte',
    created: 'Eingereicht am',
    author: 'Von',
    timeline: 'Bisherige Schritte',
    location: 'Ort',
    tags: 'Stichworte',
    credit: 'Foto: {credit}',
  },
  en: {
    close: 'Close',
    answer: 'Official answer',
    answerFrom: '{by}, {date}',
    reason: 'Reason',
    nextSteps: 'Next steps',
    created: 'Submitted on',
    author: 'By',
    timeline: 'Steps taken',
    location: 'Place',
    tags: 'Keywords',
    credit: 'Photo: {credit}',
  },
});

export type DetailKey = KeyOf<typeof strings> | KeyOf<typeof detailStrings>;

/** What the detail borrows from its wall: the parts it draws like the cards do. */
export interface DetailParts {
  renderCategory(idea: Idea): unknown;
  statusLabel(status: Status): string;
  renderProgress(idea: Idea): unknown;
  renderSupport(idea: Idea): unknown;
  onDialogClose(): void;
}

/** The status badge, drawn like the card's (idea-wall.component.ts, renderCard: test/idea-wall/card-status.test.ts). */
const renderStatus = (s: Status, w: DetailParts) =>
  html`<span class="status s-${s.base}" part="status" style=${cssVars({ '--_status': s.color ?? `var(--_s-${s.base})` })}><span class="icon" aria-hidden="true">${statusIcon[s.base] ?? statusIcon.custom}</span>${w.statusLabel(s)}</span>`;

/** The planned date, marked overdue once it has passed while the idea is still open. */
function dueText(idea: Idea, l: LocalizeController<DetailKey>): string {
  const open = !['done', 'declined', 'withdrawn'].includes(idea.status.base);
  const date = longDate(l, idea.due);
  return open && idea.due!.slice(0, 10) < today() ? `${date} (${l.t('overdue')})` : date;
}

/** The close button closes its dialog (here, not in the wall's chunk). */
const closeDialog = (e: Event) => (e.currentTarget as Element).closest('dialog')?.close();

/** A click on the dialog's backdrop (outside its box) closes it. */
function closeOnBackdrop(e: MouseEvent): void {
  const d = e.currentTarget as HTMLDialogElement;
  if (e.target !== d) return;
  const r = d.getBoundingClientRect();
  if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) d.close();
}

/**
 * The detail dialog, drawn once this chunk is there (the wall's first render has none). It stays,
 * empty, while no idea is open: the next idea opens in the same element.
 */
export function renderDialog(idea: Idea | undefined, w: DetailParts, l: LocalizeController<DetailKey>): TemplateResult {
  return html`<dialog part="dialog" aria-labelledby="detail-title" @close=${w.onDialogClose} @click=${closeOnBackdrop}>
    ${idea ? renderDetail(idea, w, l) : nothing}
  </dialog>`;
}

/** The detail dialog's content: loaded as its own chunk when a visitor first opens an idea. */
export function renderDetail(idea: Idea, w: DetailParts, l: LocalizeController<DetailKey>): TemplateResult {
  const d = (v?: string) => longDate(l, v);
  const row = (label: string, value: unknown) =>
    value
      ? html`<dt>${label}</dt>
          <dd>${value}</dd>`
      : nothing;
  return html`<div class="detail">
    <div class="detail-head">
      <div class="meta">
        ${w.renderCategory(idea)}${idea.reference ? html`<span class="ref">${l.t('reference', { ref: idea.reference })}</span>` : nothing}
      </div>
      <button type="button" class="button close" @click=${closeDialog}>${l.t('close')}</button>
    </div>
    <h2 id="detail-title">${idea.title}</h2>
    <p>${renderStatus(idea.status, w)}</p>
    ${
      idea.image
        ? html`<figure>
            <img src=${idea.image.src} alt=${idea.image.alt} loading="lazy" />
            ${idea.image.credit ? html`<figcaption>${l.t('credit', { credit: idea.image.credit })}</figcaption>` : nothing}
          </figure>`
        : nothing
    }
    ${idea.description ? html`<p class="full">${idea.description}</p>` : nothing} ${w.renderProgress(idea)}
    ${
      idea.answer
        ? html`<section class="answer">
            <h3>${l.t('answer')}</h3>
            <p class="full">${idea.answer.text}</p>
            ${
              idea.answer.date || idea.answer.by
                ? html`<p class="muted">
                    ${idea.answer.by && idea.answer.date ? l.t('answerFrom', { by: idea.answer.by, date: d(idea.answer.date) }) : (idea.answer.by ?? d(idea.answer.date))}
                  </p>`
                : nothing
            }
          </section>`
        : nothing
    }
    ${
      idea.statusReason
        ? html`<section>
            <h3>${l.t('reason')}</h3>
            <p class="full">${idea.statusReason}</p>
          </section>`
        : nothing
    }
    ${
      idea.nextSteps
        ? html`<section>
            <h3>${l.t('nextSteps')}</h3>
            <p class="full">${idea.nextSteps}</p>
          </section>`
        : nothing
    }
    <dl>
      ${row(l.t('responsible'), idea.responsible)} ${row(l.t('due'), idea.due ? dueText(idea, l) : undefined)}
      ${row(l.t('created'), d(idea.created))} ${row(l.t('author'), [idea.author, idea.group].filter(Boolean).join(', '))}
      ${row(l.t('location'), idea.location?.label)} ${row(l.t('tags'), idea.tags.join(', '))}
    </dl>
    ${
      idea.timeline.length
        ? html`<section>
            <h3>${l.t('timeline')}</h3>
            <ol class="timeline">
              ${idea.timeline.map(
                (t) =>
                  html`<li>
                    ${t.date ? html`<time datetime=${t.date}>${d(t.date)}</time>` : nothing}
                    <span>${t.url ? html`<a href=${t.url} rel="noopener">${t.text}</a>` : t.text}</span>
                  </li>`,
              )}
            </ol>
          </section>`
        : nothing
    }
    <div class="foot">${w.renderSupport(idea)}</div>
  </div>`;
}

/** The dialog's styles, added to the wall's shadow root with this chunk. */
export const detailStyles = css`
  dialog {
    width: min(44rem, calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .detail {
    padding: 1rem 1.25rem 1.25rem;
    display: flex;
    flex-direction: column;
    gap: 1rem;
  }
  .detail-head {
    display: flex;
    justify-content: space-between;
    align-items: start;
    gap: 1rem;
  }
  .detail h2 {
    margin: 0;
    font-size: 1.4em;
    line-height: 1.25;
  }
  .detail h3 {
    margin: 0 0 0.3em;
    font-size: 1em;
  }
  .full {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .answer {
    padding: 0.75rem 1rem;
    border-left: 4px solid var(--_accent);
    background: var(--_canvas);
  }
  figure {
    margin: 0;
  }
  img {
    display: block;
    width: 100%;
    max-height: 18rem;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  .timeline {
    margin: 0;
    padding-left: 1.2em;
  }
  .timeline li + li {
    margin-top: 0.4em;
  }
  .timeline time {
    font-weight: 600;
    margin-right: 0.5em;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.3em 1em;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  @media (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
    }
    dd + dt {
      margin-top: 0.4em;
    }
  }
`;

/** Adds these styles to the wall's shadow root (here, not in the wall's first-render chunk, which is at its size budget). */
export function addDetailStyles(root: Node): void {
  const sheet = detailStyles.styleSheet;
  if (root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
