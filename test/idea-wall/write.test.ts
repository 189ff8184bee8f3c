import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { StIdeaSubmittedEvent, StIdeaSupportEvent } from '../../src/idea-wall/idea-wall.events.js';
import { captureWarnings, jsonResponse, markupOf, settled, textOf } from '../helpers.js';
import { $, clearStorage, fillForm, openForm, stubFetch, until, validIdea, wall } from './helpers.js';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';
import { typeText } from '../keys.js';

const data = {
  categories: [
    { id: 'kultur', label: 'Kultur' },
    { id: 'verkehr', label: 'Verkehr' },
  ],
  ideas: [
    { id: 'sofa', title: 'Das rollende Sofa', supporters: 10 },
    { id: 'bank', title: 'Mitfahrbank', supporters: 0 },
  ],
};

const count = (el: IdeaWall, id: string) => $(el, `[data-id="${id}"] .count`)!.textContent!.trim();
const supportButton = (el: IdeaWall, id: string) => $<HTMLButtonElement>(el, `[data-id="${id}"] [part="support"]`)!;

describe('idea-wall: support', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    stub?.restore();
    stub = undefined;
    clearStorage();
  });

  it('shows no support button without an endpoint', async () => {
    const el = await wall(html`<idea-wall eager .data=${data}></idea-wall>`);
    expect(markupOf($(el, '[part="support"]'))).to.equal(null);
    expect(count(el, 'sofa')).to.equal('10 Unterstützungen');
  });

  it('supports optimistically, takes the server’s count, remembers locally and fires an event', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    stub = stubFetch(async (call) => {
      await gate;
      return jsonResponse({ idea: call.body!.idea, supported: true, supporters: 15 });
    });
    const el = await wall(html`<idea-wall eager support-endpoint="/api/support" .data=${data}></idea-wall>`);
    const button = supportButton(el, 'sofa');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.textContent).to.contain('Das rollende Sofa'); // accessible name names the idea
    button.click();
    await el.updateComplete;
    expect(count(el, 'sofa')).to.equal('11 Unterstützungen'); // optimistic
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    button.click(); // a second click while pending does nothing
    const event = oneEvent(el, 'st-idea-support') as Promise<StIdeaSupportEvent>;
    release();
    const e = await event;
    expect(e.detail).to.deep.equal({ id: 'sofa', supported: true, supporters: 15, duplicate: false });
    await el.updateComplete;
    expect(count(el, 'sofa')).to.equal('15 Unterstützungen');
    expect(stub.calls).to.have.length(1);
    expect(stub.calls[0].body).to.deep.include({ idea: 'sofa', support: true });
    expect((stub.calls[0].init!.headers as Record<string, string>)['Idempotency-Key']).to.be.a('string');
    expect(document.cookie).to.equal('');
    await until(() => textOf(el).includes('Danke für Ihre Unterstützung.'), 'thanks');
    await expect(el).to.be.accessible();

    // a new page load remembers it
    const again = await wall(html`<idea-wall eager support-endpoint="/api/support" .data=${data}></idea-wall>`);
    expect(supportButton(again, 'sofa').getAttribute('aria-pressed')).to.equal('true');
    expect(supportButton(again, 'bank').getAttribute('aria-pressed')).to.equal('false');
  });

  it('withdraws a support with support:false', async () => {
    localStorage.setItem('stadttraum.idea-wall.supported:/api/support', JSON.stringify(['sofa']));
    stub = stubFetch((call) => jsonResponse({ idea: call.body!.idea, supported: false, supporters: 9 }));
    const el = await wall(html`<idea-wall eager support-endpoint="/api/support" .data=${data}></idea-wall>`);
    const answered = oneEvent(el, 'st-idea-support'); // 9 shows at once (optimistic): wait for the server
    supportButton(el, 'sofa').click();
    await answered;
    await until(() => count(el, 'sofa') === '9 Unterstützungen', 'count');
    expect(stub.calls[0].body).to.deep.include({ idea: 'sofa', support: false });
    expect(supportButton(el, 'sofa').getAttribute('aria-pressed')).to.equal('false');
    expect(JSON.parse(localStorage.getItem('stadttraum.idea-wall.supported:/api/support')!)).to.deep.equal([]);
  });

  it('treats a 409 duplicate as supported and says so', async () => {
    stub = stubFetch(() =>
      jsonResponse(
        { idea: 'bank', supported: true, supporters: 3, error: { code: 'duplicate', message: 'Schon unterstützt.' } },
        { status: 409 },
      ),
    );
    const el = await wall(html`<idea-wall eager support-endpoint="/api/support" .data=${data}></idea-wall>`);
    supportButton(el, 'bank').click();
    await until(() => count(el, 'bank') === '3 Unterstützungen', 'count');
    expect(supportButton(el, 'bank').getAttribute('aria-pressed')).to.equal('true');
    await until(() => textOf(el).includes('bereits unterstützt'), 'duplicate message');
  });

  const failures: [string, () => Response | Promise<Response>, RegExp][] = [
    [
      'a 503 with a JSON message',
      () => jsonResponse({ error: { code: 'unavailable', message: 'Der Dienst ist gerade nicht erreichbar.' } }, { status: 503 }),
      /Der Dienst ist gerade nicht erreichbar/,
    ],
    [
      'a 500 HTML page',
      () => new Response('<!DOCTYPE html><p>Fehler', { status: 500, headers: { 'Content-Type': 'text/html' } }),
      /Fehler gemeldet/,
    ],
    ['a 404 HTML page', () => new Response('<html>Not found</html>', { status: 404 }), /unerwartet geantwortet/],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), /Keine Verbindung/],
  ];
  for (const [name, respond, message] of failures) {
    it(`rolls back and explains ${name}`, async () => {
      stub = stubFetch(respond);
      const el = await wall(html`<idea-wall eager support-endpoint="/api/support" .data=${data}></idea-wall>`);
      await captureWarnings(async () => {
        supportButton(el, 'sofa').click();
        await until(() => $(el, '[data-id="sofa"] .message'), 'message');
      });
      expect($(el, '[data-id="sofa"] .message')!.textContent)
        .to.match(/konnte nicht gespeichert werden/)
        .and.to.match(message);
      expect(count(el, 'sofa')).to.equal('10 Unterstützungen');
      expect(supportButton(el, 'sofa').getAttribute('aria-pressed')).to.equal('false');
      expect(localStorage.getItem('stadttraum.idea-wall.supported:/api/support')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('gives up after the timeout with a clear message', async () => {
    stub = stubFetch(
      (call) =>
        new Promise((_, reject) => call.init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const el = await wall(html`<idea-wall eager timeout="1" support-endpoint="/api/support" .data=${data}></idea-wall>`);
    await captureWarnings(async () => {
      supportButton(el, 'sofa').click();
      await until(() => $(el, '[data-id="sofa"] .message'), 'timeout message', 4000);
    });
    expect($(el, '[data-id="sofa"] .message')!.textContent).to.contain('zu lange');
    expect(count(el, 'sofa')).to.equal('10 Unterstützungen');
  });
});

describe('idea-wall: submit', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    stub?.restore();
    stub = undefined;
    clearStorage();
  });

  const fill = fillForm;
  const good = { ...validIdea, name: 'Lea' };
  const send = async (el: IdeaWall) => {
    $<HTMLButtonElement>(el, 'form.form [type="submit"]')!.click();
    await el.updateComplete;
  };

  it('offers no form without an endpoint', async () => {
    const el = await wall(html`<idea-wall eager .data=${data}></idea-wall>`);
    expect(markupOf($(el, '.submit-open'))).to.equal(null);
  });

  it('validates next to the fields, counts characters and focuses the first problem', async () => {
    stub = stubFetch(() => jsonResponse({ id: 'x', status: 'pending' }, { status: 202 }));
    const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" privacy-url="/datenschutz" .data=${data}></idea-wall>`);
    await openForm(el);
    await expect(el).to.be.accessible();
    await fill(el, { title: 'Kurz' });
    expect($(el, '#title-count')!.textContent).to.equal('4 von 120 Zeichen');
    await send(el);
    await el.updateComplete;
    expect($(el, '#title-error')!.textContent).to.contain('mindestens 5');
    expect($(el, '#description-error')).to.exist;
    expect($(el, '#category-error')).to.exist;
    expect($(el, '#consent-error')).to.exist;
    expect($(el, '#f-title')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-title')!.getAttribute('aria-describedby')).to.contain('title-error');
    await until(() => el.shadowRoot!.activeElement === $(el, '#f-title'), 'focus on title');
    expect(stub.calls).to.have.length(0);
    expect($<HTMLAnchorElement>(el, 'form.form a')!.href).to.match(/\/datenschutz$/);
    await expect(el).to.be.accessible();
  });

  it('after a failed submit, scrolls the first invalid field into view, centred, with its label and the form heading', async () => {
    stub = stubFetch(() => jsonResponse({ id: 'x', status: 'pending' }, { status: 202 }));
    const page = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 150vh"></div>
      <idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>
      <div style="height: 150vh"></div>
    </div>`);
    const el = page.querySelector('idea-wall')!;
    await settled(el);
    await openForm(el);
    window.scrollTo(0, 0); // the whole form below the viewport
    await send(el);
    await until(() => el.shadowRoot!.activeElement === $(el, '#f-title'), 'focus on the title');
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const inView = (node: Element) => {
      const r = node.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    };
    const field = $(el, '#f-title')!;
    expect(inView(field), `the field (top ${field.getBoundingClientRect().top}, viewport ${innerHeight})`).to.equal(true);
    expect(inView($(el, 'label[for="f-title"]')!), 'its label').to.equal(true);
    expect(inView($(el, '#form-title')!), 'the form heading').to.equal(true);
    const r = field.closest('.field')!.getBoundingClientRect();
    expect(Math.abs((r.top + r.bottom) / 2 - innerHeight / 2), 'centred').to.be.below(innerHeight / 10);
    window.scrollTo(0, 0);
  });

  it('sends once, says ideas are published after review, and fires events', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    stub = stubFetch(async () => {
      await gate;
      return jsonResponse({ id: 'demo-7', status: 'pending' }, { status: 202 });
    });
    const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
    await openForm(el);
    await fill(el, good);
    const submitEvent = oneEvent(el, 'st-idea-submit');
    await send(el);
    expect((await submitEvent).detail.idea.title).to.equal('Trinkbrunnen am Markt');
    await send(el); // a double click
    await send(el);
    const submitted = oneEvent(el, 'st-idea-submitted') as Promise<StIdeaSubmittedEvent>;
    release();
    expect((await submitted).detail).to.deep.equal({ id: 'demo-7', status: 'pending' });
    expect(stub.calls).to.have.length(1);
    expect(stub.calls[0].body).to.include({ title: 'Trinkbrunnen am Markt', category: 'kultur', name: 'Lea', consent: true, website: '' });
    expect(stub.calls[0].body!.consentText).to.be.a('string').and.contain('einverstanden');
    await el.updateComplete;
    expect(textOf(el)).to.contain('nach einer Prüfung veröffentlicht');
    expect(sessionStorage.getItem('stadttraum.idea-wall.draft:/api/ideas')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sends the honeypot as typed (bots fill it)', async () => {
    stub = stubFetch(() => jsonResponse({ status: 'pending' }, { status: 202 }));
    const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
    await openForm(el);
    const hp = $<HTMLInputElement>(el, '[name="website"]')!;
    expect(hp.tabIndex).to.equal(-1);
    expect(hp.closest('[aria-hidden="true"]')).to.exist;
    await fill(el, { ...good, website: 'http://spam.example' });
    await send(el);
    await until(() => stub!.calls.length === 1, 'sent');
    expect(stub.calls[0].body!.website).to.equal('http://spam.example');
  });

  it('shows the server’s field messages and keeps everything after a failure, also across a reload', async () => {
    stub = stubFetch(() =>
      jsonResponse(
        {
          error: { code: 'invalid', message: 'Bitte prüfen Sie die markierten Felder.', fields: { title: 'Diesen Titel gibt es schon.' } },
        },
        { status: 422 },
      ),
    );
    const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
    await openForm(el);
    await fill(el, good);
    await captureWarnings(() => send(el));
    await until(() => $(el, '#title-error'), 'field message');
    expect($(el, '#title-error')!.textContent).to.equal('Diesen Titel gibt es schon.');
    expect($(el, '.form-error')!.textContent).to.contain('Ihre Idee konnte nicht gesendet werden.').and.contain('Bitte prüfen Sie');
    expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal(good.title);
    await expect(el).to.be.accessible();

    el.remove(); // a reload
    const again = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
    expect($(again, '.submit-open button')!.textContent).to.contain('Entwurf gespeichert');
    await openForm(again);
    expect($<HTMLInputElement>(again, '#f-title')!.value).to.equal(good.title);
    expect($<HTMLTextAreaElement>(again, '#f-description')!.value).to.equal(good.description);
    expect($<HTMLSelectElement>(again, '#f-category')!.value).to.equal('kultur');
    expect($<HTMLInputElement>(again, '#f-consent')!.checked).to.be.true;
    expect($(again, '.form-error')!.textContent).to.contain('nicht gesendet');
  });

  for (const [name, respond, message] of [
    [
      'a 503',
      () => jsonResponse({ error: { code: 'unavailable', message: 'Wartungsarbeiten bis 14 Uhr.' } }, { status: 503 }),
      /Wartungsarbeiten/,
    ],
    ['an HTML error page', () => new Response('<!DOCTYPE html><title>502</title>', { status: 502 }), /Fehler gemeldet/],
    ['no connection', () => Promise.reject(new TypeError('Failed to fetch')), /Keine Verbindung/],
  ] as [string, () => Promise<Response> | Response, RegExp][]) {
    it(`explains ${name} and loses nothing`, async () => {
      stub = stubFetch(respond);
      const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
      await openForm(el);
      await fill(el, good);
      await captureWarnings(() => send(el));
      await until(() => $(el, '.form-error'), 'message');
      expect($(el, '.form-error')!.textContent).to.match(message);
      expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal(good.title);
      expect(JSON.parse(sessionStorage.getItem('stadttraum.idea-wall.draft:/api/ideas')!).description).to.equal(good.description);
    });
  }

  it('lets the host page cancel the submit and handle it itself', async () => {
    stub = stubFetch(() => jsonResponse({}, { status: 202 }));
    const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${data}></idea-wall>`);
    el.addEventListener('st-idea-submit', (e) => e.preventDefault());
    await openForm(el);
    await fill(el, good);
    await send(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(stub.calls).to.have.length(0);
  });

  it('can be filled and sent with the keyboard only', async () => {
    stub = stubFetch(() => jsonResponse({ id: 'k', status: 'pending' }, { status: 202 }));
    const el = await wall(html`<idea-wall eager submit-endpoint="/api/ideas" .data=${{ ideas: data.ideas }}></idea-wall>`);
    $<HTMLButtonElement>(el, '.submit-open button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, 'form.form'), 'form');
    await until(() => el.shadowRoot!.activeElement?.id === 'form-title', 'focus on the form heading');
    await sendKeys({ press: 'Tab' });
    await typeText('Lastenrad zum Ausleihen');
    await sendKeys({ press: 'Tab' });
    await typeText('Ein Lastenrad im Rathaus für alle Einkäufe.');
    await sendKeys({ press: 'Tab' }); // name
    await sendKeys({ press: 'Tab' }); // consent (the honeypot is skipped)
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-consent');
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => stub!.calls.length === 1, 'sent');
    expect(stub.calls[0].body).to.include({ title: 'Lastenrad zum Ausleihen', consent: true });
    // The submit button is gone: focus goes to the result, not to <body>.
    await until(() => el.shadowRoot!.activeElement?.classList.contains('success'), 'focus on the result');
    expect(el.shadowRoot!.activeElement!.textContent).to.contain('Prüfung');
  });
});
