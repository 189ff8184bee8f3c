import { expect } from '@open-wc/testing';
import { requireFacility } from '../engine.js';

type ShiftWindow = Window & { __cls: number; __shifts: { at: number; value: number; sources: string[] }[] };

const tags = ['idea-wall', 'mitfahrbank-map', 'ehrenamt-card', 'partner-logos'];

async function until(check: () => boolean, ms = 10000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

const rendered = (win: Window, tag: string) => {
  const root = win.document.querySelector(tag)?.shadowRoot;
  return (
    !!root &&
    (root.textContent ?? '').trim().length > 20 &&
    !root.querySelector('[part="loading"]') &&
    !root.querySelector('[part="error"]')
  );
};

describe('a page with all four widgets (the built script) does not jump while they load', () => {
  it('Cumulative Layout Shift stays below 0.1 from first paint to the last widget, scrolling down like a visitor', async function () {
    // The page measures with the Layout Instability API; elsewhere it would read 0 and prove nothing.
    requireFacility(
      this,
      !!PerformanceObserver.supportedEntryTypes?.includes('layout-shift'),
      'braucht die Layout Instability API (nur Chromium)',
    );
    this.timeout(40_000); // it scrolls through the page like a visitor, 200 ms per step
    // A viewport of its own, fully inside the test browser's window (lazy loading and layout
    // shifts are measured against what is visible).
    const frame = document.createElement('iframe');
    Object.assign(frame.style, { position: 'fixed', top: '0', left: '0', width: '800px', height: '600px', border: '0' });
    frame.src = '/test/layout-shift/page.html';
    document.body.append(frame);
    try {
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
      const win = frame.contentWindow as ShiftWindow;
      // The widgets above the fold load on their own; the others when the visitor scrolls to them.
      await until(() => rendered(win, 'idea-wall'));
      const doc = win.document.documentElement;
      for (let y = 0; y < doc.scrollHeight; y += 400) {
        win.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 200));
      }
      const all = await until(() => tags.every((t) => rendered(win, t)));
      win.scrollTo(0, doc.scrollHeight);
      await new Promise((r) => setTimeout(r, 500));
      expect(all, `all four widgets rendered their content: ${tags.filter((t) => !rendered(win, t)).join(', ') || 'yes'}`).to.equal(true);
      // The fallback content (for visitors without JavaScript) stays in the markup.
      expect(win.document.querySelector('idea-wall > p > a')).to.not.equal(null);
      const detail = win.__shifts.map((s) => `${s.at} ms: ${s.value.toFixed(3)} (${s.sources.join(', ')})`).join('\n');
      expect(win.__cls, `layout shifts:\n${detail}`).to.be.below(0.1);
    } finally {
      frame.remove();
    }
  });
});
