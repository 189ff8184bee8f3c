import { expect } from '@open-wc/testing';
import { until } from './helpers.js';

type TtWindow = Window & { __violations: string[]; __enforced: boolean; stadttraum?: { consent?: { grant(p: string): void } } };

/**
 * The map under `require-trusted-types-for 'script'` (a meta CSP in a same-origin frame):
 * no Leaflet control, popup or string icon may write innerHTML.
 */
describe('<mitfahrbank-map> under Trusted Types', () => {
  it('renders the list, the placeholder, the map, markers, details and the tile note with zero violations', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '900px';
    // srcdoc: same origin, but location is about:srcdoc, so URLs are absolute.
    frame.srcdoc = `<!DOCTYPE html><html lang="de"><head>
      <meta http-equiv="Content-Security-Policy" content="img-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'">
      <script>
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => { if (!String(e.sample).includes('probe')) window.__violations.push(e.violatedDirective + ' ' + e.sample); });
        try { document.createElement('div').innerHTML = '<b>probe</b>'; window.__enforced = false; } catch { window.__enforced = true; }
      </script>
      <script type="module" src="/src/mitfahrbank-map/mitfahrbank-map.ts"></script>
      </head><body>
      <mitfahrbank-map eager src="${location.origin}/test/mitfahrbank-map/fixtures/benches.json" tile-url="${location.origin}/test/mitfahrbank-map/fixtures/missing?tt={z}/{x}/{y}"></mitfahrbank-map>
      </body></html>`;
    document.body.append(frame);
    try {
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
      const win = frame.contentWindow as TtWindow;
      expect(win.__enforced, 'the frame enforces Trusted Types').to.equal(true);
      const widget = () => win.document.querySelector('mitfahrbank-map')!;
      const gate = () => widget().shadowRoot?.querySelector('st-map')?.shadowRoot;
      const view = () => gate()?.querySelector('st-map-view')?.shadowRoot;
      await until(() => gate()?.querySelector('.placeholder'), 8000, 'placeholder').catch((e) => {
        throw new Error(`${e.message}; violations: ${win.__violations.join(' | ')}; widget: ${widget()?.shadowRoot?.textContent?.slice(0, 200)}; defined: ${!!win.customElements.get('mitfahrbank-map')}`);
      });
      win.stadttraum!.consent!.grant('map');
      await until(() => view()?.querySelector('.leaflet-container .st-pin, .leaflet-container .st-cluster'), 8000, 'markers');
      await until(() => view()?.querySelector('[part="tiles-note"]'), 8000, 'tile note');
      (view()!.querySelector('.st-pin, .st-cluster') as HTMLElement).click();
      (view()!.querySelector('button[aria-label="Vergrößern"]') as HTMLElement).click();
      await new Promise((r) => setTimeout(r, 500));
      const list = [...widget().shadowRoot!.querySelectorAll<HTMLButtonElement>('.switch button')][1];
      list.click();
      await until(() => widget().shadowRoot!.querySelector('.list .link'), 2000, 'list');
      widget().shadowRoot!.querySelector<HTMLButtonElement>('.list .link')!.click();
      await until(() => widget().shadowRoot!.querySelector('.bench-details'), 2000, 'details');
      await new Promise((r) => setTimeout(r, 300));
      expect(win.__violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
