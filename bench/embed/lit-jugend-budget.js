// The least Lit widget for <jugend-budget> (see lit-floor.js): the first screen of the phase
// today falls in; in the result and implementation phases the funded projects by the greedy rule
// (by votes, feasible, while the budget lasts), computed from the feed as the widget does.
import { css } from 'lit';
import { FeedWidget, de, html, longDate, longRange, nothing, repeat } from './lit-floor.js';

const names = {
  proposals: 'Vorschläge sammeln',
  check: 'Prüfung durch die Verwaltung',
  vote: 'Abstimmung',
  result: 'Ergebnis',
  implementation: 'Umsetzung',
};
const statuses = { done: ['●', 'Umgesetzt'], 'in-progress': ['◕', 'In Umsetzung'], planned: ['◑', 'Geplant'] };
const when = (p) => (p.start && p.end ? longRange(p.start, p.end) : p.start ? `ab ${longDate(p.start)}` : `bis ${longDate(p.end)}`);
const euro = (n) => `${String(n).replace(/\B(?=(\d{3})+$)/g, '.')}\u00a0€`;

customElements.define(
  'lit-jugend-budget',
  class extends FeedWidget {
    static styles = css`
      :host { display: block; }
      .vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
      ol { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; }
      button { min-height: 44px; font: inherit; }
      ul { list-style: none; padding: 0; display: grid; gap: 1rem; }
    `;

    view(d) {
      const now = Date.now();
      let current = d.phases[0];
      for (const p of d.phases) if (Date.parse(p.start) <= now) current = p;
      const next = d.phases[d.phases.indexOf(current) + 1];
      let sum = 0;
      const funded = new Set();
      for (const p of [...d.projects].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0)))
        if (p.feasible !== false && p.votes && sum + p.cost <= d.budget) {
          sum += p.cost;
          funded.add(p.id);
        }
      const project = (p) => {
        const [icon, label] = statuses[p.status ?? 'planned'];
        return html`<li>
          <h5>${de(p.title)}</h5>
          <p><span aria-hidden="true">${icon}</span> <span class="vh">Status: </span>${label}</p>
          ${p.progress !== undefined ? html`<p>Fortschritt: ${p.progress} % <progress max="100" value=${p.progress}></progress></p>` : nothing}
          ${
            p.timeline?.length
              ? html`<details>
                <summary>Verlauf</summary>
                <ol>
                  ${p.timeline.map((t) => html`<li>${longDate(t.date)}: ${de(t.text)}</li>`)}
                </ol>
              </details>`
              : nothing
          }
        </li>`;
      };
      return html`<h3>${de(d.title)}</h3>
        <p>${de(d.intro)}</p>
        <dl>
          <dt>Budget</dt>
          <dd>${euro(d.budget)}</dd>
          <dt>Mitmachen können</dt>
          <dd>${de(d.eligible)}</dd>
          <dt>Auszählung</dt>
          <dd>nach Stimmen, solange das Geld reicht</dd>
        </dl>
        <p><strong>Jetzt:</strong> ${names[current.id]} (${when(current)})</p>
        <p>${de(current.text)}</p>
        ${next ? html`<p><strong>Danach:</strong> ${names[next.id]} (${when(next)})</p>` : nothing}
        <ol>
          ${d.phases.map(
            (p, i) =>
              html`<li>
                <button type="button">
                  ${i + 1} ${names[p.id]}${p === current ? html` <span class="vh">(aktuelle Phase)</span>` : nothing} ${when(p)}
                </button>
              </li>`,
          )}
        </ol>
        <h4>${names[current.id]}</h4>
        ${
          current.id === 'implementation'
            ? html`<h4>Was aus den geförderten Projekten wird</h4>
              <ul>
                ${repeat(
                  d.projects.filter((p) => funded.has(p.id)),
                  (p) => p.id,
                  project,
                )}
              </ul>`
            : html`<ul>
              ${repeat(
                d.projects,
                (p) => p.id,
                (p) => html`<li>
                  <h5>${de(p.title)}</h5>
                  <p>Vorgeschlagen von: ${de(p.group)}</p>
                  <p>${de(p.description)}</p>
                </li>`,
              )}
            </ul>`
        }`;
    }
  },
);
