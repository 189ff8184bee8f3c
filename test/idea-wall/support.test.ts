// The support controller on its own: a tiny host element, fetch stubbed with real Responses.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { define } from '../../src/core/define.js';
import { LocalizeController } from '../../src/core/i18n.js';
import { WidgetElement } from '../../src/core/widget-element.js';
import type { StIdeaSupportEvent } from '../../src/idea-wall/idea-wall.events.js';
import type { Idea } from '../../src/idea-wall/idea-wall.model.js';
import { supportKey } from '../../src/idea-wall/idea-wall.storage.js';
import { strings } from '../../src/idea-wall/idea-wall.strings.js';
import { SupportController } from '../../src/idea-wall/support-controller.js';
import { jsonResponse } from '../helpers.js';
import { clearStorage, stubFetch } from './helpers.js';

class SupportHost extends WidgetElement {
  static override properties = { supportEndpoint: { attribute: 'support-endpoint' } };
  supportEndpoint?: string;
  submitEndpoint?: string;
  privacyUrl?: string;
  headingLevel = 3;
  said: string[] = [];
  readonly l10n = new LocalizeController(this, strings);
  readonly supports = new SupportController(this, this.l10n, (m) => this.said.push(m));
  readonly idea = { id: 'bank', title: 'Mehr Bänke', supporters: 4 } as Idea;

  override render() {
    const s = this.supports;
    return litHtml`<button aria-pressed=${s.has('bank')} ?disabled=${s.busy('bank')} @click=${() => s.toggle(this.idea)}>${this.idea.supporters}</button>
      <p>${s.failure('bank') ?? ''}</p>`;
  }
}
define('test-support-host', SupportHost);

const host = (endpoint = '/api/support') =>
  fixture<SupportHost>(html`<test-support-host support-endpoint=${endpoint}></test-support-host>`);
const button = (el: SupportHost) => el.shadowRoot!.querySelector('button')!;

describe('SupportController', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  beforeEach(() => clearStorage());
  afterEach(() => {
    stub?.restore();
    stub = undefined;
    clearStorage();
  });

  it('reads the supports this browser remembers for the endpoint, and only those', async () => {
    localStorage.setItem(supportKey('/api/support'), JSON.stringify(['bank']));
    const el = await host();
    expect(el.supports.has('bank')).to.equal(true);
    el.supportEndpoint = '/api/other';
    await el.updateComplete;
    expect(el.supports.has('bank')).to.equal(false);
  });

  it('counts +1 at once, sends once with an idempotency key, then takes the server’s count and remembers it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    stub = stubFetch(async (call) => {
      await gate;
      return jsonResponse({ idea: call.body!.idea, supported: true, supporters: 9 });
    });
    const el = await host();
    button(el).click();
    await el.updateComplete;
    expect([button(el).textContent, button(el).getAttribute('aria-pressed'), button(el).disabled]).to.deep.equal(['5', 'true', true]);
    await el.supports.toggle(el.idea); // a second toggle while the first is on its way sends nothing
    const event = oneEvent(el, 'st-idea-support') as Promise<StIdeaSupportEvent>;
    release();
    expect((await event).detail).to.deep.equal({ id: 'bank', supported: true, supporters: 9, duplicate: false });
    await el.updateComplete;
    expect([button(el).textContent, button(el).disabled]).to.deep.equal(['9', false]);
    expect(stub.calls).to.have.length(1);
    expect(stub.calls[0].body).to.deep.include({ idea: 'bank', support: true });
    expect(String(stub.calls[0].body!.visitor)).to.match(/^[0-9a-f]{32}$/); // the browser token the server dedupes by
    expect((stub.calls[0].init!.headers as Record<string, string>)['Idempotency-Key']).to.match(/\S{8,}/);
    expect(JSON.parse(localStorage.getItem(supportKey('/api/support'))!)).to.deep.equal(['bank']);
    expect(el.said).to.deep.equal(['Danke für Ihre Unterstützung.']);
  });

  it('rolls the +1 and the pressed state back when the server fails, and says why next to the button', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    stub = stubFetch(async () => {
      await gate;
      return jsonResponse({ error: { code: 'server', message: 'Wartung bis 14 Uhr.' } }, { status: 503 });
    });
    const el = await host();
    const done = el.supports.toggle(el.idea);
    await el.updateComplete;
    expect([button(el).textContent, button(el).getAttribute('aria-pressed')]).to.deep.equal(['5', 'true']);
    release();
    await done;
    await el.updateComplete;
    expect([button(el).textContent, button(el).getAttribute('aria-pressed'), button(el).disabled]).to.deep.equal(['4', 'false', false]);
    expect(el.shadowRoot!.querySelector('p')!.textContent)
      .to.contain('Ihre Unterstützung konnte nicht gespeichert werden.')
      .and.contain('Wartung bis 14 Uhr.');
    expect(el.said).to.have.length(1);
    expect(localStorage.getItem(supportKey('/api/support'))).to.equal(null);
  });

  it('withdraws a remembered support with support:false and forgets it', async () => {
    localStorage.setItem(supportKey('/api/support'), JSON.stringify(['bank']));
    stub = stubFetch(() => jsonResponse({ idea: 'bank', supported: false, supporters: 3 }));
    const el = await host();
    await el.supports.toggle(el.idea);
    await el.updateComplete;
    expect(stub.calls[0].body).to.deep.include({ idea: 'bank', support: false });
    expect([button(el).textContent, button(el).getAttribute('aria-pressed')]).to.deep.equal(['3', 'false']);
    expect(JSON.parse(localStorage.getItem(supportKey('/api/support'))!)).to.deep.equal([]);
  });
});
