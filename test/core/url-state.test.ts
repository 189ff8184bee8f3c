// The URL-state controller on its own, on a tiny host element.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { define } from '../../src/core/define.js';
import { UrlStateController } from '../../src/core/url-state.js';

class UrlHost extends LitElement {
  static override properties = { q: { state: true }, item: { state: true } };
  enabled = true;
  q = '';
  item?: string;
  readonly url = new UrlStateController(this, {
    enabled: () => this.enabled,
    state: () => ({ q: this.q, item: this.item }),
    apply: (p) => {
      this.q = p.get('q') ?? '';
      this.item = p.get('item') ?? undefined;
    },
  });
  override render() {
    return litHtml`${this.q}|${this.item ?? ''}`;
  }
}
define('test-url-host', UrlHost);

const reset = () => history.replaceState(null, '', location.pathname + location.search);
const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out: ${what}`);
};

describe('UrlStateController', () => {
  beforeEach(reset);
  afterEach(reset);

  it('takes its state from a linked hash on connect', async () => {
    history.replaceState(null, '', '#q=bank&item=b');
    const el = await fixture<UrlHost>(html`<test-url-host></test-url-host>`);
    expect([el.q, el.item]).to.deep.equal(['bank', 'b']);
  });

  it('writes the state over the current entry, and leaves empty values out', async () => {
    const el = await fixture<UrlHost>(html`<test-url-host></test-url-host>`);
    const entries = history.length;
    el.q = 'sofa';
    el.url.replace();
    expect(location.hash).to.equal('#q=sofa');
    el.q = '';
    el.url.replace();
    expect(location.hash).to.equal('');
    expect(history.length).to.equal(entries);
  });

  it('opens with a new history entry that Back closes; closing without Back rewrites the entry', async () => {
    const el = await fixture<UrlHost>(html`<test-url-host></test-url-host>`);
    el.q = 'sofa';
    el.url.replace();
    el.item = 'b';
    el.url.open('item', 'b');
    expect(location.hash).to.equal('#q=sofa&item=b');
    history.back();
    await until(() => el.item === undefined, 'Back applied the previous entry');
    expect(location.hash).to.equal('#q=sofa');
    // an idea a link opened has no entry of its own: closing rewrites the hash
    history.replaceState(null, '', '#q=sofa&item=c');
    el.item = undefined;
    el.url.close('item', 'c');
    expect(location.hash).to.equal('#q=sofa');
  });

  it('keeps its state when the page jumps to a plain anchor', async () => {
    const el = await fixture<UrlHost>(html`<test-url-host></test-url-host>`);
    el.q = 'sofa';
    el.url.replace();
    location.hash = '#inhalt';
    await new Promise((r) => setTimeout(r, 30));
    expect(el.q).to.equal('sofa');
  });

  it('neither reads nor writes the URL when switched off', async () => {
    history.replaceState(null, '', '#q=bank');
    const el = document.createElement('test-url-host') as UrlHost;
    el.enabled = false;
    document.body.append(el);
    await el.updateComplete;
    expect(el.q).to.equal('');
    el.q = 'sofa';
    el.url.replace();
    el.url.open('item', 'x');
    expect(location.hash).to.equal('#q=bank');
    el.remove();
  });
});
