import { expect, fixture, html } from '@open-wc/testing';
import { whenNearViewport } from '../../src/core/visibility.js';

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));

describe('whenNearViewport', () => {
  it('calls every waiting callback of an element (a widget with two feeds), once', async () => {
    const wrap = await fixture(html`<div><div style="height: 4000px"></div><p>unten</p></div>`);
    const target = wrap.querySelector('p')!;
    const calls: string[] = [];
    whenNearViewport(target, () => calls.push('main'));
    whenNearViewport(target, () => calls.push('partners'));
    const stop = whenNearViewport(target, () => calls.push('cancelled'));
    stop();
    await frame();
    expect(calls).to.deep.equal([]);
    target.scrollIntoView();
    await frame();
    expect(calls).to.have.members(['main', 'partners']);
    window.scrollTo(0, 0);
    await frame();
    target.scrollIntoView();
    await frame();
    expect(calls).to.have.length(2);
  });
});
