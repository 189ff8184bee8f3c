// The least Lit widget for <idea-wall> (see lit-floor.js): header, status summary, toolbar, count
// and every idea as a card, newest first, with its latest step, who is responsible and when due.
import { css } from 'lit';
import { FeedWidget, de, html, labels, longDate, nothing, repeat, tr } from './lit-floor.js';

const t = (key, vars) => tr(labels.t, key, vars);
/** At most `max` characters, cut at a word, with " …" (as the wall shortens its cards). */
const clamp = (text, max) => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:–-]+$/, '')} …`;
};
const select = (label, options) =>
  html`<label
    >${label}
    <select>
      ${options.map((o) => html`<option>${o}</option>`)}
    </select></label
  >`;

customElements.define(
  'lit-idea-wall',
  class extends FeedWidget {
    static styles = css`
      :host { display: block; }
      ul { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
      li { border: 1px solid #767676; border-radius: 4px; padding: 1rem; }
      button, select, input { min-height: 44px; font: inherit; }
      dt { font-weight: 600; }
      .overdue { color: #a4000f; }
    `;

    view(d) {
      const ideas = d.ideas
        .map((i, index) => ({ ...i, index }))
        .sort((a, b) => Date.parse(b.created) - Date.parse(a.created) || a.index - b.index);
      const cats = new Map((d.categories ?? []).map((c) => [c.id, c]));
      const counts = labels.statuses.map((s) => [s, ideas.filter((i) => i.status === s).length]).filter(([, n]) => n);
      const today = new Date().toISOString().slice(0, 10);
      const card = (i) => {
        const steps = [...(i.timeline ?? []), ...(i.answer?.date ? [i.answer] : [])].filter((s) => s.date);
        const last = steps.reduce((best, s) => (!best || s.date > best.date ? s : best), undefined);
        const open = !['done', 'declined', 'withdrawn'].includes(i.status);
        const overdue = i.due && i.due.slice(0, 10) < today;
        const facts = [
          last && [t('asOf', { date: longDate(last.date) }), clamp(de(last.text), 90)],
          i.responsible && [`${t('responsible')}:`, clamp(de(i.responsible), 90)],
          i.due &&
            open && [
              `${t('due')}:`,
              html`${longDate(i.due)}${
                overdue ? html` <strong class="overdue"><span aria-hidden="true">⚠ </span>${t('overdue')}</strong>` : nothing
              }`,
            ],
        ].filter(Boolean);
        return html`<li>
          <p>${i.category ? de(cats.get(i.category)?.label) : ''} ${i.reference ? t('reference', { ref: i.reference }) : ''}</p>
          <h4>${de(i.title)}</h4>
          ${i.description ? html`<p>${clamp(de(i.description), 240)}</p>` : nothing}
          ${i.progress !== undefined ? html`<p>${t('progressValue', { value: Math.round(i.progress) })}</p>` : nothing}
          ${
            facts.length
              ? html`<dl>
                ${facts.map(([k, v]) => html`<dt>${k}</dt> <dd>${v}</dd>`)}
              </dl>`
              : nothing
          }
          <p>${labels.icons[i.status]} ${t(`status.${i.status}`)}${i.supporters ? ` ${t('supporters', { count: i.supporters })}` : ''}</p>
        </li>`;
      };
      return html`<h3>${de(d.title)}</h3>
        ${d.intro ? html`<p>${de(d.intro)}</p>` : nothing}
        <p>
          <button type="button">${t('ideas', { count: ideas.length })}</button>
          ${counts.map(([s, n]) => html` <button type="button">${labels.icons[s]} ${n} ${t(`status.${s}`)}</button>`)}
        </p>
        <p>
          <label>${t('search')} <input type="search" /></label>
          ${select(t('category'), [t('allCategories'), ...(d.categories ?? []).map((c) => de(c.label))])}
          ${select(
            t('sort'),
            ['newest', 'support', 'status', 'random'].map((k) => t(`sort.${k}`)),
          )}
        </p>
        <p>${t('ideas', { count: ideas.length })}</p>
        <p><a href="#end">${t('skipWall', { count: ideas.length })}</a></p>
        <ul>
          ${repeat(ideas, (i) => i.id ?? i.index, card)}
        </ul>
        <p id="end">${t('wallEnd')}</p>`;
    }
  },
);
