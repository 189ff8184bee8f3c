import { expect, fixture, html } from '@open-wc/testing';
import { expectNoLeaks, trackLeaks } from '../leak-tracker.js';
import '../../src/idea-wall/idea-wall.js';
import '../../src/mitfahrbank-map/mitfahrbank-map.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import '../../src/partner-logos/partner-logos.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each widget as a webmaster embeds it, with the map already consented so Leaflet really starts. */
const widgets: [string, Record<string, string>][] = [
  ['idea-wall', { src: '/demo/data/ideas.json', refresh: '60' }],
  ['mitfahrbank-map', { src: '/demo/data/benches.json', consent: 'granted', 'tile-url': '/mock/tiles/{z}/{x}/{y}.png' }],
  ['ehrenamt-card', { src: '/demo/data/ehrenamt.json' }],
  ['partner-logos', { src: '/demo/data/partners.json', layout: 'strip' }],
];

/** Until the widget shows its content (for the map: until Leaflet has drawn it), not a guessed time. */
async function shown(el: Element): Promise<void> {
  const deep = (root: ParentNode | null | undefined, sel: string): Element | null => {
    if (!root) return null;
    const hit = root.querySelector(sel);
    if (hit) return hit;
    for (const child of Array.from(root.querySelectorAll('*'))) {
      const inner = deep(child.shadowRoot, sel);
      if (inner) return inner;
    }
    return null;
  };
  const ready = () =>
    !!el.shadowRoot &&
    (el.shadowRoot.textContent ?? '').trim().length > 20 &&
    !el.shadowRoot.querySelector('[part="loading"]') &&
    (el.localName !== 'mitfahrbank-map' || !!deep(el.shadowRoot, '.leaflet-container .st-pin, .leaflet-container .st-cluster'));
  for (const end = Date.now() + 10_000; !ready();) {
    if (Date.now() > end) throw new Error(`<${el.localName}> did not show its content`);
    await wait(20);
  }
}

describe('every widget cleans up when removed', () => {
  for (const [tag, attrs] of widgets) {
    it(`<${tag}> added and removed 12 times (some mid-load, some fully shown) leaves nothing running`, async () => {
      const host = await fixture(html`<div style="width: 900px"></div>`);
      const make = () => {
        const el = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        el.setAttribute('eager', '');
        return host.appendChild(el);
      };
      // One full cycle first: what a library sets up once per page (Leaflet's pointer tracking) is not a leak.
      const warm = make();
      await shown(warm);
      warm.remove();
      await wait(100);
      const tracker = trackLeaks();
      try {
        for (let i = 0; i < 12; i++) {
          const el = make();
          // Half the cycles remove while loading, half after the widget (and the map) is up.
          await wait(i % 2 ? 0 : 400);
          el.remove();
        }
        await wait(300);
      } finally {
        expectNoLeaks(tracker.stop(), expect);
      }
    });
  }
});
