/**
 * The core's technical texts follow the widget's language (issue 16 leftover): no source, network
 * failure, unsafe links in a feed and the console's summary line, English on English pages and
 * German on German ones.
 */
import { expect, fixture } from '@open-wc/testing';
import { captureWarnings, settled, textOf } from '../helpers.js';
import '../../src/partner-logos/partner-logos.js';
import type { WidgetElement } from '../../src/core/widget-element.js';
import { clearFeedCache, retryPolicy } from '../../src/core/request.js';

const realFetch = window.fetch;
const backoff = retryPolicy.delayMs;

async function show(lang: 'de' | 'en', attrs: string, data?: unknown): Promise<{ el: WidgetElement; console: string }> {
  let el!: WidgetElement;
  const warnings = await captureWarnings(async () => {
    const holder = await fixture<HTMLElement>(`<div lang="${lang}"><partner-logos eager ${attrs}></partner-logos></div>`);
    el = holder.firstElementChild as WidgetElement;
    if (data) el.data = data;
    await settled(el);
    await el.updateComplete;
  });
  return { el, console: warnings.join('\n') };
}

describe('core texts in the widget’s language', () => {
  beforeEach(() => {
    clearFeedCache();
    retryPolicy.delayMs = 0;
  });
  afterEach(() => {
    window.fetch = realFetch;
    retryPolicy.delayMs = backoff;
  });

  it('no source: the technical line is English on an English page, German on a German one', async () => {
    const en = await show('en', '');
    expect(textOf(en.el)).to.contain('No data source given').and.contain('No src, no data and no embedded JSON.');
    const de = await show('de', '');
    expect(textOf(de.el)).to.contain('Keine Datenquelle angegeben').and.contain('Weder src noch data noch eingebettetes JSON.');
  });

  it('a network failure is explained in the page’s language, in the widget and the console', async () => {
    window.fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const en = await show('en', 'src="https://feeds.example/partner.json"');
    expect(textOf(en.el))
      .to.contain('The data could not be fetched.')
      .and.contain('Network error: Failed to fetch (CORS, offline or wrong address?)');
    expect(en.console).to.contain('Network error').and.not.contain('Netzwerkfehler');
    clearFeedCache();
    const de = await show('de', 'src="https://feeds.example/partner.json"');
    expect(textOf(de.el)).to.contain('Die Daten konnten nicht abgerufen werden.').and.contain('Netzwerkfehler: Failed to fetch');
  });

  it('unsafe links in a feed and the summary line are English on an English page', async () => {
    const feed = {
      groups: [
        {
          heading: 'Funded by',
          partners: [{ name: 'Stiftung', url: 'javascript:alert(1)', logo: { src: 'data:image/png;base64,AAAA', width: 10, height: 10 } }],
        },
      ],
    };
    const en = await show('en', '', feed);
    expect(textOf(en.el)).to.contain('Stiftung');
    expect(en.console).to.contain('3 note(s) on the data').and.contain('unsafe URL “javascript:alert(1)” (javascript:) ignored.');
    expect(en.console).to.contain('logo.src is not an http(s) address – the name is shown as text.');
    expect(en.console).not.to.match(/Hinweis|unsichere|ignoriert|keine http/);
    const de = await show('de', '', feed);
    expect(de.console).to.contain('Hinweis(e) zu den Daten').and.contain('unsichere URL „javascript:alert(1)“ (javascript:) ignoriert.');
  });
});
