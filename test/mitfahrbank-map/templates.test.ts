// A file of its own: lit prepares each template once per page, on its first use, so only a fresh page
// shows how many the first screen needs (each one's HTML parsed and its parts found before the first
// frame, issue 18). Same text and order as before the region's pieces were shared.
import { expect } from '@open-wc/testing';
import '../../src/mitfahrbank-map/mitfahrbank-map.js';
import type { MitfahrbankMap } from '../../src/mitfahrbank-map/mitfahrbank-map.component.js';
import { countTemplates } from '../templates-count.js';
import { $$ } from './helpers.js';

const region = {
  title: 'Mitfahrbänke im Harz',
  intro: 'Zeile eins',
  howToRide: 'Hinsetzen.',
  drivers: 'Aufkleber im Rathaus.',
  contact: { name: 'Bürgerbüro', phone: '03946 123-45', email: 'buero@harzstedt.de', url: 'https://www.harzstedt.de/mitfahren/' },
};
const benches = [
  { id: 'a', name: 'Marktplatz', position: { lat: 51.73, lon: 11.26 }, destinations: ['Quedlinburg'] },
  { id: 'b', name: 'Bahnhof', position: { lat: 51.74, lon: 11.27 }, destinations: ['Thale'] },
];

describe('<mitfahrbank-map>: templates of the first screen', () => {
  it('the text screen before consent prepares 15 of lit’s templates (the widget’s 13, <st-map>’s 2), 16 before', async () => {
    const el = document.createElement('mitfahrbank-map') as MitfahrbankMap;
    el.eager = true;
    el.data = { region, benches };
    const made = await countTemplates(async () => {
      document.body.append(el);
      await el.updateComplete;
      await el.shadowRoot!.querySelector<MitfahrbankMap>('st-map')!.updateComplete;
    });
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Mitfahrbänke im Harz').and.contain('2 Mitfahrbänke').and.contain('Kontakt');
    const summaries = $$(el, '[part="region"] summary').map((s) => s.textContent!.trim());
    expect(summaries.join(' | ')).to.equal('So fahren Sie mit | Für Fahrerinnen und Fahrer | Kontakt');
    expect(made).to.equal(15);
    el.remove();
  });
});
