import { expect } from '@open-wc/testing';
import { consent } from '../../src/core/consent.js';

describe('consent API', () => {
  afterEach(() => {
    consent().revoke('map');
    localStorage.clear();
  });

  it('is one page-wide object on window.stadttraum', () => {
    expect(consent()).to.equal(window.stadttraum!.consent);
    // A grant through the page's object is what every widget's gate sees.
    window.stadttraum!.consent!.grant('map');
    expect(consent().has('map')).to.equal(true);
  });

  it('grant and revoke announce st-consent-change on window', () => {
    const seen: unknown[] = [];
    const listener = (e: Event) => seen.push((e as CustomEvent).detail);
    window.addEventListener('st-consent-change', listener);
    consent().grant('map');
    consent().grant('map'); // no second event for the same state
    consent().revoke('map');
    window.removeEventListener('st-consent-change', listener);
    expect(seen).to.deep.equal([
      { purpose: 'map', granted: true },
      { purpose: 'map', granted: false },
    ]);
  });

  it('stores nothing unless the visitor asks to remember, and never a cookie', () => {
    consent().grant('map');
    expect(localStorage.length).to.equal(0);
    consent().revoke('map');
    consent().grant('map', { remember: true });
    expect(localStorage.getItem('stadttraum.consent.map')).to.equal('granted');
    expect(document.cookie).to.equal('');
    consent().revoke('map');
    expect(localStorage.getItem('stadttraum.consent.map')).to.equal(null);
    expect(consent().has('map')).to.equal(false);
  });
});
