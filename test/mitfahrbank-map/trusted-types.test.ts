import { expect } from '@open-wc/testing';
import { until } from './helpers.js';

type TtWindow = Window & { __violations: string[]; __enforced: boolean; stadttraum?: { consent?: { grant(p: string): void } } };

/**
 * The map under `require-trusted-types-for 'script'` (a meta CSP in a same-origin frame,
 * test/mitfahrbank-map/trusted-types.html):
 * no Leaflet control, popup or string icon may write innerHTML.
 */
describe('<mitfahrbank-map> under Trusted Types', () => {
  it('renders the list, the placeholder, the map, markers, details and the tile note with zero violations', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '900px';
    frame.src = '/test/mitfahrbank-map/trusted-types.html';
    document.body.append(frame);
    try {
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
      const win = frame.contentWindow as TtWindow;
      expect(win.__enforced, 'the frame enforces Trusted Types').to.equal(true);
      const widget = () => win.document.querySelector('mitfahrbank-map')!;
      const gate = () => widget().shadowRoot?.querySelector('st-map')?.shadowRoot;
      const view = () => gate()?.querySelector('st-map-view')?.shadowRoot;
      await until(() => gate()?.querySelector('.placeholder'), 8000, 'placeholder').catch((e) => {
        throw new Error(
          `${e.message}; violations: ${win.__violations.join(' | ')}; widget: ${widget()?.shadowRoot?.textContent?.slice(0, 200)}; defined: ${!!win.customElements.get('mitfahrbank-map')}`,
        );
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
