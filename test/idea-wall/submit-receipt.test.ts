import { expect, oneEvent } from '@open-wc/testing';
import type { StIdeaSubmittedEvent } from '../../src/idea-wall/idea-wall.events.js';
import { html } from 'lit';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';
import { jsonResponse, textOf } from '../helpers.js';
import { $, clearStorage, fillForm, openForm, stubFetch, until, validIdea, wall } from './helpers.js';

const data = {
  categories: [{ id: 'kultur', label: 'Kultur' }],
  ideas: [{ id: 'sofa', title: 'Das rollende Sofa', supporters: 10 }],
};
const good = validIdea;

async function sendIdea(el: IdeaWall) {
  await openForm(el);
  await fillForm(el, good);
  $<HTMLButtonElement>(el, 'form.form [type="submit"]')!.click();
  await until(() => $(el, '.form .success'), 'the confirmation');
  await el.updateComplete;
}

const receiptInput = (el: IdeaWall) => $<HTMLInputElement>(el, '#receipt');
const copyButton = (el: IdeaWall) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.form button')].find((b) => /kopieren|Copy/.test(b.textContent!));
const copyNote = (el: IdeaWall) => $(el, '.form p[role="status"]')?.textContent?.trim() ?? '';

/** Replaces navigator.clipboard for one test (undefined: a browser or an http page without it). */
function stubClipboard(clipboard: { writeText(text: string): Promise<void> } | undefined) {
  const own = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  return () => (own ? Object.defineProperty(navigator, 'clipboard', own) : delete (navigator as { clipboard?: unknown }).clipboard);
}

