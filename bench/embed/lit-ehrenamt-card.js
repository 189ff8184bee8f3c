// The least Lit widget for <ehrenamt-card> (see lit-floor.js): the card pictures, programme, who
// gets it, how to apply, the self-check's form and the first 20 partners by name with their tools.
// The rules' sentences (the card's rule wording), the self-check's questions and the category
// names come with the string table (bench-labels, from src/ at bench-build time).
import { css } from 'lit';
import { FeedWidget, de, html, labels, nothing, repeat, safeUrl, tr } from './lit-floor.js';

const t = (key, vars) => tr(labels.t, key, vars);
const lines = (xs) => xs.filter(Boolean).map((x, i) => html`${i ? html`<br />` : nothing}${x}`);
const item = (r) => html`<li>${r.text}${r.kids ? html`<ul>${r.kids.map(item)}</ul>` : nothing}</li>`;
const number = (label, unit) => html`<p>
  <label>${label} <input type="number" /> ${unit}</label>
</p>`;
/** Sorted by name: lower case, without accents, ß as ss (no Intl.Collator: a cold page's first one costs 8–39 ms). */
const key = (s) =>
  s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
const byName = (list) =>
  list
    .map((x) => [key(x.name), x])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, x]) => x);

customElements.define(
  'lit-ehrenamt-card',
  class extends FeedWidget {
    static styles = css`
      :host { display: block; }
      .card { border-radius: 12px; padding: 1rem; color: #fff; background: #1d4f91; max-width: 22rem; }
      ul.partners { list-style: none; padding: 0; display: grid; gap: 1rem; }
      button, select, input { min-height: 44px; font: inherit; }
      fieldset { border: 1px solid #767676; }
    `;

    view(d) {
      const index = new Map();
      for (const c of labels.categories) {
        index.set(c.id.toLowerCase(), c);
        c.aliases?.forEach((x) => index.set(x, c));
      }
      const categoryOf = (x) => index.get(String(x.category).toLowerCase()) ?? index.get('9');
      const all = byName(d.partners);
      const counts = new Map();
      for (const x of all) counts.set(categoryOf(x).id, (counts.get(categoryOf(x).id) ?? 0) + 1);
      const page = all.slice(0, 20);
      const a = d.apply;
      const dd = (k, v) => (v ? html`<dt>${t(k)}</dt><dd>${v}</dd>` : nothing);
      const q = labels.questions;
      const partner = (x) => {
        const web = x.website && safeUrl(x.website);
        return html`<li>
          <h4>${x.name}</h4>
          <p>${categoryOf(x).label}</p>
          ${x.benefit ? html`<p>${de(x.benefit)}</p>` : nothing}
          ${x.locations.map((l) => html`<p>${[l.street, [l.postalCode, l.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</p>`)}
          ${x.hours ? html`<p>${t('hours')}: ${de(x.hours)}</p>` : nothing}
          <p>
            ${lines([
              web && html`<a href=${web}>${new URL(web).host.replace(/^www\./, '')}</a>`,
              x.phone && `${t('phone')}: ${x.phone}`,
              x.email && `${t('email')}: ${x.email}`,
            ])}
          </p>
        </li>`;
      };
      return html`${d.tiers.map(
        (x) =>
          html`<p class="card">
              ${lines([de(d.issuer) || de(d.region), de(d.name), de(x.name)])}<br />${de(d.region)}${
                x.validityYears
                  ? ` ${x.validityYears === 'unlimited' ? t('validityUnlimited') : t('validity', { count: x.validityYears })}`
                  : nothing
              }
            </p>`,
      )}
        <h3>${de(d.name)}</h3>
        ${d.description ? html`<p>${de(d.description)}</p>` : nothing}
        ${
          d.benefits?.length
            ? html`<h4>${t('benefitsHeading')}</h4>
              <ul>
                ${d.benefits.map((b) => html`<li>${de(b)}</li>`)}
              </ul>`
            : nothing
        }
        ${
          d.tiers.length
            ? html`<h4>${t('whoHeading')}</h4>
              ${d.tiers.map(
                (x, i) =>
                  html`<p><strong>${de(x.name)}</strong>${x.description ? ` – ${de(x.description)}` : nothing}</p>
                    ${labels.rules[i] ? html`<ul>${labels.rules[i].map(item)}</ul>` : nothing}`,
              )}`
            : nothing
        }
        ${
          a
            ? html`<h4>${t('applyHeading')}</h4>
              ${a.note ? html`<p>${de(a.note)}</p>` : nothing}
              <p>${lines([de(a.office), de(a.address)])}</p>
              <dl>${dd('hours', de(a.hours))}${dd('phone', a.phone)}${dd('email', a.email)}${dd('costs', de(a.costs))}</dl>
              <p>
                ${a.url && safeUrl(a.url) ? html`<a href=${safeUrl(a.url)}>${t('applyOnline')}</a>` : nothing}
                ${a.formUrl && safeUrl(a.formUrl) ? html`<a href=${safeUrl(a.formUrl)}>${t('applyForm')}</a>` : nothing}
              </p>`
            : nothing
        }
        ${
          q.numbers.length || q.flags.length
            ? html`<h3>${t('checkHeading')}</h3>
              <p>${t('checkIntro')}</p>
              <p>${t('nonBinding')}</p>
              <form>
                ${q.numbers.includes('age') ? number(t('qAge'), t('unitYears')) : nothing}
                ${
                  q.numbers.includes('hoursPerWeek') || q.numbers.includes('hoursPerYear')
                    ? html`<fieldset>
                      <legend>${t('qHours')}</legend>
                      <input type="number" />
                      <select>
                        <option>${t('qHoursAmount')} ${t('perWeek')}</option>
                        <option>${t('qHoursAmount')} ${t('perYear')}</option>
                      </select>
                    </fieldset>`
                    : nothing
                }
                ${q.numbers.includes('years') ? number(t('qYears'), t('unitYears')) : nothing}
                ${q.numbers.includes('allowance') ? number(t('qAllowance'), t('unitEuro')) : nothing}
                ${
                  q.flags.length
                    ? html`<fieldset>
                      <legend>${t('qFlags')}</legend>
                      ${q.flags.map(
                        (x) =>
                          html`<p>
                            <label><input type="checkbox" /> ${x}</label>
                          </p>`,
                      )}
                    </fieldset>`
                    : nothing
                }
                <p><button>${t('check')}</button> <button type="reset">${t('reset')}</button></p>
              </form>`
            : nothing
        }
        <h3>${t('partnersHeading')}</h3>
        <p>
          <label>${t('search')} <input type="search" /></label> <button type="button">${t('nearMe')}</button>
          <label
            >${t('sortBy')}
            <select>
              <option>${t('sortName')}</option>
              <option>${t('sortDistance')}</option>
            </select></label
          >
        </p>
        <p>
          <button type="button">${t('allCategories')}</button>
          ${labels.categories
            .filter((x) => counts.has(x.id))
            .map((x) => html` <button type="button">${x.label} (${counts.get(x.id)})</button>`)}
        </p>
        <p>${t('found', { count: all.length })}${page.length < all.length ? ` – ${t('shownOf', { count: page.length })}` : nothing}</p>
        <ul class="partners">
          ${repeat(page, (x) => x.id ?? x.name, partner)}
        </ul>
        ${
          all.length > page.length
            ? html`<p><button type="button">${t('more', { count: Math.min(20, all.length - page.length) })}</button></p>`
            : nothing
        }`;
    }
  },
);
