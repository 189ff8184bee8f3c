import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { emulateMedia, resetMedia } from '../media.js';
import { captureWarnings, fixture, html, markupOf, settled, textOf } from '../helpers.js';
import '../../src/partner-logos/partner-logos.js';
import type { PartnerLogos } from '../../src/partner-logos/partner-logos.component.js';
import { logoBox } from '../../src/partner-logos/partner-logos.model.js';

const LOGOS = '/demo/assets/logos/';
/** A fresh URL per call, so the browser really loads the image while the test watches. */
let n = 0;
const logo = (file: string, width?: number, height?: number, extra: Record<string, unknown> = {}) => ({
  src: `${LOGOS}${file}?t=${Date.now()}-${n++}`,
  width,
  height,
  ...extra,
});

const workshop = () => ({
  groups: [
    {
      heading: 'Ein Gemeinschaftsprojekt von',
      partners: [
        { name: 'IÖW', url: 'https://www.ioew.de/', logo: logo('ioew.svg', 260, 80) },
        { name: 'BTU Cottbus-Senftenberg', url: 'https://www.b-tu.de/', logo: logo('btu.svg', 360, 90) },
        { name: 'Bundesverband Soziokultur', url: 'https://www.soziokultur.de/', logo: logo('soziokultur.svg', 120, 120) },
        { name: 'Werktewandel e.V.', logo: logo('werktewandel.svg', 100, 130) },
      ],
    },
    {
      heading: 'Gefördert durch',
      notice: 'Gefördert durch das Musterministerium aufgrund eines Beschlusses des Deutschen Bundestages.',
      greyscale: false,
      partners: [
        {
          name: 'Musterministerium',
          minHeight: 96,
          scale: false,
          logo: logo('musterministerium.svg', 240, 160, { darkSrc: `${LOGOS}musterministerium-dark.svg` }),
        },
      ],
    },
  ],
});

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];

async function widget(
  data: unknown,
  attrs: Partial<Record<'layout' | 'theme' | 'target' | 'lang' | 'heading-level' | 'min-height', string>> = {},
  flags: { greyscale?: boolean; textOnly?: boolean } = {},
) {
  const el = await fixture<PartnerLogos>(
    html`<partner-logos
      eager
      .data=${data}
      layout=${attrs.layout ?? 'grid'}
      theme=${attrs.theme ?? 'light'}
      target=${attrs.target ?? ''}
      lang=${attrs.lang ?? 'de'}
      heading-level=${attrs['heading-level'] ?? '2'}
      min-height=${attrs['min-height'] ?? '44'}
      ?greyscale=${flags.greyscale}
      ?text-only=${flags.textOnly}
    ></partner-logos>`,
  );
  await settled(el);
  return el;
}

/** Waits until every logo image has loaded or failed. */
async function imagesDone(el: Element) {
  await Promise.all(
    $$<HTMLImageElement>(el, 'img').map((img) =>
      img.complete
        ? undefined
        : new Promise((r) => {
            img.addEventListener('load', r, { once: true });
            img.addEventListener('error', r, { once: true });
          }),
    ),
  );
  await aTimeout(50);
}

