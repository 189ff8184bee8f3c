// A failed write is sent once per visitor action: no automatic re-send after a network error, a
// timeout or a 5xx, however much time passes; a visitor's own retry is one more POST, no more.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { captureWarnings, jsonResponse } from '../helpers.js';
import { holdTimers } from '../held-timers.js';
import { $, clearStorage, fillForm, openForm, stubFetch, until, validIdea, wall } from './helpers.js';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';

const data = { categories: [{ id: 'kultur', label: 'Kultur' }], ideas: [{ id: 'sofa', title: 'Das rollende Sofa', supporters: 10 }] };
const good = validIdea;

type Respond = (init: RequestInit) => Promise<Response>;
const failures: [string, Respond][] = [
  ['a network error', () => Promise.reject(new TypeError('Failed to fetch'))],
  // Never answers: the write's own timeout (a held timer, fired below) gives up.
  [
    'a timeout',
    (init) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
  ],
  ['a 503', async () => jsonResponse({ error: { code: 'unavailable', message: 'Wartung.' } }, { status: 503 })],
];

/** Lets "a long time" pass: every held timer (≥ 100 ms) fires, repeatedly, then the widget settles. */
async function letTimePass(el: IdeaWall, clock: ReturnType<typeof holdTimers>) {
  for (let i = 0; i < 5; i++) {
    clock.fire();
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
}

async function submitForm(el: IdeaWall) {
  await openForm(el);
  await fillForm(el, good);
  $<HTMLButtonElement>(el, 'form.form [type="submit"]')!.click();
  await el.updateComplete;
}

describe('idea-wall: a failed write is sent once per visitor action', () => {
  let clock: ReturnType<typeof holdTimers>;
  let stub: ReturnType<typeof stubFetch>;
  afterEach(() => {
    stub.restore();
    clock.restore();
    clearStorage();
  });

  for (const [name, respond] of failures) {
    it(`support after ${name}: one POST, none later; the visitor's retry is one more`, async () => {
      clock = holdTimers((delay) => delay >= 100);
      stub = stubFetch((call) => respond(call.init!));
      const el = await wall(html`<idea-wall eager support-endpoint="/api/support" .data=${data}></idea-wall>`);
      const button = () => $<HTMLButtonElement>(el, '[data-id="sofa"] [part="support"]')!;
      await captureWarnings(async () => {
        button().click();
        await until(() => stub.calls.length === 1, 'the POST');
        await letTimePass(el, clock);
        await until(() => $(el, '[data-id="sofa"] .message'), 'the failure message');
        await letTimePass(el, clock);
      });
      expect(stub.calls.length, 'POSTs after one click and a long wait').to.equal(1);
      await captureWarnings(async () => {
        button().click();
        await until(() => stub.calls.length >= 2, 'the retry');
        await letTimePass(el, clock);
      });
      expect(stub.calls.length, 'POSTs after the visitor clicked again').to.equal(2);
      expect(stub.calls.every((c) => c.init!.method === 'POST')).to.equal(true);
    });

    it(`idea form after ${name}: one POST, none later; the visitor's retry is one more`, async () => {
      clock = holdTimers((delay) => delay >= 100);
      stub = stubFetch((call) => respond(call.init!));
      const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
      await captureWarnings(async () => {
        await submitForm(el);
        await until(() => stub.calls.length === 1, 'the POST');
        await letTimePass(el, clock);
        await until(() => $(el, '.form-error'), 'the failure message');
        await letTimePass(el, clock);
      });
      expect(stub.calls.length, 'POSTs after one submit and a long wait').to.equal(1);
      expect($<HTMLInputElement>(el, '#f-title')!.value, 'nothing lost').to.equal(good.title);
      await captureWarnings(async () => {
        $<HTMLButtonElement>(el, 'form.form [type="submit"]')!.click();
        await until(() => stub.calls.length >= 2, 'the retry');
        await letTimePass(el, clock);
      });
      expect(stub.calls.length, 'POSTs after the visitor sent again').to.equal(2);
    });
  }
});
