import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';

/**
 * The system setting, emulated through the DevTools protocol (Chromium): false where the engine
 * has none (Firefox over BiDi, WebKitGTK's WebDriver), and the test skips what needs it.
 */
const system = (colorScheme: 'light' | 'dark') =>
  emulateMedia({ colorScheme }).then(
    () => true,
    () => false,
  );
import { settled } from '../helpers.js';
import '../../src/partner-logos/partner-logos.js';
import type { PartnerLogos } from '../../src/partner-logos/partner-logos.component.js';
import { pageTheme } from '../../src/core/theme-controller.js';

/** Waits (up to 2 s) for the widget to settle on a theme; resolves to what it settled on. */
async function resolvesTo(el: Element, theme: string): Promise<string | null> {
  for (let i = 0; i < 100 && el.getAttribute('resolved-theme') !== theme; i++) await new Promise((r) => requestAnimationFrame(r));
  return el.getAttribute('resolved-theme');
}
const LOGO = '/demo/assets/logos/';
const data = {
  schemaVersion: 1,
  groups: [
    {
      heading: 'Gefördert von',
      partners: [
        {
          name: 'Musterministerium',
          logo: { src: `${LOGO}musterministerium.svg`, darkSrc: `${LOGO}musterministerium-dark.svg`, width: 240, height: 160 },
        },
      ],
    },
  ],
};

describe('theme="auto" follows the page the visitor sees', () => {
  afterEach(async () => {
    document.documentElement.style.colorScheme = '';
    document.body.className = '';
    await system('light');
  });

  it('stays light on a light page even when the system is dark', async function () {
    if (!(await system('dark'))) this.skip();
    const box = await fixture(html`<div style="background:#fff"><partner-logos theme="auto" .data=${data}></partner-logos></div>`);
    const el = box.firstElementChild as PartnerLogos;
    await settled(el);
    expect(el.getAttribute('resolved-theme')).to.equal('light');
    expect(getComputedStyle(el).colorScheme).to.equal('light');
    expect(el.shadowRoot!.querySelector('img')!.getAttribute('src')).to.match(/musterministerium\.svg$/);
  });

  it("turns dark with the host page's own switch (a class on body), and back, without a reload", async () => {
    const style = await fixture(html`<style>
      body.night .page { background: #111; }
    </style>`);
    const box = await fixture(
      html`<div class="page" style="background:#fafafa"><partner-logos theme="auto" .data=${data}></partner-logos></div>`,
    );
    box.removeAttribute('style');
    const el = box.firstElementChild as PartnerLogos;
    await settled(el);
    expect(el.getAttribute('resolved-theme')).to.equal('light');
    document.body.classList.add('night');
    expect(await resolvesTo(el, 'dark')).to.equal('dark');
    await el.updateComplete;
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    // The dark logo variant follows the resolved theme, not the system (which is light here).
    expect(el.shadowRoot!.querySelector('img')!.getAttribute('src')).to.match(/musterministerium-dark\.svg$/);
    document.body.classList.remove('night');
    expect(await resolvesTo(el, 'light')).to.equal('light');
    await el.updateComplete;
    style.remove();
  });

  it("reads the page's color-scheme when no ancestor paints a background", async () => {
    const box = await fixture(html`<div><partner-logos theme="auto" .data=${data}></partner-logos></div>`);
    const el = box.firstElementChild as PartnerLogos;
    await settled(el);
    expect(pageTheme(el)).to.equal('light');
    document.documentElement.style.colorScheme = 'dark';
    expect(await resolvesTo(el, 'dark')).to.equal('dark');
    await el.updateComplete;
    // "light dark" follows the system.
    document.documentElement.style.colorScheme = 'light dark';
    expect(await resolvesTo(el, 'light')).to.equal('light');
    await el.updateComplete;
    if (!(await system('dark'))) return; // the live system switch: Chromium only
    expect(await resolvesTo(el, 'dark')).to.equal('dark');
    await el.updateComplete;
  });

  it('an explicit theme unlike the page paints its own canvas; changing the attribute resolves at once', async () => {
    const box = await fixture(html`<div style="background:#fff"><partner-logos theme="dark" .data=${data}></partner-logos></div>`);
    const el = box.firstElementChild as PartnerLogos;
    await settled(el);
    expect(el.hasAttribute('own-surface')).to.equal(true);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(21, 25, 28)');
    el.theme = 'auto';
    await el.updateComplete;
    expect(el.getAttribute('resolved-theme')).to.equal('light');
    expect(el.hasAttribute('own-surface')).to.equal(false);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });
});
