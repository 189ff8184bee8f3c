/** Decidim and CONSUL answers as real servers send them (issue 16), beyond the adapters' own query. */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { captureWarnings, textOf } from '../helpers.js';
import { $, $$, clearStorage, stubFetch, titles, wall } from './helpers.js';
import { plainText } from '../../src/idea-wall/adapters/shared.js';

const tr = (text: string) => ({ translations: [{ locale: 'de', text }] });

describe('idea-wall: platform answers as real servers send them', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    stub?.restore();
    stub = undefined;
    clearStorage();
  });

  it('decodes the named entities CKEditor and Decidim write, and leaves unknown ones as written', () => {
    expect(
      plainText('<p>Gr&uuml;&szlig;e &ndash; &bdquo;Stra&szlig;enfest&ldquo; am 3.&nbsp;Mai&hellip; &euro;&nbsp;5 &Auml;pfel &madeup;</p>'),
    ).to.equal('Grüße – „Straßenfest“ am 3.\u00a0Mai… €\u00a05 Äpfel &madeup;');
  });

  it('reads a Decidim answer with nodes, without ids and with custom state titles from the platform', async () => {
    const data = {
      data: {
        component: {
          id: '42',
          proposals: {
            nodes: [
              {
                title: tr('Ampel an der Schule'),
                body: tr('<p>Bitte &uuml;berpr&uuml;fen</p>'),
                state: 'in_pruefung_beim_landkreis',
                proposalState: { title: tr('In Prüfung beim Landkreis') },
                publishedAt: '2025-01-02',
              },
              { id: '7', title: tr('Bank am See'), body: tr(''), state: 'accepted', voteCount: 3, publishedAt: '2025-01-03' },
            ],
          },
        },
      },
    };
    const el = await wall(html`<idea-wall eager format="decidim" support-endpoint="/support" .data=${data}></idea-wall>`);
    expect(titles(el).sort()).to.deep.equal(['Ampel an der Schule', 'Bank am See']);
    expect(textOf(el)).to.contain('In Prüfung beim Landkreis').and.not.contain('In pruefung');
    expect(textOf(el)).to.contain('Bitte überprüfen');
    // Only the proposal with an id can be supported.
    expect($$(el, '[part="support"]').length).to.equal(1);
    expect($(el, '[data-id="7"] [part="support"]') !== null).to.equal(true);
  });

  it('a Decidim answer whose component has no proposal list is an error, not an empty wall', async () => {
    const warnings = await captureWarnings(async () => {
      const el = await wall(html`<idea-wall eager format="decidim" .data=${{ data: { proposals: { id: '42' } } }}></idea-wall>`);
      expect($(el, '[part="error"]') !== null).to.equal(true);
      expect(textOf(el)).to.contain('keine Vorschlagsliste');
    });
    expect(warnings.join('\n')).to.contain('keine Vorschlagsliste');
  });

  it('"Mehr laden" from a platform logs no false "Antwort ohne data"', async () => {
    const original = window.fetch;
    let n = 0;
    stub = stubFetch(async (call) =>
      call.init?.method === 'POST'
        ? original(`/test/idea-wall/fixtures/${n++ === 0 ? 'decidim-proposals.json' : 'decidim-proposals.json'}`)
        : original(call.url, call.init),
    );
    const warnings = await captureWarnings(async () => {
      const el = await wall(html`<idea-wall eager format="decidim" src="https://beteiligung.example/api?component=42"></idea-wall>`);
      $<HTMLButtonElement>(el, '[part="more"]')!.click();
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 300));
      await el.updateComplete;
    });
    expect(n).to.equal(2);
    expect(warnings.join('\n')).not.to.contain('ohne „data“');
  });
});
