// The least Lit widget for <partner-logos> (see lit-floor.js): headings, logo lists, notices.
import { css } from 'lit';
import { FeedWidget, de, html, nothing, repeat, safeUrl } from './lit-floor.js';

customElements.define(
  'lit-partner-logos',
  class extends FeedWidget {
    static styles = css`
      :host { display: block; }
      ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: center; }
      a { display: inline-block; min-width: 44px; min-height: 44px; }
      img { max-height: 80px; width: auto; height: auto; }
    `;

    view(d) {
      const base = new URL(this.src, location.href);
      return d.groups.map(
        (g) =>
          html`<h2>${de(g.heading)}</h2>
            <ul>
              ${repeat(
                g.partners,
                (p) => p.name,
                (p) => html`<li>
                  <a href=${(p.url && safeUrl(p.url, base)) || nothing}
                    >${
                      p.logo
                        ? html`<img src=${safeUrl(p.logo.src, base) ?? nothing} alt=${p.name} width=${p.logo.width} height=${p.logo.height} />`
                        : p.name
                    }</a
                  >
                </li>`,
              )}
            </ul>
            ${g.notice ? html`<p>${de(g.notice)}</p>` : nothing}`,
      );
    }
  },
);
