import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';
import { captureWarnings, jsonResponse, textOf } from '../helpers.js';
import { $, clearStorage, fillForm, openForm, stubFetch, until, validIdea, wall } from './helpers.js';

const data = {
  categories: [{ id: 'kultur', label: 'Kultur' }],
  ideas: [
    { id: 'sofa', title: 'Das rollende Sofa', supporters: 10 },
    { id: 'bank', title: 'Mitfahrbank', supporters: 0 },
  ],
};
const good = { ...validIdea, name: 'Lea' };

interface Post {
  route: string;
  key: string;
  body: Record<string, unknown>;
}
const serverState = async (scope: string) =>
  (await (await fetch(`/mock/write/${scope}/state`)).json()) as { posts: Post[]; ideas: unknown[]; supporters: Record<string, number> };
const newScope = () => `w-${Math.random().toString(36).slice(2, 10)}`;

const count = (el: IdeaWall, id: string) => $(el, `[data-id="${id}"] .count`)!.textContent!.trim();
const supportButton = (el: IdeaWall, id: string) => $<HTMLButtonElement>(el, `[data-id="${id}"] [part="support"]`)!;
const keyOf = (init?: RequestInit) => (init!.headers as Record<string, string>)['Idempotency-Key'];

const fill = fillForm;
const submitButton = (el: IdeaWall) => $<HTMLButtonElement>(el, 'form.form [type="submit"]')!;
async function send(el: IdeaWall) {
  submitButton(el).click();
  await el.updateComplete;
}

