// The least Lit widget for <mitfahrbank-map> without consent (see lit-floor.js): intro, toolbar
// with the feed's destinations, count, the consent question (no Leaflet before consent), details.
import { css } from 'lit';
import { FeedWidget, de, html, labels, nothing, tr } from './lit-floor.js';

const t = (key, vars) => tr(labels.t, key, vars);
const m = (key, vars) => tr(labels.m, key, vars);
const details = (summary, body) => html`<details><summary>${summary}</summary>${body}</details>`;

customElements.define(
  'lit-mitfahrbank-map',
  class extends FeedWidget {
    static styles = css`
      :host { display: block; }
      button, select { min-height: 44px; font: inherit; }
      .consent { border: 1px solid #767676; border-radius: 4px; padding: 1rem; aspect-ratio: 4 / 3; max-height: 60vh; }
    `;

    view(d) {
      const r = d.region ?? {};
      const names = new Map();
      for (const b of d.benches)
        for (const x of b.destinations ?? []) {
          const n = typeof x === 'string' ? x : x.name;
          if (!names.has(n.toLowerCase())) names.set(n.toLowerCase(), n);
        }
      const options = [...names.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const c = r.contact;
      return html`<h3>${de(r.title)}</h3>
        <p>${de(r.intro)}</p>
        <p>
          <label for="d">${t('destination')}</label>
          <select id="d">
            <option>${t('allDestinations')}</option>
            ${options.map((o) => html`<option>${o}</option>`)}
          </select>
          <button type="button">${t('nearest')}</button> <button type="button">${t('viewMap')}</button>
          <button type="button">${t('viewList')}</button>
        </p>
        <p>${t('count', { count: d.benches.length })}</p>
        <div class="consent">
          <h4>${m('mapConsentTitle')}</h4>
          <p>${m('mapConsentText', { provider: 'tile.openstreetmap.org' })}</p>
          <p>
            <label><input type="checkbox" />${m('mapConsentRemember')}</label>
          </p>
          <p><button type="button">${m('mapConsentLoad')}</button></p>
        </div>
        ${r.howToRide ? details(t('regionHow'), html`<p>${de(r.howToRide)}</p>`) : nothing}
        ${r.drivers ? details(t('regionDrivers'), html`<p>${de(r.drivers)}</p>`) : nothing}
        ${
          c
            ? details(
                t('regionContact'),
                html`<p>
                ${[c.name, c.phone, c.email, c.url].filter(Boolean).map((x, i) => html`${i ? html`<br />` : nothing}${de(x)}`)}
              </p>`,
              )
            : nothing
        }`;
    }
  },
);
