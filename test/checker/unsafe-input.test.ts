/** The feed checker with hostile input (issue 16): any JSON, unsafe URLs, origins the widget would not load. */
import { expect } from '@open-wc/testing';
import { checkData, type Loaded } from '../../src/checker/checks.js';
import { csp, snippet, type BuilderState } from '../../src/checker/snippet.js';
import { widgetOf } from '../../src/checker/widgets.js';

const state = (over: Partial<BuilderState>): BuilderState => ({
  tag: 'partner-logos',
  src: 'https://daten.example.de/partner.json',
  format: '',
  lang: '',
  theme: '',
  options: {},
  sections: [],
  consent: false,
  tileUrl: '',
  tileAttribution: '',
  scriptUrl: 'https://cdn.example.de/stadttraum.js',
  integrity: '',
  imageOrigins: [],
  ...over,
});

describe('feed checker: hostile input', () => {
  it('reports on JSON nested deeper than the stack instead of crashing', async () => {
    const depth = 200000;
    const loaded: Loaded = { text: `{"groups":${'['.repeat(depth)}${']'.repeat(depth)}}`, kind: 'json', needsFormat: false };
    const report = await checkData(widgetOf('partner-logos'), loaded, location.href);
    expect(report.fatal).to.equal(true);
    expect(report.findings.length).to.be.above(0);
    expect(report.findings[0].level).to.equal('error');
  });

  it('never offers embed code with a javascript: (or data:) URL', () => {
    const info = widgetOf('partner-logos');
    for (const src of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>']) {
      const code = snippet(info, state({ src }), 'Partner');
      expect(code.toLowerCase()).not.to.contain('javascript:');
      expect(code).not.to.contain('data:text');
      expect(csp(info, state({ src }), 'https://www.example.de')).not.to.contain('javascript');
    }
    expect(snippet(info, state({}), 'Partner')).to.contain('src="https://daten.example.de/partner.json"');
  });

  it('lists in the CSP only the image origins the widget would load (no file:, data:)', () => {
    const info = widgetOf('partner-logos');
    const policy = csp(info, state({ imageOrigins: ['file://', 'null', 'https://logos.example.de'] }), 'https://www.example.de');
    const img = policy.split('; ').find((d) => d.startsWith('img-src'))!;
    expect(img).to.equal("img-src 'self' https://logos.example.de");
  });

  it('collects only http(s) image origins from the data', async () => {
    const data = {
      groups: [
        {
          heading: 'A',
          partners: [
            { name: 'X', logo: { src: 'file:///C:/logo.png', width: 2, height: 1, alt: 'X' } },
            { name: 'Y', logo: { src: 'https://logos.example.de/y.png', width: 2, height: 1, alt: 'Y' } },
          ],
        },
      ],
    };
    const report = await checkData(
      widgetOf('partner-logos'),
      { text: JSON.stringify(data), kind: 'json', needsFormat: false },
      location.href,
    );
    expect(report.imageOrigins).to.deep.equal(['https://logos.example.de']);
  });
});
