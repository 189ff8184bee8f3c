/**
 * The loader asks an `eager` tag's feed at once without measuring it: getBoundingClientRect()
 * forces a layout of the page while it is still being built (issue 18). A tag far below the
 * viewport is measured and not read. The widget's code is held back (a promise that never
 * settles), so only the loader acts here.
 */
import { expect } from '@open-wc/testing';
import { widgets } from '../../src/widgets.js';

(widgets as Record<string, () => Promise<unknown>>)['partner-logos'] = () => new Promise(() => {});

describe('loader: eager tags need no layout', () => {
  const realFetch = window.fetch;
  const realRect = Element.prototype.getBoundingClientRect;
  after(() => {
    window.fetch = realFetch;
    Element.prototype.getBoundingClientRect = realRect;
  });

  it('an eager tag is primed without getBoundingClientRect(); a far-away tag is measured and not read', async () => {
    const asked: string[] = [];
    window.fetch = (input: RequestInfo | URL) => {
      asked.push(String(input));
      return new Promise<Response>(() => {});
    };
    const measured: string[] = [];
    Element.prototype.getBoundingClientRect = function (this: Element) {
      measured.push(this.getAttribute('src') ?? this.localName);
      return realRect.call(this);
    };
    document.body.insertAdjacentHTML(
      'beforeend',
      `<partner-logos eager src="/feeds/eager-logos.json"></partner-logos>
       <div style="height: 5000px"></div>
       <partner-logos src="/feeds/far-logos.json"></partner-logos>`,
    );
    await import('../../src/stadttraum.js');
    expect(asked.join(' '), 'the eager tag’s feed is asked for at once').to.contain('/feeds/eager-logos.json');
    expect(asked.join(' '), 'nothing read for the tag far below').to.not.contain('far-logos');
    expect(measured.join(' '), 'the far tag is measured').to.contain('/feeds/far-logos.json');
    expect(measured.join(' '), 'the eager tag is not').to.not.contain('eager-logos');
  });
});
