import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import type { TemplateResult } from 'lit';
import { settled } from '../helpers.js';
import '../../src/idea-wall/idea-wall.js';
import '../../src/mitfahrbank-map/mitfahrbank-map.js';
import '../../src/ehrenamt-card/ehrenamt-card.js';
import '../../src/partner-logos/partner-logos.js';
import type { WidgetElement } from '../../src/core/widget-element.js';
import { frame as framed, reasonToSkip } from './visual-frame.js';

/**
 * Visual baselines (test/visual/baselines/chromium/) for every widget with the demo data:
 * light, dark and auto on a light and on a dark host page at 800 px, and a phone (390 px) on
 * both pages. A changed colour or a moved box fails; UPDATE_VISUAL=1 rewrites the baselines.
 * Chromium only (other engines render text differently), and only with DejaVu Sans installed
 * (scripts/ensure-fonts.mjs): otherwise each test skips and says why.
 */
const MAX_SHOTS = 32; // 4 widgets × (6 desktop + 2 phone); keeps the repository and the run small (jugend-budget.test.ts has its own 24)

const widgets: Record<string, (theme: string) => TemplateResult> = {
  'idea-wall': (t) => html`<idea-wall theme=${t} src="/demo/data/ideas.json" support-endpoint="/api/support" eager></idea-wall>`,
  'mitfahrbank-map': (t) => html`<mitfahrbank-map theme=${t} src="/demo/data/benches.json" eager></mitfahrbank-map>`,
  'ehrenamt-card': (t) =>
    html`<ehrenamt-card theme=${t} src="/demo/data/ehrenamt.json" sections="card check partners map" eager></ehrenamt-card>`,
  'partner-logos': (t) =>
    html`<partner-logos theme=${t} src="/demo/data/partners.json" layout="row" min-height="40" eager></partner-logos>`,
};
const desktop = (['light', 'dark'] as const).flatMap((page) =>
  ['light', 'dark', 'auto'].map((theme) => ({ page, theme, width: 800, height: 640 })),
);
const phone = (['light', 'dark'] as const).map((page) => ({ page, theme: 'auto', width: 390, height: 760 }));
const shots = Object.keys(widgets).flatMap((w) => [...desktop, ...phone].map((s) => ({ widget: w, ...s })));

describe('visual baselines', () => {
  const skip = reasonToSkip();
  before(function () {
    if (skip) {
      console.log(`[visual] skipped: ${skip}`);
      this.skip();
    }
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it(`stays within ${MAX_SHOTS} shots`, () => {
    expect(shots.length).to.be.at.most(MAX_SHOTS);
  });

  for (const s of shots) {
    const name = `${s.widget}-${s.width}-${s.theme}-on-${s.page}`;
    it(name, async () => {
      await setViewport({ width: s.width, height: 900 });
      // A clipped frame: the first screen of the widget is what the baseline covers.
      const frame = await fixture<HTMLDivElement>(framed(s.page, s.width, s.height, widgets[s.widget](s.theme)));
      const el = frame.firstElementChild as WidgetElement;
      await settled(el);
      for (let i = 0; i < 20 && s.width < 500 && !el.hasAttribute('narrow'); i++) await new Promise((r) => requestAnimationFrame(r));
      await el.updateComplete;
      const imgs = [...el.shadowRoot!.querySelectorAll('img')];
      for (const img of imgs) img.loading = 'eager';
      await Promise.all(imgs.map((img) => img.decode().catch(() => undefined)));
      expect(el.getAttribute('resolved-theme')).to.equal(s.theme === 'auto' ? s.page : s.theme);
      await visualDiff(frame, name);
    });
  }
});
