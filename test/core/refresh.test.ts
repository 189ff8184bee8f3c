import { expect } from '@open-wc/testing';
import { fixture, html, settled } from '../helpers.js';
import type { TestFeedWidget } from './test-widget.js';
import './test-widget.js';

const hits = async (key: string) => (await (await fetch(`/mock/count?key=c&of=${key}`)).json()).count as number;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('refresh polling', function () {
  this.timeout(20_000);
  afterEach(() => {
    delete (document as unknown as Record<string, unknown>).hidden; // back to the prototype's getter
  });

  it('asks the server every `refresh` seconds, pauses while the tab is hidden, catches up when it is shown', async () => {
    const key = `poll-${Math.random()}`;
    const el = await fixture<TestFeedWidget>(html`<test-feed-widget eager refresh="5" src="/mock/etag?version=1&key=${key}"></test-feed-widget>`);
    await settled(el);
    expect(await hits(key)).to.equal(1);
    await wait(5300);
    expect(await hits(key), 'one poll after 5 s').to.equal(2);
    setHidden(true);
    await wait(5300);
    expect(await hits(key), 'no poll while hidden').to.equal(2);
    setHidden(false);
    await wait(200);
    expect(await hits(key), 'the missed poll, as soon as the tab is visible again').to.equal(3);
  });
});
