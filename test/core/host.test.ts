import { expect } from '@open-wc/testing';
import { emulateMedia, resetMedia } from '../media.js';
import { fixture, html, settled } from '../helpers.js';
import type { TestFeedWidget } from './test-widget.js';
import './test-widget.js';

const data = { items: [{ name: 'Eins' }] };
const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

describe('host element', () => {
  afterEach(resetMedia);

  it('hides the fallback content once the widget runs', async () => {
    const el = await fixture<TestFeedWidget>(html`<test-feed-widget .data=${data}><p>Alle Einträge als Liste</p></test-feed-widget>`);
    await settled(el);
    expect(el.querySelector('p')!.getClientRects().length).to.equal(0);
  });

  it('is light by default, even when the visitor prefers dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture<TestFeedWidget>(html`<test-feed-widget .data=${data}></test-feed-widget>`);
    await settled(el);
    expect(token(el, '--_surface')).to.equal('#ffffff');
  });

  it('theme="auto" follows the page (light here, even in a dark system; dark on a dark page); theme="dark" forces it', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = await fixture<TestFeedWidget>(html`<test-feed-widget theme="auto" .data=${data}></test-feed-widget>`);
    expect(token(auto, '--_surface')).to.equal('#ffffff');
    const onDark = await fixture(html`<div style="background:#000"><test-feed-widget theme="auto" .data=${data}></test-feed-widget></div>`);
    expect(token(onDark.firstElementChild!, '--_surface')).to.equal('#1f2428');
    await emulateMedia({ colorScheme: 'light' });
    const dark = await fixture<TestFeedWidget>(html`<test-feed-widget theme="dark" .data=${data}></test-feed-widget>`);
    expect(token(dark, '--_surface')).to.equal('#1f2428');
  });

  it('native controls and scrollbars follow the resolved theme (color-scheme), not the page', async () => {
    const scheme = (el: TestFeedWidget) => getComputedStyle(el.shadowRoot!.querySelector('li')!).colorScheme;
    const wrap = await fixture(html`<div style="color-scheme: dark">
      <test-feed-widget .data=${data}></test-feed-widget>
      <test-feed-widget theme="dark" .data=${data}></test-feed-widget>
      <test-feed-widget theme="auto" .data=${data}></test-feed-widget>
    </div>`);
    const [light, dark, auto] = [...wrap.querySelectorAll<TestFeedWidget>('test-feed-widget')];
    await Promise.all([light, dark, auto].map((el) => settled(el)));
    expect(scheme(light)).to.equal('light');
    expect(scheme(dark)).to.equal('dark');
    expect(scheme(auto)).to.equal('light');
    // theme="auto" follows the page the visitor sees (issue 17): a dark system alone leaves it
    // light on this light page; a dark background behind it turns it dark.
    await emulateMedia({ colorScheme: 'dark' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(scheme(auto)).to.equal('light');
    (wrap as HTMLElement).style.background = '#101214';
    for (let i = 0; i < 60 && auto.getAttribute('resolved-theme') !== 'dark'; i++) await new Promise((r) => requestAnimationFrame(r));
    await auto.updateComplete;
    expect(scheme(auto)).to.equal('dark');
  });

  it('takes --st-* tokens from any ancestor (e.g. the CMS body)', async () => {
    const wrap = await fixture(
      html`<div style="--st-color-accent: rgb(120, 20, 60)"><test-feed-widget .data=${data}></test-feed-widget></div>`,
    );
    const el = wrap.querySelector('test-feed-widget')!;
    expect(token(el, '--_accent')).to.equal('rgb(120, 20, 60)');
  });

  it('stays a block even when the page resets every element', async () => {
    const wrap = await fixture(
      html`<div><style>test-feed-widget { display: inline !important; }</style><test-feed-widget .data=${data}></test-feed-widget></div>`,
    );
    expect(getComputedStyle(wrap.querySelector('test-feed-widget')!).display).to.equal('block');
  });

  it('inherits the host page font', async () => {
    const wrap = await fixture(html`<div style="font-family: Georgia, serif"><test-feed-widget .data=${data}></test-feed-widget></div>`);
    const el = wrap.querySelector<TestFeedWidget>('test-feed-widget')!;
    await settled(el);
    expect(getComputedStyle(el.shadowRoot!.querySelector('li')!).fontFamily).to.contain('Georgia');
  });

  it('with reduced motion, nothing animates (not even what the page adds through ::part)', async () => {
    const wrap = await fixture(html`<div>
      <style>@keyframes st-spin { to { rotate: 1turn; } } test-feed-widget::part(list) { transition: opacity 2s; animation: st-spin 1s infinite; }</style>
      <test-feed-widget .data=${data}></test-feed-widget>
    </div>`);
    const el = wrap.querySelector<TestFeedWidget>('test-feed-widget')!;
    await settled(el);
    const list = el.shadowRoot!.querySelector('[part="list"]')!;
    expect(getComputedStyle(list).animationName).to.equal('st-spin');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(list).animationName).to.equal('none');
    expect(parseFloat(getComputedStyle(list).transitionDuration)).to.equal(0);
  });
});
