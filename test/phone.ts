/**
 * The phone the layout tests measure on: a 390 × 844 viewport (CSS px) and the demo page's 16 px
 * side margins. Shared by test/phone/ and the widgets' own phone tests, so all measure the same.
 */
import { setViewport } from '@web/test-runner-commands';
import { nothing, type TemplateResult } from 'lit';
import { fixture, html, settled } from './helpers.js';
import type { WidgetElement } from '../src/core/widget-element.js';

export const PHONE = { width: 390, height: 844 };

/**
 * Call inside a describe: its tests run in the phone's viewport, 800 × 600 comes back after them.
 * WebKitGTK's WebDriver cannot resize the viewport: there the tests are skipped with the reason
 * printed, instead of measuring a desktop window.
 */
export function onPhoneViewport(): void {
  let resized = true;
  before(async () => {
    try {
      await setViewport(PHONE);
    } catch (e) {
      resized = false;
      console.log(`phone tests skipped: ${(e as Error).message}`);
    }
  });
  beforeEach(function () {
    if (!resized) this.skip();
  });
  after(() => (resized ? setViewport({ width: 800, height: 600 }) : undefined));
}

/** `widget` within the page's 16 px margins (in `lang` when given), once it shows its data. */
export async function onPhone<T extends WidgetElement>(widget: TemplateResult, lang?: string): Promise<T> {
  const box = await fixture<HTMLDivElement>(html`<div lang=${lang ?? nothing} style="margin:0 16px">${widget}</div>`);
  const el = box.firstElementChild as T;
  await settled(el);
  return el;
}
