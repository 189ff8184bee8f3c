import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { cssVars } from '../../src/core/css-vars.js';

describe('cssVars', () => {
  it('sets, updates and removes properties without ever writing a style attribute', () => {
    const writes: string[] = [];
    const original = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name: string, value: string) {
      if (name === 'style') writes.push(value);
      return original.call(this, name, value);
    };
    const host = document.createElement('div');
    const view = (props: Record<string, string | undefined>) => html`<p style=${cssVars(props)}></p>`;
    try {
      render(view({ '--_cat': 'rgb(1, 2, 3)', width: '40%' }), host);
      const p = host.querySelector('p')!;
      expect(p.style.getPropertyValue('--_cat')).to.equal('rgb(1, 2, 3)');
      expect(p.style.width).to.equal('40%');
      render(view({ '--_cat': undefined, width: '50%' }), host);
      expect(host.querySelector('p')).to.equal(p);
      expect(p.style.getPropertyValue('--_cat')).to.equal('');
      expect(p.style.width).to.equal('50%');
      render(html`<i ${cssVars({ '--_tier': '#123456' })}></i>`, host);
      expect(host.querySelector('i')!.style.getPropertyValue('--_tier')).to.equal('#123456');
      expect(writes).to.deep.equal([]);
    } finally {
      Element.prototype.setAttribute = original;
    }
  });

  it('tells the developer, in English, where it belongs when bound elsewhere (another attribute, text)', () => {
    for (const wrong of [html`<p class=${cssVars({ '--_cat': 'red' })}></p>`, html`<p>${cssVars({ '--_cat': 'red' })}</p>`]) {
      let message = '';
      try {
        render(wrong, document.createElement('div'));
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).to.equal('cssVars() belongs in a style attribute or on the element itself');
    }
  });
});
