import { expect } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { html } from '../helpers.js';
import { onPhone, onPhoneViewport } from '../phone.js';
import '../../src/idea-wall/idea-wall.js';
import '../../src/mitfahrbank-map/mitfahrbank-map.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import type { WidgetElement } from '../../src/core/widget-element.js';

/**
 * Touch targets seen too small in the s4 demo screenshots, measured with the demo's own data in an
 * 800 px window and on a 390 px phone: each link, and each label that toggles a checkbox, is at least 44 × 44 px
 * (the project's minimum, WCAG 2.5.5 target size) – the box a finger actually hits.
 */
const MIN = 44;

function box(el: Element): string {
  const r = el.getBoundingClientRect();
  return `${Math.round(r.width)}×${Math.round(r.height)}`;
}

/** The shadow root of `host`, or of the element found by `path` inside it, step by step. */
function root(host: Element, ...path: string[]): ShadowRoot {
  let r = host.shadowRoot!;
  for (const p of path) r = r.querySelector(p)!.shadowRoot!;
  return r;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check(), what).to.equal(true);
}

function expectTargets(targets: Element[], what: string): void {
  expect(targets.length > 0, `${what} rendered`).to.equal(true);
  for (const t of targets) {
    const r = t.getBoundingClientRect();
    const label = `${what} "${t.textContent!.trim().slice(0, 40)}" is ${box(t)} px`;
    expect(r.height >= MIN, label).to.equal(true);
    expect(r.width >= MIN, label).to.equal(true);
  }
}

async function phone(tpl: TemplateResult): Promise<WidgetElement> {
  const el = await onPhone<WidgetElement>(tpl, 'de');
  // On a phone the narrow layout switches a frame or two after the first layout (ResizeObserver, then rAF).
  for (let i = 0; i < 20 && window.innerWidth < 500 && !el.hasAttribute('narrow'); i++) await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
  return el;
}

/** Run in both windows; WebKitGTK cannot resize to a phone and measures in the 800 px one only. */
function targets(): void {
  it('ehrenamt-card: the phone and e-mail links under "So beantragen" are as tall as the partner cards\' links', async () => {
    const el = await phone(html`<ehrenamt-card eager src="/demo/data/ehrenamt.json" sections="card check partners"></ehrenamt-card>`);
    const r = root(el);
    await until(() => !!r.querySelector('.apply dd a') && !!r.querySelector('.links a'), 'apply block and partner links rendered');
    // On a phone the card's sections are disclosures: open "So beantragen" as a visitor would.
    const toggle = r.querySelector<HTMLButtonElement>('[aria-controls="sec-apply"]');
    if (toggle?.getAttribute('aria-expanded') === 'false') toggle.click();
    await el.updateComplete;
    const contact = [...r.querySelectorAll('.apply dd a')];
    expect(
      contact.map((a) => a.getAttribute('href')!.split(':')[0]),
      'phone and e-mail links',
    ).to.deep.equal(['tel', 'mailto']);
    expectTargets(contact, 'contact link');
    // Alike: a partner card's link is drawn the same way (a line of text within a 44 px row).
    const partner = r.querySelector('.links a')!;
    expect(getComputedStyle(contact[0]).minHeight).to.equal(getComputedStyle(partner).minHeight);
  });

  it('ehrenamt-card: each self-check question toggles its checkbox from a row at least 44 px tall', async () => {
    const el = await phone(html`<ehrenamt-card eager src="/demo/data/ehrenamt.json" sections="check"></ehrenamt-card>`);
    const r = root(el);
    await until(() => !!r.querySelector('label.flag'), 'self-check questions rendered');
    const rows = [...r.querySelectorAll<HTMLLabelElement>('label.flag')];
    expectTargets(rows, 'self-check row');
    const row = rows[0];
    const input = row.querySelector('input')!;
    // A tap on the row's edge, not on the box or the text, still toggles it.
    const rect = row.getBoundingClientRect();
    const hit = r.elementFromPoint(rect.right - 2, rect.top + 2);
    expect(!!hit && row.contains(hit), `the row's corner belongs to the label (${hit?.localName})`).to.equal(true);
    row.click();
    expect(input.checked, 'clicking the row toggles the checkbox').to.equal(true);
    expect(
      input.getBoundingClientRect().width >= 18 && Math.abs(input.getBoundingClientRect().width - input.getBoundingClientRect().height) < 1,
      `checkbox square, ${box(input)}`,
    ).to.equal(true);
  });

  it('mitfahrbank-map: the consent row and the privacy link are at least 44 px, the checkbox stays square', async () => {
    const el = await phone(html`<mitfahrbank-map eager src="/demo/data/benches.json" privacy-url="#privacy"></mitfahrbank-map>`);
    await until(() => !!el.shadowRoot!.querySelector('st-map')?.shadowRoot?.querySelector('.remember'), 'consent placeholder rendered');
    const r = root(el, 'st-map');
    const remember = r.querySelector('.remember')!;
    expectTargets([remember], 'remember-my-choice row');
    const input = remember.querySelector('input')!.getBoundingClientRect();
    expect(Math.abs(input.width - input.height) < 1, `checkbox square, ${Math.round(input.width)}×${Math.round(input.height)}`).to.equal(
      true,
    );
    const privacy = [...r.querySelectorAll('.placeholder a')];
    expect(
      privacy.map((a) => a.getAttribute('href')!.endsWith('#privacy')),
      'one privacy link',
    ).to.deep.equal([true]);
    expectTargets(privacy, 'privacy link');
  });

  it('idea-wall: every idea title (a button that opens the idea) is at least 44 px tall, its text unchanged in size', async () => {
    const el = await phone(html`<idea-wall eager src="/demo/data/ideas.json"></idea-wall>`);
    const r = root(el);
    await until(() => !!r.querySelector('.card-title .open'), 'idea cards rendered');
    const titles = [...r.querySelectorAll<HTMLElement>('.card-title .open')];
    expectTargets(titles, 'idea title');
    const style = getComputedStyle(titles[0]);
    expect(style.fontSize, 'title font size (1.1em of 16 px)').to.equal('17.6px');
    expect(style.textDecorationLine).to.equal('underline');
  });
}

describe('touch targets are at least 44 px (800 px window)', targets);

describe('phone (390 px): touch targets are at least 44 px', () => {
  onPhoneViewport();
  targets();
});
