import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fixture, html, settled } from '../helpers.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import type { EhrenamtCard } from '../../src/ehrenamt-card/ehrenamt-card.component.js';

// Issue 18: the first frame with a feed draws what reaches past the bottom of the screen (the
// card and its text); the check and the partners come right after that frame is painted, below
// the screen, so nothing a visitor sees moves, and updateComplete waits for all of it.

const partner = (i: number) => ({
  name: `Partner ${String(i).padStart(2, '0')}`,
  category: String(i % 10),
  benefit: `${i} % Rabatt`,
  website: `https://example.org/p${i}`,
  locations: [{ street: `Markt ${i}`, postalCode: '06499', city: 'Harzstedt' }],
});

const programme = (partners: number, description = 'Danke für Ihr Engagement.') => ({
  name: 'Ehrenamtskarte Harzstedt',
  region: 'Harzstedt',
  description,
  benefits: ['Ermäßigungen bei Partnern'],
  tiers: [{ id: 'blau', name: 'blaue Karte', colour: 'blue', validityYears: 3, rule: { type: 'age', min: 16 } }],
  apply: { url: 'https://example.org/antrag', phone: '03946 123' },
  partners: Array.from({ length: partners }, (_, i) => partner(i)),
});

interface Seen {
  frame: number;
  blocks: number;
  partners: number;
  bottom: number;
  headingTop: number;
  /** The "how to apply" text is drawn. */
  apply: boolean;
  /** Disclosures (phone layout): how many there are, and how many have their text drawn. */
  sections: number;
  sectionsFilled: number;
  /** Every disclosure button's aria-controls names an element that exists. */
  controlsExist: boolean;
}

