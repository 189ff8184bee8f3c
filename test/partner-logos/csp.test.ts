import { expect } from '@open-wc/testing';
import { fixture, forbidStyleAttributes, html, settled } from '../helpers.js';
import '../../src/partner-logos/partner-logos.js';
import type { PartnerLogos } from '../../src/partner-logos/partner-logos.component.js';

// Own page (own test file): a policy that forbids style attributes, as a strict CSP does.
const violations = forbidStyleAttributes();

describe('<partner-logos> under a strict style policy', () => {
  it('sizes logos and runs the strip without style attributes', async () => {
    const partners = Array.from({ length: 8 }, (_, i) => ({
      name: `Partner ${i}`,
      url: 'https://example.org/',
      logo: { src: '/demo/assets/logos/btu.svg', width: 360, height: 90 },
    }));
    const wrap = await fixture<HTMLDivElement>(
      html`<div><partner-logos eager layout="strip" .data=${{ groups: [{ heading: 'Partner', partners }] }}></partner-logos></div>`,
    );
    wrap.style.width = '400px';
    const el = wrap.querySelector('partner-logos') as PartnerLogos;
    await settled(el);
    for (let i = 0; i < 30 && !el.shadowRoot!.querySelector('.moving'); i++) await new Promise((r) => setTimeout(r, 20));
    const item = el.shadowRoot!.querySelector<HTMLElement>('.item')!;
    expect(getComputedStyle(item).getPropertyValue('--w').trim()).to.equal('176px');
    expect(item.getBoundingClientRect().width).to.be.closeTo(176, 1);
    const track = el.shadowRoot!.querySelector<HTMLElement>('.moving .track')!;
    expect(getComputedStyle(track).animationDuration).not.to.equal('40s');
    expect(violations).to.deep.equal([]);
  });
});