describe('<partner-logos>', () => {
  afterEach(async () => {
    await resetMedia();
    await resetMouse();
  });

  describe('states', () => {
    it('shows the workshop block: groups with real headings, logos named after the partners, the notice', async () => {
      const el = await widget(workshop());
      const headings = $$(el, 'h2');
      expect(headings.map((h) => h.textContent)).to.deep.equal(['Ein Gemeinschaftsprojekt von', 'Gefördert durch']);
      expect($$<HTMLImageElement>(el, 'img').map((i) => i.alt)).to.deep.equal([
        'IÖW',
        'BTU Cottbus-Senftenberg',
        'Bundesverband Soziokultur',
        'Werktewandel e.V.',
        'Musterministerium',
      ]);
      expect($(el, '[part="notice"]')!.textContent).to.contain('Beschlusses des Deutschen Bundestages');
      await imagesDone(el);
      await expect(el).to.be.accessible();
    });

    it('loads the demo feed from src and announces the count', async () => {
      const el = document.createElement('partner-logos');
      el.eager = true;
      el.src = '/demo/data/partners.json';
      const loaded = oneEvent(el, 'st-load');
      document.body.append(el);
      try {
        expect((await loaded).detail.count).to.equal(8);
        await settled(el);
        // relative logo paths resolve against the feed, not the page
        expect($<HTMLImageElement>(el, 'img')!.src).to.equal(new URL('/demo/assets/logos/ioew.svg', location.href).href);
        await imagesDone(el);
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    });

    it('shows a calm loading state, or the fallback content while loading', async () => {
      const el = await fixture<PartnerLogos>(html`<partner-logos eager src="/mock/slow?ms=400"></partner-logos>`);
      expect($(el, '[part="loading"]')!.textContent).to.contain('Wird geladen');
      await expect(el).to.be.accessible();
      const withFallback = await fixture<PartnerLogos>(
        html`<partner-logos eager src="/mock/slow?ms=400"><p>Ein Gemeinschaftsprojekt von IÖW und BTU</p></partner-logos>`,
      );
      const slot = $<HTMLSlotElement>(withFallback, '[part="loading"] slot')!;
      expect(slot.assignedElements()[0].textContent).to.contain('IÖW und BTU');
      await expect(withFallback).to.be.accessible();
    });

    it('says so when there are no partners', async () => {
      const el = await widget({ groups: [] });
      expect($(el, '[part="empty"]')!.textContent).to.contain('Noch keine Partner');
      await expect(el).to.be.accessible();
    });

    it('shows an error with retry when the feed fails, and the fallback content instead when there is one', async () => {
      const el = await fixture<PartnerLogos>(html`<partner-logos eager src="/mock/status?code=404&key=pl-404"></partner-logos>`);
      await captureWarnings(() => settled(el));
      expect(textOf(el)).to.contain('Die Partner können gerade nicht angezeigt werden.');
      expect($(el, '[part="error"] button')).to.exist;
      await expect(el).to.be.accessible();

      const fb = await fixture<PartnerLogos>(
        html`<partner-logos eager src="/mock/status?code=404&key=pl-404b"><p>Gefördert durch das Land</p></partner-logos>`,
      );
      await captureWarnings(() => settled(fb));
      const slot = $<HTMLSlotElement>(fb, '[part="error"] slot')!;
      expect(slot.assignedElements()[0].textContent).to.equal('Gefördert durch das Land');
      expect(textOf(fb)).not.to.contain('nicht angezeigt werden');
    });

    it('reports bad data with the item and field, and shows the valid partners', async () => {
      let el!: PartnerLogos;
      const warnings = await captureWarnings(async () => {
        el = await widget({
          groups: [{ heading: 'Partner', partners: [{ name: '' }, { name: 'Gut', logo: { width: 3 } }, { name: 'Land' }] }],
        });
      });
      expect(textOf(el)).to.contain('Land');
      expect(warnings.join('\n')).to.contain('groups[0].partners[0]').and.contain('name').and.contain('(„Gut“)');
      await expect(el).to.be.accessible();
    });

    it('shows an error when no partner at all is valid', async () => {
      let el!: PartnerLogos;
      await captureWarnings(async () => {
        el = await widget({ groups: [{ heading: 'Partner', partners: [{ title: 'x' }] }] });
      });
      expect($(el, '[part="error"]')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('headings', () => {
    it('uses the heading level the webmaster sets, 2–6', async () => {
      const el = await widget(workshop(), { 'heading-level': '4' });
      expect($$(el, 'h4')).to.have.length(2);
      expect($$(el, 'h2')).to.have.length(0);
      const wrong = await widget(workshop(), { 'heading-level': '9' });
      expect($$(wrong, 'h2')).to.have.length(2);
    });
  });

  describe('optical size', () => {
    it('gives wide and square logos about the same area, within the height limits', () => {
      const square = logoBox({ width: 120, height: 120 }, { scale: true }, 44);
      const wide = logoBox({ width: 300, height: 100 }, { scale: true }, 44);
      const area = (b: { width: number; height: number }) => b.width * b.height;
      expect(square).to.deep.include({ width: 88, height: 88 });
      expect(area(wide) / area(square)).to.be.within(0.95, 1.05);
      expect(wide.height).to.be.below(square.height);
      // a very wide logo stops at the minimum height; a tall one at 1.25 × the square
      expect(logoBox({ width: 1000, height: 100 }, { scale: true }, 44).height).to.equal(44);
      expect(logoBox({ width: 50, height: 200 }, { scale: true }, 44).height).to.equal(110);
    });

    it('lets the funder’s minimum height win, and a logo opt out of area scaling', () => {
      expect(logoBox({ width: 1000, height: 100 }, { scale: true, minHeight: 70 }, 44)).to.deep.include({ height: 70, width: 700 });
      expect(logoBox({ width: 300, height: 100 }, { scale: false }, 44)).to.deep.include({ height: 88, width: 264 });
      expect(logoBox({ width: 300, height: 100 }, { scale: false, minHeight: 120 }, 44).height).to.equal(120);
    });

    it('shows the logos at balanced sizes on the page, with the configured minimum height', async () => {
      const el = await widget(workshop(), { 'min-height': '40' });
      await imagesDone(el);
      const boxes = $$(el, '[part="logo"]').map((b) => b.getBoundingClientRect());
      const [ioew, btu, square] = boxes;
      expect(square.width).to.be.closeTo(80, 1);
      expect((ioew.width * ioew.height) / (square.width * square.height)).to.be.within(0.9, 1.1);
      expect(btu.height).to.be.closeTo(40, 1);
      // the funder: not scaled by area, at least 96 px high
      expect(boxes[4].height).to.be.closeTo(96, 1);
    });

    it('reserves each logo’s space before it loads: no layout shift while logos load (and the measurement does catch one)', async () => {
      // A slow network, simulated: image addresses are held back until the page has painted.
      const held: (() => void)[] = [];
      const setAttribute = Element.prototype.setAttribute;
      Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
        if (this instanceof HTMLImageElement && name === 'src') held.push(() => setAttribute.call(this, name, value));
        else setAttribute.call(this, name, value);
      };
      const release = async () => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        held.splice(0).forEach((go) => go());
      };
      // The shift a reader sees: the text below the logos moving (measured the same way in every
      // engine; the Layout Instability API exists only in Chromium).
      const top = (el: Element) => el.getBoundingClientRect().top;
      try {
        const data = workshop();
        // a logo without sizes is fitted into a fixed box: still no shift
        data.groups[0].partners.push({ name: 'Ohne Maße', logo: logo('zukunftsorte.svg') } as never);
        const wrap = await fixture<HTMLDivElement>(html`<div>
          <partner-logos eager .data=${data}></partner-logos>
          <p>Text unter den Logos</p>
        </div>`);
        const el = wrap.querySelector('partner-logos')!;
        await captureWarnings(() => settled(el));
        const text = wrap.querySelector('p')!;
        const before = top(text);
        const imgs = $$<HTMLImageElement>(el, 'img');
        expect(held.length, 'logo addresses held back').to.equal(imgs.length);
        await release();
        await imagesDone(el);
        expect(
          imgs.every((i) => i.naturalWidth > 0),
          'logos loaded while watching',
        ).to.equal(true);
        await new Promise((r) => requestAnimationFrame(r));
        expect(top(text), 'the text below did not move').to.equal(before);

        // control: the same situation with an image without reserved space does shift the text below it
        const control = await fixture<HTMLDivElement>(
          html`<div><img src=${`${LOGOS}soziokultur.svg?c=${Date.now()}`} alt="" /><p>Text</p></div>`,
        );
        const img = control.querySelector('img')!;
        const controlText = control.querySelector('p')!;
        const controlBefore = top(controlText);
        const loaded = new Promise((r) => img.addEventListener('load', r, { once: true }));
        await release();
        await loaded;
        await new Promise((r) => requestAnimationFrame(r));
        expect(top(controlText), 'without reserved space the text below moves').to.be.above(controlBefore);
      } finally {
        Element.prototype.setAttribute = setAttribute;
      }
    });

    it('lets logos below the fold wait (lazy loading)', async () => {
      const wrap = await fixture<HTMLDivElement>(
        html`<div style="padding-top: 8000px"><partner-logos eager .data=${workshop()}></partner-logos></div>`,
      );
      const el = wrap.querySelector('partner-logos')!;
      await settled(el);
      await aTimeout(150);
      const imgs = $$<HTMLImageElement>(el, 'img');
      expect(imgs.some((i) => i.complete)).to.equal(false);
      el.scrollIntoView();
      await imagesDone(el);
      expect(imgs.every((i) => i.naturalWidth > 0)).to.equal(true);
      window.scrollTo(0, 0);
    });

    it('loads logos lazily with their size reserved in the markup', async () => {
      const el = await widget(workshop());
      for (const img of $$<HTMLImageElement>(el, 'img')) {
        expect(img.loading).to.equal('lazy');
        expect(Number(img.getAttribute('width'))).to.be.above(0);
        expect(Number(img.getAttribute('height'))).to.be.above(0);
      }
    });
  });

  describe('broken logos', () => {
    it('shows the partner’s name as text in the same box', async () => {
      const data = {
        groups: [
          {
            heading: 'Partner',
            partners: [
              { name: 'Verein Ohne Bild', url: 'https://example.org/', logo: { src: '/nowhere/missing.svg', width: 200, height: 100 } },
            ],
          },
        ],
      };
      let el!: PartnerLogos;
      const warnings = await captureWarnings(async () => {
        el = await widget(data);
        const before = $(el, '[part="logo"]')!.getBoundingClientRect();
        // The image's error event replaces it with the name (a 404 can take long on a busy machine).
        await waitUntil(() => !$(el, 'img'), 'the broken logo gives way to the name', { timeout: 5000 });
        const after = $(el, '[part="logo"]')!.getBoundingClientRect();
        expect(after.width).to.equal(before.width);
        expect(after.height).to.equal(before.height);
      });
      expect(markupOf($(el, 'img'))).to.equal(null);
      const name = $(el, '[part="name"]')!;
      expect(getComputedStyle(name).display).not.to.equal('none');
      expect(name.textContent).to.equal('Verein Ohne Bild');
      expect($<HTMLAnchorElement>(el, 'a')!.textContent!.trim()).to.equal('Verein Ohne Bild');
      expect(warnings.join('\n')).to.contain('Verein Ohne Bild').and.contain('missing.svg');
      await expect(el).to.be.accessible();
    });
  });

  describe('links', () => {
    it('links safely: http(s) only, rel="noopener", the logo names the link', async () => {
      const el = await widget(workshop());
      const links = $$<HTMLAnchorElement>(el, 'a');
      expect(links).to.have.length(3);
      for (const a of links) {
        expect(a.rel).to.equal('noopener');
        expect(a.target).to.equal('');
      }
      expect(links[0].querySelector('img')!.alt).to.equal('IÖW');
    });

    it('never turns javascript: URLs into links (bad input)', async () => {
      let el!: PartnerLogos;
      const warnings = await captureWarnings(async () => {
        el = await widget({
          groups: [
            {
              heading: 'Partner',
              partners: [
                { name: 'Böse', url: 'javascript:alert(1)', logo: logo('ioew.svg', 260, 80) },
                { name: 'Auch böse', url: ' JAVASCRIPT:alert(2)' },
              ],
            },
          ],
        });
      });
      expect($$(el, 'a')).to.have.length(0);
      expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
      expect(textOf(el)).to.contain('Auch böse');
      expect(warnings.join('\n')).to.contain('unsichere URL');
    });

    it('announces links that open a new tab (feed or target attribute) with hidden text and an icon', async () => {
      const data = {
        groups: [
          {
            heading: 'Partner',
            partners: [
              { name: 'Neu', url: 'https://example.org/', newTab: true, logo: logo('ioew.svg', 260, 80) },
              { name: 'Alt', url: 'https://example.com/' },
            ],
          },
        ],
      };
      const el = await widget(data);
      const [neu, alt] = $$<HTMLAnchorElement>(el, 'a');
      expect(neu.target).to.equal('_blank');
      expect(neu.rel).to.equal('noopener');
      expect(neu.querySelector('.visually-hidden')!.textContent).to.contain('öffnet in neuem Tab');
      expect(neu.querySelector('svg.ext')!.getAttribute('aria-hidden')).to.equal('true');
      expect(alt.target).to.equal('');
      expect(markupOf(alt.querySelector('.ext'))).to.equal(null);
      await expect(el).to.be.accessible();

      const all = await widget(data, { target: '_blank', lang: 'en' });
      const links = $$<HTMLAnchorElement>(all, 'a');
      expect(links.every((a) => a.target === '_blank')).to.equal(true);
      expect(links[1].textContent).to.contain('(opens in a new tab)');
    });
  });

  describe('bad input', () => {
    it('uses SVG logos only through <img>, never inline; data: and javascript: logos become the name', async () => {
      let el!: PartnerLogos;
      await captureWarnings(async () => {
        el = await widget({
          groups: [
            {
              heading: 'Partner',
              partners: [
                { name: 'SVG', logo: logo('soziokultur.svg', 120, 120) },
                {
                  name: 'Eingebettet',
                  logo: { src: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', width: 10, height: 10 },
                },
                { name: 'Skript', logo: { src: 'javascript:alert(1)', width: 10, height: 10 } },
              ],
            },
          ],
        });
      });
      const imgs = $$<HTMLImageElement>(el, 'img');
      expect(imgs).to.have.length(1);
      expect(imgs[0].src).to.match(/soziokultur\.svg/);
      expect($$(el, 'object, embed, iframe, use, image, foreignObject')).to.have.length(0);
      // the only inline SVGs are the widget's own icons
      expect($$(el, 'svg').every((s) => s.getAttribute('aria-hidden') === 'true')).to.equal(true);
      expect(textOf(el)).to.contain('Eingebettet').and.contain('Skript');
    });

    it('fits logos without sizes into a fixed box', async () => {
      let el!: PartnerLogos;
      const warnings = await captureWarnings(async () => {
        el = await widget({
          groups: [
            {
              heading: 'Partner',
              partners: [
                { name: 'Ohne', logo: { src: `${LOGOS}btu.svg` } },
                { name: 'Null', logo: { src: `${LOGOS}ioew.svg`, width: 0, height: 80 } },
              ],
            },
          ],
        });
      });
      const imgs = $$<HTMLImageElement>(el, 'img');
      const box = logoBox(undefined, { scale: true }, 44);
      for (const img of imgs) {
        expect([img.width, img.height]).to.deep.equal([box.width, box.height]);
        expect(getComputedStyle(img).objectFit).to.equal('contain');
      }
      expect(warnings.join('\n')).to.contain('Ohne').and.contain('width/height');
    });

    it('skips empty groups', async () => {
      let el!: PartnerLogos;
      await captureWarnings(async () => {
        el = await widget({
          groups: [{ heading: 'Leer', partners: [] }, { heading: 'Gefördert durch', partners: [{ name: 'Land' }] }, { heading: 'Fehlt' }],
        });
      });
      expect($$(el, 'h2').map((h) => h.textContent)).to.deep.equal(['Gefördert durch']);
      await expect(el).to.be.accessible();
    });
  });

  describe('appearance', () => {
    it('greyscale until hover, except groups and logos that opt out', async () => {
      const el = await widget(workshop(), {}, { greyscale: true });
      await imagesDone(el);
      const imgs = $$<HTMLImageElement>(el, 'img');
      expect(getComputedStyle(imgs[0]).filter).to.equal('grayscale(1)');
      expect(getComputedStyle(imgs[4]).filter, 'funder group opted out').to.equal('none');
      const r = imgs[0].getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
      // The colour fades in (a 0.2 s transition): wait for it to end, not for a guessed time.
      void getComputedStyle(imgs[0]).filter; // a style read starts the transition
      await Promise.all(imgs[0].getAnimations().map((a) => a.finished));
      expect(getComputedStyle(imgs[0]).filter).to.equal('none');
      await expect(el).to.be.accessible();
    });

    it('uses the dark variant with theme="dark", and a light plate for logos without one', async () => {
      const el = await widget(workshop(), { theme: 'dark' });
      const imgs = $$<HTMLImageElement>(el, 'img');
      expect(imgs[4].src).to.match(/musterministerium-dark\.svg$/);
      expect(imgs[0].src).to.match(/ioew\.svg/);
      expect(getComputedStyle(imgs[0].parentElement!).backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(imgs[4].parentElement!).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      const light = await widget(workshop());
      expect($$<HTMLImageElement>(light, 'img')[4].src).not.to.contain('-dark');
    });

    it('with theme="auto" shows the dark variant on a dark page, not merely in a dark system', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await widget(workshop(), { theme: 'auto' });
      expect($$<HTMLImageElement>(el, 'img')[4].src).not.to.contain('-dark');
      document.body.style.background = '#101214';
      try {
        const dark = await widget(workshop(), { theme: 'auto' });
        expect($$<HTMLImageElement>(dark, 'img')[4].src).to.match(/musterministerium-dark\.svg$/);
      } finally {
        document.body.style.background = '';
      }
    });

    it('text-only shows the names (and links) instead of logos', async () => {
      const el = await widget(workshop(), {}, { textOnly: true });
      expect($$(el, 'img')).to.have.length(0);
      expect(textOf(el)).to.contain('IÖW').and.contain('BTU Cottbus-Senftenberg').and.contain('Musterministerium');
      expect($$(el, 'a')).to.have.length(3);
      await expect(el).to.be.accessible();
    });

    it('prints the names as text', async () => {
      const el = await widget(workshop());
      await emulateMedia({ media: 'print' });
      const img = $(el, 'img')!;
      const name = $(el, '[part="name"]')!;
      expect(getComputedStyle(img).display).to.equal('none');
      expect(getComputedStyle(name).display).to.equal('inline');
      await emulateMedia({ media: 'screen' });
      expect(getComputedStyle(name).display).to.equal('none');
    });

    it('layout row keeps each group on one line, and wraps rather than shrinking logos to crumbs', async () => {
      // min-height (44 px) is the floor: a logo never gets shorter, the line wraps first.
      const el = await fixture<HTMLDivElement>(
        html`<div style="width: 760px"><partner-logos eager layout="row" .data=${workshop()}></partner-logos></div>`,
      );
      const w = el.querySelector('partner-logos')!;
      await settled(w);
      const centres = (root: PartnerLogos) =>
        [...$$(root, '.group')[0].querySelectorAll('li')].map((li) =>
          Math.round(li.getBoundingClientRect().top + li.getBoundingClientRect().height / 2),
        );
      expect(new Set(centres(w)).size).to.equal(1);
      expect($$(w, '.logos')[0].getBoundingClientRect().right).to.be.at.most(w.getBoundingClientRect().right + 1);
      await expect(w).to.be.accessible();

      el.style.width = '260px';
      await aTimeout(50);
      expect(new Set(centres(w)).size).to.be.above(1);
      for (const li of $$(w, '.group li')) expect(li.getBoundingClientRect().width).to.be.at.least(40);
      for (const img of $$(w, '.group img')) expect(img.getBoundingClientRect().height).to.be.at.least(44);
    });
  });

  describe('strip', () => {
    const many = () => {
      const data = workshop();
      (data.groups[0].partners as unknown[]).push(
        { name: 'heimatBEWEGEN e.V.', url: 'https://example.org/h', logo: logo('heimatbewegen.svg', 300, 60) },
        { name: 'Netzwerk Zukunftsorte', url: 'https://example.org/z', logo: logo('zukunftsorte.svg', 200, 100) },
      );
      return data;
    };
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    /** A strip `width` px wide; unless it is to stand `still`, waits until the band has started. */
    async function strip(width = 420, still?: 'still') {
      // The pointer out of the way: a strip under it pauses (Firefox puts it at 0,0 over the strip).
      await sendMouse({ type: 'move', position: [window.innerWidth - 2, window.innerHeight - 2] });
      const wrap = await fixture<HTMLDivElement>(
        html`<div style="width: ${width}px"><partner-logos eager layout="strip" .data=${many()}></partner-logos></div>`,
      );
      const el = wrap.querySelector('partner-logos')!;
      await settled(el);
      if (still) {
        // The widget measures in the frame after its ResizeObserver reported, i.e. two frames after layout.
        for (let i = 0; i < 3; i++) await frame();
        return el;
      }
      await waitUntil(() => $(el, '.strip.moving'), 'the strip starts moving', { timeout: 5000 });
      // A started animation waits for the engine (WebKit: a busy machine held it at 0 for 400 ms).
      await track(el).getAnimations()[0]?.ready;
      return el;
    }
    const track = (el: PartnerLogos) => $(el, '.moving .track')!;

    it('moves when the logos do not fit, with a visible pause button; the copy is hidden from assistive tech', async () => {
      const el = await strip();
      expect(getComputedStyle(track(el)).animationName).to.equal('st-partner-strip');
      expect(getComputedStyle(track(el)).animationPlayState).to.equal('running');
      const button = $<HTMLButtonElement>(el, '[part="pause"]')!;
      expect(button.getBoundingClientRect().height).to.be.at.least(44);
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      const copy = $(el, '.copy')!;
      expect(copy.getAttribute('aria-hidden')).to.equal('true');
      expect(copy.inert).to.equal(true);
      expect(copy.querySelectorAll('a')).to.have.length(0);
      const x1 = track(el).getBoundingClientRect().x;
      await waitUntil(() => track(el).getBoundingClientRect().x < x1, 'the band moves left', { timeout: 5000 });
      await expect(el).to.be.accessible();
    });

    it('stops where it was when the pause button was pressed, and stays there: no jump back, no creeping on', async () => {
      const el = await strip();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const button = $<HTMLButtonElement>(el, '[part="pause"]')!;
      const x = () => track(el).getBoundingClientRect().x;
      const animation = track(el).getAnimations()[0];
      const pxPerMs = track(el).getBoundingClientRect().width / 2 / Number(animation.effect!.getComputedTiming().duration);
      // Paused between two frames, as a click comes in, right after reading where the band is.
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => setTimeout(r, 8));
      // The band moves on while the click is handled (the engines read the live time, and a busy
      // machine can stall this page for tens of milliseconds between two lines): it must stop
      // somewhere between where it was before the click and where it was when the click returned.
      const clickedAt = performance.now();
      const before = x();
      button.click();
      const handled = performance.now() - clickedAt;
      await el.updateComplete;
      const after: number[] = [];
      for (let i = 0; i < 10; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        after.push(x());
      }
      await aTimeout(200);
      after.push(x());
      const held = after[0];
      const report = `${before} before the click (handled in ${handled.toFixed(1)} ms at ${pxPerMs * 1000} px/s), then ${after.join(', ')}`;
      // 0.05 px: engines snap a box to fractions of a pixel; WebKit's jump was 0.1–0.4 px.
      expect(Math.max(...after.map((v) => Math.abs(v - held))), `stands still: ${report}`).to.be.below(0.05);
      expect(held, `no jump back: ${report}`).to.be.at.most(before + 0.05);
      // One more millisecond: the engines' animation clock ticks in whole milliseconds.
      expect(held, `no creeping on: ${report}`).to.be.at.least(before - pxPerMs * (handled + 1) - 0.05);
    });

    it('does not move when everything fits', async () => {
      const el = await strip(2400, 'still');
      expect(markupOf($(el, '.strip.moving'))).to.equal(null);
      expect(markupOf($(el, '[part="pause"]'))).to.equal(null);
    });

    it('pauses and resumes by keyboard (aria-pressed)', async () => {
      const el = await strip();
      const button = $<HTMLButtonElement>(el, '[part="pause"]')!;
      // Tab from before the widget: the pause button comes first
      const before = document.createElement('button');
      before.textContent = 'vorher';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(button);
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(getComputedStyle(track(el)).animationPlayState).to.equal('paused');
      await new Promise((r) => requestAnimationFrame(r));
      const x = track(el).getBoundingClientRect().x;
      await aTimeout(300);
      expect(track(el).getBoundingClientRect().x).to.equal(x);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(getComputedStyle(track(el)).animationPlayState).to.equal('running');
      before.remove();
    });

    it('stops while a logo has keyboard focus, and on hover', async () => {
      const el = await strip();
      const button = $<HTMLButtonElement>(el, '[part="pause"]')!;
      button.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement!.localName).to.equal('a');
      expect(getComputedStyle(track(el)).animationName).to.equal('none');
      (el.shadowRoot!.activeElement as HTMLElement).blur();
      expect(getComputedStyle(track(el)).animationPlayState).to.equal('running');

      const r = $(el, '.viewport')!.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(r.x + 40), Math.round(r.y + r.height / 2)] });
      expect(getComputedStyle(track(el)).animationPlayState).to.equal('paused');
    });

    it('never moves with prefers-reduced-motion: all logos shown, no copy, no button', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await strip(420, 'still');
      await aTimeout(100);
      const t = $(el, '.track')!;
      expect(getComputedStyle(t).animationName).to.equal('none');
      expect($(el, '.controls') === null || getComputedStyle($(el, '.controls')!).display === 'none').to.equal(true);
      expect($(el, '.copy') === null || getComputedStyle($(el, '.copy')!).display === 'none').to.equal(true);
      const viewport = $(el, '.viewport')!.getBoundingClientRect();
      for (const li of $$(el, '.logos:not(.copy) li')) expect(li.getBoundingClientRect().right).to.be.at.most(viewport.right + 1);
      await expect(el).to.be.accessible();
    });
  });

  describe('language', () => {
    it('speaks English', async () => {
      const el = await fixture<PartnerLogos>(html`<partner-logos eager lang="en" .data=${{ groups: [] }}></partner-logos>`);
      await settled(el);
      expect(textOf(el)).to.contain('No partners listed yet.');
    });

    it('shows a heading and notice given per language in the page language, German otherwise', async () => {
      const data = {
        groups: [
          {
            heading: { de: 'Gefördert durch', en: 'Funded by' },
            notice: { de: 'Pflichtsatz', en: 'Required sentence' },
            partners: [{ name: 'Land' }],
          },
        ],
      };
      const en = await fixture<PartnerLogos>(html`<partner-logos eager lang="en" .data=${data}></partner-logos>`);
      await settled(en);
      expect($(en, '[part="heading"]')!.textContent).to.equal('Funded by');
      expect($(en, '[part="notice"]')!.textContent).to.equal('Required sentence');
      const de = await fixture<PartnerLogos>(html`<partner-logos eager .data=${data}></partner-logos>`);
      await settled(de);
      expect($(de, '[part="heading"]')!.textContent).to.equal('Gefördert durch');
    });
  });
});