describe('idea-wall: the receipt code after a submit', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  let restoreClipboard: (() => unknown) | undefined;
  afterEach(() => {
    stub?.restore();
    stub = undefined;
    restoreClipboard?.();
    restoreClipboard = undefined;
    clearStorage();
    localStorage.removeItem('stadttraum.idea-wall.visitor');
  });

  it('shows the server’s receipt in the focused confirmation (a polite status), with what it is for and how long it is kept', async () => {
    stub = stubFetch(() => jsonResponse({ id: 'demo-7', status: 'pending', receipt: 'K7QM-4XPB' }, { status: 202 }));
    const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
    await sendIdea(el);
    const success = $(el, '.form .success')!;
    expect(success.getAttribute('role')).to.equal('status');
    await until(() => el.shadowRoot!.activeElement === success, 'focus on the confirmation');
    const input = receiptInput(el)!;
    expect(success.contains(input), 'the code is inside the announced confirmation').to.equal(true);
    expect(input.value).to.equal('K7QM-4XPB');
    expect(input.readOnly).to.equal(true);
    expect($(el, 'label[for="receipt"]')!.textContent!.trim()).to.equal('Ihr Belegcode');
    const why = $(el, `#${input.getAttribute('aria-describedby')}`)!.textContent!;
    expect(why).to.contain('löschen lassen');
    expect(why).to.contain('solange es sie gibt');
    expect(why).to.contain('merkt ihn sich nicht');
    // Never kept in the browser: it is shown once.
    const stored = [...Object.keys(localStorage), ...Object.keys(sessionStorage)]
      .map((k) => `${k}=${localStorage.getItem(k) ?? sessionStorage.getItem(k)}`)
      .join('\n');
    expect(stored.includes('K7QM-4XPB'), 'receipt not stored').to.equal(false);
    const button = copyButton(el)!;
    expect(button.getBoundingClientRect().height >= 44, `copy button ${button.getBoundingClientRect().height}px tall`).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('speaks English on an English page', async () => {
    stub = stubFetch(() => jsonResponse({ status: 'pending', receipt: 'K7QM-4XPB' }, { status: 202 }));
    const el = await wall(html`<idea-wall eager lang="en" submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
    await sendIdea(el);
    expect($(el, 'label[for="receipt"]')!.textContent!.trim()).to.equal('Your receipt code');
    expect($(el, '#receipt-why')!.textContent).to.contain('have it deleted');
    expect(copyButton(el)!.textContent!.trim()).to.equal('Copy receipt code');
  });

  it('copies the code to the clipboard and says so', async () => {
    const copied: string[] = [];
    restoreClipboard = stubClipboard({ writeText: async (text) => void copied.push(text) });
    stub = stubFetch(() => jsonResponse({ status: 'pending', receipt: 'K7QM-4XPB' }, { status: 202 }));
    const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
    await sendIdea(el);
    expect(copyNote(el)).to.equal('');
    copyButton(el)!.click();
    await until(() => copyNote(el) === 'Belegcode kopiert.', 'the note');
    expect(copied).to.deep.equal(['K7QM-4XPB']);
  });

  for (const [name, clipboard] of [
    ['without a clipboard (http page, older browser)', undefined],
    ['when the clipboard is denied', { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }],
  ] as const) {
    it(`${name}: selects the code for Ctrl+C and says so`, async () => {
      restoreClipboard = stubClipboard(clipboard);
      stub = stubFetch(() => jsonResponse({ status: 'pending', receipt: 'K7QM-4XPB' }, { status: 202 }));
      const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
      await sendIdea(el);
      copyButton(el)!.click();
      await until(() => copyNote(el).includes('Strg+C'), 'the note');
      const input = receiptInput(el)!;
      expect(el.shadowRoot!.activeElement === input, 'focus on the code').to.equal(true);
      expect(`${input.selectionStart}-${input.selectionEnd}`).to.equal(`0-${'K7QM-4XPB'.length}`);
    });
  }

  it('shows no receipt block when the server sends none, or something that is not a code', async () => {
    for (const receipt of [undefined, '<img src=x onerror=alert(1)>', 42, 'x'.repeat(200)]) {
      stub?.restore();
      stub = stubFetch(() => jsonResponse({ status: 'pending', receipt }, { status: 202 }));
      const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
      await sendIdea(el);
      expect(textOf(el)).to.contain('Danke! Ihre Idee ist eingegangen.');
      expect(!!receiptInput(el), `no code for ${String(receipt).slice(0, 20)}`).to.equal(false);
      expect(!!copyButton(el)).to.equal(false);
      expect(!!el.shadowRoot!.querySelector('img')).to.equal(false);
    }
  });

  it('hands the receipt to the page in st-idea-submitted (only a code the confirmation shows)', async () => {
    for (const [receipt, expected] of [
      ['K7QM-4XPB', { id: 'demo-7', status: 'pending', receipt: 'K7QM-4XPB' }],
      ['<b>x</b>', { id: 'demo-7', status: 'pending' }],
    ] as const) {
      stub?.restore();
      stub = stubFetch(() => jsonResponse({ id: 'demo-7', status: 'pending', receipt }, { status: 202 }));
      const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
      const submitted = oneEvent(el, 'st-idea-submitted') as Promise<StIdeaSubmittedEvent>;
      await sendIdea(el);
      expect(JSON.stringify((await submitted).detail)).to.equal(JSON.stringify(expected));
    }
  });

  it('"Submit another idea" clears the code of the last one', async () => {
    stub = stubFetch(() => jsonResponse({ status: 'pending', receipt: 'K7QM-4XPB' }, { status: 202 }));
    const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
    await sendIdea(el);
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.form button')].find((b) => b.textContent!.includes('Weitere Idee'))!.click();
    await until(() => $(el, 'form.form'), 'the empty form');
    expect(!!receiptInput(el)).to.equal(false);
  });

  it('sends the browser’s visitor token with the idea, the same one supports send', async () => {
    stub = stubFetch((call) =>
      call.url.includes('support')
        ? jsonResponse({ idea: 'sofa', supported: true, supporters: 11 })
        : jsonResponse({ status: 'pending' }, { status: 202 }),
    );
    const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" support-endpoint="/api/support" .data=${data}></idea-wall>`);
    expect(localStorage.getItem('stadttraum.idea-wall.visitor'), 'nothing stored on page view').to.equal(null);
    await sendIdea(el);
    const token = stub.calls[0].body!.visitor;
    expect(String(token)).to.match(/^[0-9a-f]{32}$/);
    expect(JSON.parse(localStorage.getItem('stadttraum.idea-wall.visitor')!).id).to.equal(token);
    $<HTMLButtonElement>(el, '[data-id="sofa"] [part="support"]')!.click();
    await until(() => stub!.calls.length === 2, 'the support');
    expect(stub.calls[1].body!.visitor).to.equal(token);
  });
});
