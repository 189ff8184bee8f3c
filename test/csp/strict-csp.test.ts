import { expect } from '@open-wc/testing';
import { markupOf } from '../helpers.js';

type CspWindow = Window & {
  __violations: string[];
  __trustedTypesEnforced: boolean;
  stadttraum?: { consent?: { grant(p: string): void } };
};

async function until(check: () => boolean, ms = 8000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

describe('strict Content-Security-Policy with Trusted Types (the built script)', () => {
  it('all four widgets render with zero violations, also after the map loads', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '2000px';
    frame.src = '/test/csp/page.html';
    document.body.append(frame);
    try {
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
      const win = frame.contentWindow as CspWindow;
      expect(win.__trustedTypesEnforced, 'the page really enforces Trusted Types').to.equal(true);
      const tags = ['idea-wall', 'mitfahrbank-map', 'ehrenamt-card', 'partner-logos'];
      const rendered = await until(() =>
        tags.every((t) => {
          const root = win.document.querySelector(t)?.shadowRoot;
          return !!root && (root.textContent ?? '').trim().length > 20 && !root.querySelector('[part="loading"]');
        }),
      );
      const texts = tags.map(
        (t) => `${t}: ${(win.document.querySelector(t)?.shadowRoot?.textContent ?? '(no shadow root)').replace(/\s+/g, ' ').slice(0, 80)}`,
      );
      expect(rendered, `widgets rendered:\n${texts.join('\n')}`).to.equal(true);
      for (const t of tags)
        expect(markupOf(win.document.querySelector(t)!.shadowRoot!.querySelector('[part="error"]')), `${t} shows no error`).to.equal(null);
      win.stadttraum!.consent!.grant('map');
      // The map sits two shadow roots down: <mitfahrbank-map> → <st-map> → <st-map-view>.
      const view = () =>
        win.document.querySelector('mitfahrbank-map')?.shadowRoot?.querySelector('st-map')?.shadowRoot?.querySelector('st-map-view')
          ?.shadowRoot;
      const mapShown = await until(
        () => !!view()?.querySelector('.leaflet-container .leaflet-tile-loaded') && !!view()?.querySelector('.st-pin, .st-cluster'),
      );
      expect(mapShown, 'the map loaded, with tiles and pins, under the strict CSP').to.equal(true);
      expect(win.__violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
