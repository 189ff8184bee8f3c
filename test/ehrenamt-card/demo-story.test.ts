import { expect } from '@open-wc/testing';

/** The demo is read as one town's story: the card's partner town is the one the ideas talk about. */
describe('demo data', () => {
  for (const lang of ['', 'en/']) {
    it(`${lang || 'de/'}: the card's partner town is the one in the ideas (Kronberg, from the Visionswerkstatt)`, async () => {
      const card = await (await fetch(`/demo/data/${lang}ehrenamt.json`)).text();
      const ideas = await (await fetch(`/demo/data/${lang}ideas.json`)).text();
      const town = /Partnerstadt (\w+)/.exec(card)?.[1];
      expect(town).to.equal('Kronberg');
      expect(ideas).to.contain('Kronberg');
      expect(card + ideas).not.to.contain('Kronstein');
    });
  }
});