/** Every state the card's shadow root passed through with content, and the frame it was in. */
async function watch(data: unknown, attrs: Record<string, string> = {}, hidden = false, width = '') {
  let frame = 0;
  let ticking = true;
  const tick = () => {
    frame++;
    if (ticking) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const seen: Seen[] = [];
  const el = document.createElement('ehrenamt-card') as EhrenamtCard;
  el.setAttribute('eager', '');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const host = await fixture(html`<div ?hidden=${hidden} style=${width ? `width: ${width}` : ''}></div>`);
  host.append(el);
  const observer = new MutationObserver(() => {
    const base = el.shadowRoot!.querySelector('.base');
    if (!base) return;
    seen.push({
      frame,
      blocks: base.children.length,
      partners: el.shadowRoot!.querySelectorAll('.partner').length,
      bottom: base.getBoundingClientRect().bottom,
      headingTop: el.shadowRoot!.querySelector('#card-h')?.getBoundingClientRect().top ?? NaN,
      apply: !!el.shadowRoot!.querySelector('.apply'),
      sections: el.shadowRoot!.querySelectorAll('.sec').length,
      sectionsFilled: [...el.shadowRoot!.querySelectorAll('.sec')].filter((sec) => sec.children.length > 0).length,
      controlsExist: [...el.shadowRoot!.querySelectorAll('[aria-controls]')].every(
        (b) => !!el.shadowRoot!.getElementById(b.getAttribute('aria-controls')!),
      ),
    });
  });
  observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  el.data = data;
  await settled(el);
  observer.disconnect();
  ticking = false;
  return { el, seen };
}

describe('ehrenamt-card: the first screen first', () => {
  it('draws the card and its text first, the check and the partners after that frame, nothing on screen moving', async () => {
    // A text longer than any test window, so the card alone reaches below the screen.
    const { el, seen } = await watch(programme(30, 'Danke für Ihr Engagement in Verein, Feuerwehr und Nachbarschaft. '.repeat(40)));
    const first = seen[0];
    const last = seen.at(-1)!;
    const states = seen.map((s) => `${s.blocks} blocks/${s.partners} partners/frame ${s.frame}`).join(', ');
    expect(first.blocks, states).to.equal(1); // the card section alone
    expect(first.partners, states).to.equal(0);
    expect(first.bottom >= innerHeight, `first frame ends at ${first.bottom}, screen at ${innerHeight}`).to.equal(true);
    // The rest came in a later frame, after the first was painted…
    expect(last.frame > first.frame, states).to.equal(true);
    expect(last.blocks).to.equal(3);
    // …below it: the card's heading is where it was.
    expect(last.headingTop).to.equal(first.headingTop);
    // updateComplete resolved with everything: the check, a page of partners and the button for the rest.
    const root = el.shadowRoot!;
    expect(!!root.querySelector('.check form'), 'the self-check form').to.equal(true);
    expect(root.querySelectorAll('.partner').length).to.equal(20);
    expect(root.querySelector('button.more')?.textContent).to.contain('Mehr anzeigen (10 weitere)');
  });

  it('with its feed in when it connects, draws the card in its first render, never "loading" first', async () => {
    // The self-check's chunk is preloaded with the card's code by the loader; here it is in the module map.
    await import('../../src/ehrenamt-card/ehrenamt-card.parts.js');
    for (const inline of [false, true]) {
      const el = document.createElement('ehrenamt-card') as EhrenamtCard;
      if (inline) {
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = JSON.stringify(programme(3));
        el.append(script);
      } else el.data = programme(3);
      const host = await fixture(html`<div></div>`);
      const added: string[] = [];
      // The widget's "loading" view, not the check's own line inside the drawn card.
      const observer = new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes) {
            if (!(n instanceof Element)) continue;
            const loading = n.matches('[part~="loading"]') ? n : n.querySelector('[part~="loading"]');
            if (loading && !loading.closest('[part~="base"]')) added.push('loading');
            if (n.matches('[part~="base"]') || n.querySelector('[part~="base"]')) added.push('base');
          }
      });
      host.append(el);
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
      await settled(el);
      observer.disconnect();
      const how = inline ? 'inline JSON' : 'data';
      expect(added[0], `${how}: ${added.join(', ')}`).to.equal('base');
      expect(added.includes('loading'), `${how}: ${added.join(', ')}`).to.equal(false);
      // …and, once complete, the rule in words ("who" may be a closed disclosure on a narrow screen).
      expect(el.shadowRoot!.querySelector('[part="base"]')!.textContent, how).to.contain('mindestens 16 Jahre alt');
      host.remove();
    }
  });

  it('draws the "how to apply" text below the screen after the first frame, and in it when it is on the screen', async () => {
    const long = await watch(programme(0, 'Danke für Ihr Engagement. '.repeat(400)), { sections: 'card' });
    const states = long.seen.map((s) => `apply ${s.apply}/frame ${s.frame}`).join(', ');
    expect(long.seen[0].apply, states).to.equal(false);
    expect(long.seen[0].bottom >= innerHeight, `first frame ends at ${long.seen[0].bottom}`).to.equal(true);
    expect(long.seen.at(-1)!.apply, states).to.equal(true);
    expect(long.seen.at(-1)!.frame > long.seen[0].frame, states).to.equal(true);
    expect(long.seen.at(-1)!.headingTop).to.equal(long.seen[0].headingTop);
    const link = long.el.shadowRoot!.querySelector<HTMLAnchorElement>('.apply a.button')!;
    expect(link.href).to.equal('https://example.org/antrag');
    // A short card: the text is on the screen, so it is in the first frame with content.
    long.el.parentElement!.remove();
    const short = await watch({ ...programme(0, 'Danke.'), benefits: [], tiers: [] }, { sections: 'card' });
    expect(short.seen.at(-1)!.bottom < innerHeight, `card ends at ${short.seen.at(-1)!.bottom}`).to.equal(true);
    expect(short.seen.find((s) => s.apply)?.frame, short.seen.map((s) => `apply ${s.apply}/frame ${s.frame}`).join(', ')).to.equal(
      short.seen[0].frame,
    );
  });

  it('on a phone, fills the closed sections after the first frame; their buttons work from the start', async () => {
    const { el, seen } = await watch(programme(3), {}, false, '360px');
    expect(el.hasAttribute('narrow'), 'narrow layout').to.equal(true);
    const states = seen.map((s) => `${s.sectionsFilled}/${s.sections} filled, frame ${s.frame}`).join(', ');
    expect(seen[0].sections, states).to.equal(3); // benefits, who, apply
    expect(seen[0].sectionsFilled, states).to.equal(0);
    expect(
      seen.every((s) => s.controlsExist),
      'aria-controls targets',
    ).to.equal(true);
    expect(seen.at(-1)!.sectionsFilled, states).to.equal(3);
    const root = el.shadowRoot!;
    const button = root.querySelector<HTMLButtonElement>('button.disclose[aria-controls="sec-apply"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const body = root.getElementById('sec-apply')!;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(body.hidden).to.equal(false);
    expect(body.textContent).to.contain('03946 123');
    expect(root.activeElement === button, 'focus stays on the button').to.equal(true);
  });

  it('draws a card shorter than the screen whole in its first frame', async () => {
    const { el, seen } = await watch({ ...programme(2), tiers: [], benefits: [], apply: undefined }, { sections: 'card partners' });
    const last = seen.at(-1)!;
    // The precondition of this test: the whole card fits on the screen.
    expect(last.bottom < innerHeight, `card ends at ${last.bottom}, screen at ${innerHeight}`).to.equal(true);
    // The first state with all of it (later ones only add icons) was in the first frame with content.
    const whole = seen.find((s) => s.blocks === last.blocks && s.partners === last.partners)!;
    expect(whole.frame, seen.map((s) => `${s.blocks}/${s.partners}@${s.frame}`).join(', ')).to.equal(seen[0].frame);
    expect(el.shadowRoot!.querySelectorAll('.partner').length).to.equal(2);
  });

  it('draws a hidden card (in a closed tab) whole after one frame, not six partners at a time', async () => {
    const { el, seen } = await watch(programme(30), {}, true);
    // Every number of partners it held on the way: none, then the page (no 6, 12, 18).
    const counts = [...new Set(seen.map((s) => s.partners))];
    expect(counts.join(', ')).to.equal('0, 20');
    expect(el.shadowRoot!.querySelectorAll('.partner').length).to.equal(20);
  });

  it('leaves no partner out: each is laid out, the status says how many of them are shown, and the keyboard reaches the next page', async () => {
    const { el } = await watch(programme(26, 'Danke. '.repeat(300)));
    const root = el.shadowRoot!;
    const headings = () => [...root.querySelectorAll<HTMLElement>('.partner .h')];
    expect(headings().map((h) => h.textContent!.trim())).to.deep.equal(
      Array.from({ length: 20 }, (_, i) => `Partner ${String(i).padStart(2, '0')}`),
    );
    // Laid out (find-in-page and screen readers see them), not skipped.
    expect(headings().every((h) => h.getBoundingClientRect().height > 0)).to.equal(true);
    // The status line (a live region) says that this is a page of the list.
    const status = () => root.querySelector('[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(status()).to.equal('26 Partner gefunden – 20 davon angezeigt');
    const more = root.querySelector<HTMLButtonElement>('button.more')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headings()).to.have.length(26);
    expect(status()).to.equal('26 Partner gefunden');
    // Focus on the first new partner, not on <body>.
    expect(root.activeElement?.getAttribute('data-i')).to.equal('20');
    await expect(el).to.be.accessible();
  });
});