describe('idea-wall: retries reuse their key, a stalled answer ends in a message', function () {
  this.timeout(20_000);
  let stub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    stub?.restore();
    stub = undefined;
    clearStorage();
  });

  it('submit: a server that sends headers and stalls the body → message, text kept, form usable; "send" again → one idea on the server', async () => {
    const scope = newScope();
    const el = await wall(
      html`<idea-wall eager timeout="1" submit-endpoint=${`/mock/write/${scope}/ideas?stall=1`} .data=${data}></idea-wall>`,
    );
    await openForm(el);
    await fill(el, good);
    const warnings = await captureWarnings(async () => {
      await send(el);
      expect(submitButton(el).textContent).to.contain('Wird gesendet');
      await until(() => $(el, '.form-error'), 'the error message after the stalled body', 5000);
    });
    expect($(el, '.form-error')!.textContent).to.contain('nicht gesendet').and.contain('zu lange');
    expect(warnings.join('\n')).to.contain(`/mock/write/${scope}/ideas`);
    expect(submitButton(el).textContent!.trim()).to.equal('Idee absenden');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
    expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal(good.title);
    expect((await serverState(scope)).posts, 'never re-sent on its own').to.have.length(1);

    await send(el);
    await until(() => textOf(el).includes('Danke! Ihre Idee ist eingegangen.'), 'success after the retry', 5000);
    const state = await serverState(scope);
    expect(state.ideas, 'ideas stored').to.have.length(1);
    expect(state.posts).to.have.length(2);
    expect(state.posts[1].key).to.equal(state.posts[0].key);
  });

  it('submit: the same text keeps its key (also after a reload); changed text or an accepted idea gets a new one', async () => {
    let fail = true;
    stub = stubFetch(() =>
      fail ? Promise.reject(new TypeError('Failed to fetch')) : jsonResponse({ id: 'n', status: 'pending' }, { status: 201 }),
    );
    const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
    await openForm(el);
    await fill(el, good);
    await captureWarnings(async () => {
      await send(el);
      await until(() => stub!.calls.length === 1 && !submitButton(el).textContent!.includes('Wird'), 'first try');
      await send(el);
      await until(() => stub!.calls.length === 2 && !submitButton(el).textContent!.includes('Wird'), 'second try');
    });
    expect(keyOf(stub.calls[1].init), 'same text, same key').to.equal(keyOf(stub.calls[0].init));

    el.remove(); // a reload: the draft and its key come back
    const again = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
    await openForm(again);
    await captureWarnings(async () => {
      await send(again);
      await until(() => stub!.calls.length === 3 && !submitButton(again).textContent!.includes('Wird'), 'try after reload');
    });
    expect(keyOf(stub.calls[2].init), 'after a reload').to.equal(keyOf(stub.calls[0].init));

    await fill(again, { title: 'Trinkbrunnen am Marktplatz' });
    fail = false;
    await send(again);
    await until(() => textOf(again).includes('Danke!'), 'accepted');
    expect(keyOf(stub.calls[3].init), 'changed text, new key').to.not.equal(keyOf(stub.calls[0].init));

    $<HTMLButtonElement>(again, '.form .button:not(.primary)')!.click(); // "submit another idea"
    await until(() => $(again, 'form.form'), 'empty form');
    await fill(again, { ...good, title: 'Trinkbrunnen am Marktplatz' });
    await send(again);
    await until(() => stub!.calls.length === 5, 'the next idea');
    expect(keyOf(stub.calls[4].init), 'an accepted idea never lends its key').to.not.equal(keyOf(stub.calls[3].init));
  });

  it('support: a stalled body rolls the +1 back with a message; the retry reuses the key and counts once', async () => {
    const scope = newScope();
    const el = await wall(
      html`<idea-wall eager timeout="1" support-endpoint=${`/mock/write/${scope}/support?stall=1`} .data=${data}></idea-wall>`,
    );
    await captureWarnings(async () => {
      supportButton(el, 'sofa').click();
      await el.updateComplete;
      expect(count(el, 'sofa')).to.equal('11 Unterstützungen');
      await until(() => $(el, '[data-id="sofa"] .message'), 'the message after the stalled body', 5000);
    });
    expect($(el, '[data-id="sofa"] .message')!.textContent).to.contain('konnte nicht gespeichert werden').and.contain('zu lange');
    expect(count(el, 'sofa')).to.equal('10 Unterstützungen');
    expect(supportButton(el, 'sofa').getAttribute('aria-pressed')).to.equal('false');
    expect(supportButton(el, 'sofa').disabled).to.equal(false);

    supportButton(el, 'sofa').click();
    await until(() => textOf(el).includes('Danke für Ihre Unterstützung.'), 'thanks after the retry', 5000);
    const state = await serverState(scope);
    expect(state.posts.map((p) => p.key)).to.deep.equal([state.posts[0].key, state.posts[0].key]);
    expect(state.supporters.sofa, 'counted once').to.equal(1);
    expect(supportButton(el, 'sofa').getAttribute('aria-pressed')).to.equal('true');
  });

  it('support: a visitor token is made on the first support click, never on page view, and sent with every support', async () => {
    stub = stubFetch((call) => jsonResponse({ idea: call.body!.idea, supported: call.body!.support, supporters: 1 }));
    const el = await wall(html`<idea-wall eager support-endpoint="/api/support" .data=${data}></idea-wall>`);
    expect(localStorage.getItem('stadttraum.idea-wall.visitor'), 'nothing stored on page view').to.equal(null);
    supportButton(el, 'sofa').click();
    await until(() => stub!.calls.length === 1 && !supportButton(el, 'sofa').disabled, 'first support');
    const stored = JSON.parse(localStorage.getItem('stadttraum.idea-wall.visitor')!);
    expect(stored.id).to.match(/^[0-9a-f]{32}$/);
    const days = (stored.until - Date.now()) / 86_400_000;
    expect(days > 364 && days <= 365, `kept for a year after the last click (${days} days)`).to.equal(true);
    expect(stub.calls[0].body!.visitor).to.equal(stored.id);

    const next = await wall(html`<idea-wall eager support-endpoint="/api/support" .data=${data}></idea-wall>`);
    supportButton(next, 'bank').click();
    await until(() => stub!.calls.length === 2, 'second support');
    expect(stub.calls[1].body!.visitor, 'the same browser, the same token').to.equal(stored.id);
    expect(keyOf(stub.calls[1].init)).to.not.equal(keyOf(stub.calls[0].init));
  });

  it('with storage blocked (sandboxed iframe, privacy mode): one token for the page, a retry still reuses its key', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    try {
      let fail = true;
      stub = stubFetch((call) =>
        fail ? Promise.reject(new TypeError('Failed to fetch')) : jsonResponse({ idea: call.body!.idea, supported: true, supporters: 1 }),
      );
      const el = await wall(html`<idea-wall eager support-endpoint="/api/support-blocked" .data=${data}></idea-wall>`);
      await captureWarnings(async () => {
        supportButton(el, 'sofa').click();
        await until(() => $(el, '[data-id="sofa"] .message'), 'failure');
      });
      fail = false;
      supportButton(el, 'sofa').click();
      await until(() => stub!.calls.length === 2 && !supportButton(el, 'sofa').disabled, 'retry');
      supportButton(el, 'bank').click();
      await until(() => stub!.calls.length === 3, 'another idea');
      expect(keyOf(stub.calls[1].init), 'retry, same key').to.equal(keyOf(stub.calls[0].init));
      expect(stub.calls[0].body!.visitor).to.match(/^[0-9a-f]{32}$/);
      expect(
        stub.calls.map((c) => c.body!.visitor),
        'one token for the page',
      ).to.deep.equal(Array(3).fill(stub.calls[0].body!.visitor));
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });
});

