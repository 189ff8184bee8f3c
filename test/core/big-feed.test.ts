// Big feed bodies are parsed in slices (src/core/json-slices.ts): the page keeps getting turns
// while a multi-megabyte feed is read, and a broken big feed says what a broken small one says.
import { expect, oneEvent } from '@open-wc/testing';
import { captureWarnings, fixture, html, settled, textOf } from '../helpers.js';
import type { TestFeedWidget } from './test-widget.js';
import './test-widget.js';
// Loaded ahead, so the widget's import of it needs no trip to the server: what gives the page its
// turns below is the parse itself, not the module load.
import '../../src/core/big-body.js';

/** A feed of two items and some 6 MB the widget ignores (like a youth budget's ballots). */
function bigFeed(): string {
  const ballots = Array.from({ length: 300_000 }, (_, i) => [`p${i % 997}`, `p${(i * 7) % 991}`, `p${i % 13}`]);
  return JSON.stringify({ items: [{ name: 'Sofa' }, { name: 'Bank' }], ballots });
}

/** Another task for the page: user-blocking like an input handler where the browser has a scheduler, else a timer. */
function otherTask(run: () => void): void {
  const s = (globalThis as { scheduler?: { postTask?: (f: () => void, o: object) => unknown } }).scheduler;
  if (s?.postTask) s.postTask(run, { priority: 'user-blocking' });
  else setTimeout(run, 0);
}

describe('big feeds', () => {
  it('a big feed is read in slices: a task queued before reading starts runs before the widget has its data', async () => {
    const text = bigFeed();
    expect(text.length).to.be.greaterThan(5e6);
    const el = await fixture<TestFeedWidget>(html`<test-feed-widget></test-feed-widget>`);
    await settled(el);
    const order: string[] = [];
    const loaded = oneEvent(el, 'st-load').then(() => order.push('data'));
    el.data = text;
    otherTask(() => order.push('other task'));
    await loaded;
    await settled(el);
    expect(order.join(', ')).to.equal('other task, data');
    expect(textOf(el)).to.contain('2 Einträge').and.contain('Sofa').and.contain('Bank');
  });

  it('a big feed broken at its end gives the message a small broken feed gives, in the page language', async () => {
    const text = bigFeed().slice(0, -2);
    for (const lang of ['de', 'en']) {
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget lang=${lang}></test-feed-widget>`);
      const warnings = await captureWarnings(async () => {
        el.data = text;
        await settled(el);
      });
      const shown = textOf(el);
      // What explain() (format-detect.ts) says of any text that is not JSON: its first 60 characters.
      const start = text.slice(0, 60);
      expect(shown).to.contain(lang === 'en' ? `Not valid JSON: “${start}…”` : `Kein gültiges JSON: „${start}…“`);
      expect(shown.includes('Sofa</')).to.equal(false);
      expect(el.shadowRoot!.querySelector('li') === null).to.equal(true);
      expect(warnings.join('\n')).to.contain(lang === 'en' ? 'Not valid JSON' : 'Kein gültiges JSON');
    }
  });
});
