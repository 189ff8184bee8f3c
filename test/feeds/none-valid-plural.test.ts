/**
 * "None of the n entries is valid" has a singular: a feed with one broken entry says "the one
 * entry", by the language's plural rules, in the widget's technical line and the console.
 */
import { expect, fixture } from '@open-wc/testing';
import { captureWarnings, settled, textOf } from '../helpers.js';
import '../../src/partner-logos/partner-logos.js';
import '../../src/mitfahrbank-map/mitfahrbank-map.js';
import type { WidgetElement } from '../../src/core/widget-element.js';

async function show(
  lang: 'de' | 'en',
  groups: unknown[],
  tag = 'partner-logos',
  data: unknown = { groups },
): Promise<{ text: string; console: string }> {
  let el!: WidgetElement;
  const warnings = await captureWarnings(async () => {
    const holder = await fixture<HTMLElement>(`<div lang="${lang}"><${tag} eager view="list"></${tag}></div>`);
    el = holder.firstElementChild as WidgetElement;
    el.data = data;
    await settled(el);
    await el.updateComplete;
  });
  return { text: textOf(el), console: warnings.join('\n') };
}

describe('no valid entry: singular and plural', () => {
  it('English page: “The one entry … is not valid”, and “None of the 2 entries” for two', async () => {
    const one = await show('en', [5]);
    expect(one.text).to.contain('The data contains no valid entry.').and.contain('The one entry in “groups” is not valid');
    expect(one.console).to.contain('The one entry in “groups” is not valid');
    expect(one.text + one.console).not.to.contain('None of the 1');
    const two = await show('en', [5, 6]);
    expect(two.text).to.contain('None of the 2 entries in “groups” is valid');
  });

  it('German page: „Der eine Eintrag … ist ungültig“, and „Keiner der 2 Einträge“ for two', async () => {
    const one = await show('de', [5]);
    expect(one.text).to.contain('Die Daten enthalten keinen gültigen Eintrag.').and.contain('Der eine Eintrag in „groups“ ist ungültig');
    expect(one.console).to.contain('Der eine Eintrag in „groups“ ist ungültig');
    expect(one.text + one.console).not.to.contain('Keiner der 1');
    const two = await show('de', [5, 6]);
    expect(two.text).to.contain('Keiner der 2 Einträge in „groups“ ist gültig');
  });
});

describe('a map without one valid position: singular and plural', () => {
  const bench = (name: string) => ({ id: name, name, position: { lat: 95, lon: 200 } });
  it('“The one bench has no valid coordinates” / „Die eine Bank hat keine gültigen Koordinaten“, plural for two', async () => {
    const en = await show('en', [], 'mitfahrbank-map', { benches: [bench('Marktplatz')] });
    expect(en.text).to.contain('The one bench has no valid coordinates (details in the notes).');
    expect(en.console).to.contain('The one bench has no valid coordinates');
    const en2 = await show('en', [], 'mitfahrbank-map', { benches: [bench('Marktplatz'), bench('Kirche')] });
    expect(en2.text).to.contain('None of the 2 benches has valid coordinates');
    const de = await show('de', [], 'mitfahrbank-map', { benches: [bench('Marktplatz')] });
    expect(de.text).to.contain('Die eine Bank hat keine gültigen Koordinaten (Details in den Hinweisen).');
    const de2 = await show('de', [], 'mitfahrbank-map', { benches: [bench('Marktplatz'), bench('Kirche')] });
    expect(de2.text).to.contain('Keine der 2 Bänke hat gültige Koordinaten');
  });
});