describe('idea-wall: refused writes (403 with a code)', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    stub?.restore();
    stub = undefined;
    clearStorage();
  });

  const cases: [string, string, RegExp, RegExp][] = [
    [
      'forbidden-origin',
      'Origin https://fremd.example is not in the allow-list.',
      /nicht zum Mitmachen freigeschaltet/,
      /not enabled for taking part/,
    ],
    [
      'unsupported-content-type',
      'Content-Type must be application/json.',
      /in dieser Form nicht angenommen/,
      /not accept the request in this form/,
    ],
    ['support-cap', 'Daily cap of 30 per idea and address reached.', /erst morgen wieder gezählt/, /counted again tomorrow/],
    // The codes the WordPress plugin and the demo server send (docs/wordpress.md, "Schreib-Vertrag").
    ['origin', 'Origin https://fremd.example is not allowed.', /nicht zum Mitmachen freigeschaltet/, /not enabled for taking part/],
    ['cross-site', 'Origin null with Sec-Fetch-Site: cross-site.', /nicht zum Mitmachen freigeschaltet/, /not enabled for taking part/],
    ['content-type', 'Content-Type must be application/json.', /in dieser Form nicht angenommen/, /not accept the request in this form/],
    ['cap', 'Daily cap of 40 per idea and address reached.', /erst morgen wieder gezählt/, /counted again tomorrow/],
  ];
  for (const [code, detail, de, en] of cases) {
    it(`support refused with ${code}: a plain sentence (de and en), the detail in the console, the +1 rolled back`, async () => {
      stub = stubFetch(() => jsonResponse({ code, message: detail, data: { status: 403 } }, { status: 403 }));
      for (const [lang, sentence] of [
        ['de', de],
        ['en', en],
      ] as const) {
        const el = await wall(html`<idea-wall eager lang=${lang} support-endpoint="/api/support" .data=${data}></idea-wall>`);
        const warnings = await captureWarnings(async () => {
          supportButton(el, 'sofa').click();
          await until(() => $(el, '[data-id="sofa"] .message'), 'message');
        });
        const message = $(el, '[data-id="sofa"] .message')!.textContent!;
        expect(message).to.match(sentence);
        expect(message, 'the webmaster detail is not shown to visitors').to.not.contain(detail);
        expect(warnings.join('\n')).to.contain(code).and.contain(detail);
        expect(count(el, 'sofa')).to.match(/^10 /);
        expect(supportButton(el, 'sofa').getAttribute('aria-pressed')).to.equal('false');
        await expect(el).to.be.accessible();
      }
    });
  }

  it('submit refused: the sentence, the text kept, the detail in the console', async () => {
    stub = stubFetch(() =>
      jsonResponse({ code: 'forbidden_origin', message: 'Origin null refused (Sec-Fetch-Site: cross-site).' }, { status: 403 }),
    );
    const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
    await openForm(el);
    await fill(el, good);
    const warnings = await captureWarnings(async () => {
      await send(el);
      await until(() => $(el, '.form-error'), 'message');
    });
    expect($(el, '.form-error')!.textContent)
      .to.contain('Ihre Idee konnte nicht gesendet werden.')
      .and.match(/nicht zum Mitmachen freigeschaltet/);
    expect(warnings.join('\n')).to.contain('forbidden_origin').and.contain('Sec-Fetch-Site');
    expect($<HTMLTextAreaElement>(el, '#f-description')!.value).to.equal(good.description);
    expect(submitButton(el).textContent!.trim()).to.equal('Idee absenden');
  });
});
