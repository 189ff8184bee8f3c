// The region's texts around the map: the intro above, "how to ride", "for drivers" and the contact
// below, as closed sections. Their pieces are shared templates (one per kind, however often they
// show); these pin down what a visitor reads and can follow in them, in the page's order.
import { expect } from '@open-wc/testing';
import { $, $$, html, widget } from './helpers.js';

const bench = { id: 'x', name: 'Bank', position: { lat: 51.73, lon: 11.26 }, destinations: ['Quedlinburg'] };
const region = {
  title: 'Mitfahrbänke im Harz',
  intro: 'Zeile eins\nZeile zwei',
  howToRide: 'Hinsetzen.\nSchild zeigen.',
  drivers: 'Aufkleber im Rathaus.',
  contact: { name: 'Bürgerbüro', phone: '03946 123-45', email: 'buero@harzstedt.de', url: 'https://www.harzstedt.de/mitfahren/' },
};

describe('<mitfahrbank-map> region texts', () => {
  it('intro, the three sections in order, each with its own summary and text', async () => {
    const el = await widget(html`<mitfahrbank-map eager .data=${{ region, benches: [bench] }}></mitfahrbank-map>`);
    expect($(el, '.intro [role="heading"]')!.textContent!.trim()).to.equal('Mitfahrbänke im Harz');
    const intro = $(el, '.intro .pre')!;
    expect(intro.textContent).to.equal('Zeile eins\nZeile zwei');
    expect(getComputedStyle(intro).whiteSpace).to.match(/pre/, 'its line breaks show');
    const sections = $$<HTMLDetailsElement>(el, '[part="region"] details');
    expect(sections.map((d) => d.querySelector('summary')!.textContent!.trim())).to.deep.equal([
      'So fahren Sie mit',
      'Für Fahrerinnen und Fahrer',
      'Kontakt',
    ]);
    expect(sections.map((d) => d.open).join()).to.equal('false,false,false', 'closed until opened');
    expect(sections[0].querySelector('.pre')!.textContent).to.equal('Hinsetzen.\nSchild zeigen.');
    expect(sections[1].querySelector('.pre')!.textContent).to.equal('Aufkleber im Rathaus.');
  });

  it('contact: one line each, phone and e-mail as links, the web address shortened', async () => {
    const el = await widget(html`<mitfahrbank-map eager .data=${{ region, benches: [bench] }}></mitfahrbank-map>`);
    const section = $$<HTMLDetailsElement>(el, '[part="region"] details')[2];
    section.open = true; // innerText reads lines only where the text is rendered
    const p = section.querySelector('p')!;
    expect(p.innerText.split('\n').map((s) => s.trim())).to.deep.equal([
      'Bürgerbüro',
      '03946 123-45',
      'buero@harzstedt.de',
      'harzstedt.de/mitfahren',
    ]);
    const links = [...p.querySelectorAll('a')].map((a) => `${a.getAttribute('href')} ${a.textContent}`);
    expect(links).to.deep.equal([
      'tel:0394612345 03946 123-45',
      'mailto:buero@harzstedt.de buero@harzstedt.de',
      'https://www.harzstedt.de/mitfahren/ harzstedt.de/mitfahren',
    ]);
    // One shared link template: only the web address gets rel="noopener"; tel: and mailto: none at all.
    expect([...p.querySelectorAll('a')].map((a) => String(a.getAttribute('rel'))).join()).to.equal('null,null,noopener');
  });

  it('contact: a number or address that cannot be a link stays text; missing parts leave no empty line', async () => {
    const contact = { phone: 'ab Montag', email: 'im Rathaus' };
    const el = await widget(html`<mitfahrbank-map eager .data=${{ region: { contact }, benches: [bench] }}></mitfahrbank-map>`);
    expect($$(el, '.intro').length).to.equal(0, 'no intro without title and intro');
    const sections = $$<HTMLDetailsElement>(el, '[part="region"] details');
    expect(sections.length).to.equal(1);
    sections[0].open = true;
    const p = sections[0].querySelector('p')!;
    expect(p.querySelectorAll('a').length).to.equal(0);
    expect(p.querySelectorAll('br').length).to.equal(2);
    expect(
      p.innerText
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    ).to.deep.equal(['ab Montag', 'im Rathaus']);
  });
});
