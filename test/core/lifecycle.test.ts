import { expect, fixture, html } from '@open-wc/testing';
import { define } from '../../src/core/define.js';
import { VERSION } from '../../src/core/version.js';
import { captureWarnings } from '../helpers.js';
import { expectNoLeaks, trackLeaks } from '../leak-tracker.js';
import './test-widget.js';

const nextTask = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('lifecycle', () => {
  it('the loader defines a widget whose tag appears later (e.g. in a CMS tab)', async () => {
    await import('../../src/stadttraum.js');
    expect(customElements.get('partner-logos')).to.equal(undefined);
    // Observers run in the order they were made: when this one has seen the new <div>, the
    // loader's observer has seen it too, so "nothing loaded" is checked exactly, not after a sleep.
    const seen = new Promise<void>((r) => {
      const o = new MutationObserver(() => (o.disconnect(), r()));
      o.observe(document.body, { childList: true, subtree: true });
    });
    const host = await fixture(html`<div></div>`);
    await seen;
    expect(customElements.get('partner-logos'), 'nothing loaded before the tag appears').to.equal(undefined);
    expect(
      performance.getEntriesByType('resource').filter((e) => e.name.includes('partner-logos')),
      'no partner-logos module requested',
    ).to.have.length(0);
    const later = document.createElement('div');
    later.innerHTML = '<section><partner-logos></partner-logos></section>';
    host.append(later);
    await Promise.race([customElements.whenDefined('partner-logos'), nextTask(5000)]);
    expect(customElements.get('partner-logos')).to.be.a('function');
    expect(host.querySelector('partner-logos')!.shadowRoot).to.exist;
  });

  it('the loader installs the consent API before any widget', async () => {
    await import('../../src/stadttraum.js');
    expect(window.stadttraum?.consent?.grant).to.be.a('function');
    expect(window.stadttraum?.version).to.equal(VERSION);
  });

  it('a second copy of the script (same version) defines nothing twice and does not throw', async () => {
    class Copy extends HTMLElement {}
    // Without the guard the registry would throw "already been defined" here.
    const warnings = await captureWarnings(() => expect(() => define('test-feed-widget', Copy)).not.to.throw());
    expect(warnings).to.deep.equal([]);
  });

  it('another version holding a tag: one warning, no error', async () => {
    class Old extends HTMLElement {
      static stVersion = '0.0.1';
    }
    customElements.define('test-old-tag', Old);
    class New extends HTMLElement {}
    const warnings = await captureWarnings(() => {
      define('test-old-tag', New);
      define('test-old-tag', New);
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('0.0.1').and.contain(VERSION);
  });

  it('widgets added and removed many times leave nothing running', async () => {
    const host = await fixture(html`<div></div>`);
    const tracker = trackLeaks();
    try {
      for (let i = 0; i < 20; i++) {
        const el = document.createElement('test-feed-widget');
        el.setAttribute('src', `/mock/slow?ms=2000&i=${i}`);
        el.setAttribute('refresh', '30');
        if (i % 2) el.setAttribute('eager', '');
        host.append(el);
        await nextTask(i % 3 === 0 ? 30 : 0);
        el.remove();
      }
      await nextTask(100);
    } finally {
      expectNoLeaks(tracker.stop(), expect);
    }
  });
});
