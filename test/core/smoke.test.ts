import { expect } from '@open-wc/testing';
import { fixture, html, settled, textOf } from '../helpers.js';
import '../../src/partner-logos/partner-logos.js';
import type { PartnerLogos } from '../../src/partner-logos/partner-logos.component.js';

describe('smoke', () => {
  it('renders inline data', async () => {
    const el = await fixture<PartnerLogos>(
      html`<partner-logos eager .data=${{ groups: [{ heading: 'Gefördert durch', partners: [{ name: 'Land' }] }] }}></partner-logos>`,
    );
    await settled(el);
    expect(textOf(el)).to.contain('Land');
    await expect(el).to.be.accessible();
  });
});
