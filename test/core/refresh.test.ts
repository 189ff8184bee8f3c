import { expect } from '@open-wc/testing';
import { fixture, html, settled } from '../helpers.js';
import { holdTimers } from '../held-timers.js';
import type { TestFeedWidget } from './test-widget.js';
import './test-widget.js';

const hits = async (key: string) => (await (await fetch(`/mock/count?key=c&of=${key}`)).json()).count as number;

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('refresh polling', () => {
  let clock: ReturnType<typeof holdTimers>;
  beforeEach(() => {
    clock = holdTimers(5000); // refresh="5": the poll timer is held, fire() is "5 s later"
  });
  afterEach(() => {
    clock.restore();
    delete (document as unknown as Record<string, unknown>).hidden; // back to the prototype's getter
  });

  it('asks the server every `refresh` seconds, pauses while the tab is hidden, catches up when it is shown', async () => {
    const key = `poll-${Math.random()}`;
    const el = await fixture<TestFeedWidget>(
      html`<test-feed-widget eager refresh="5" src="/mock/etag?version=1&key=${key}"></test-feed-widget>`,
    );
    await settled(el);
    expect(await hits(key)).to.equal(1);
    expect(clock.pending, 'a poll is due in 5 s').to.equal(1);
    clock.fire();
    await until(async () => (await hits(key)) === 2, 'one poll after 5 s');
    await until(async () => clock.pending === 1, 'the next poll to be scheduled');
    setHidden(true);
    clock.fire();
    expect(clock.pending, 'nothing scheduled while hidden').to.equal(0);
    await settled(el);
    expect(await hits(key), 'no poll while hidden').to.equal(2);
    setHidden(false);
    await until(async () => (await hits(key)) === 3, 'the missed poll, as soon as the tab is visible again');
  });
});
