import { expect } from '@open-wc/testing';
import { LocalizeController } from '../../src/core/i18n.js';
import { longDate } from '../../src/core/long-date.js';
import { html } from '../helpers.js';
import { $, wall } from './helpers.js';

// Issue 18: the cards' dates ("Stand 12. März 2025") without ICU's date formatter, whose first
// creation in a page cost more than the rest of a small wall's first render; the same text as
// Intl's long date for every value (core/long-date.ts; test/core/long-date.test.ts has the ranges).
const l10n = (lang: 'de' | 'en') => Object.assign(new LocalizeController({ addController() {} } as never, { de: {}, en: {} }), { lang });

describe('idea-wall: dates on the cards', () => {
  for (const lang of ['de', 'en'] as const)
    it(`in ${lang} say the same as the browser's Intl long date, every third day of 32 years, and for odd values`, () => {
      const values: (string | undefined)[] = [undefined, '', 'bald', '2025-13-01', '2025-02-30', '2024-02-29', '0999-12-31', '1000-01-01'];
      values.push('2025-03-12T23:30:00Z', '2025-03-12T00:30:00+02:00', '2024-12-31T23:59:59', '2025', '9999-12-31', '+010000-01-01');
      for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000 * 3) values.push(new Date(t).toISOString().slice(0, 10));
      const intl = new Intl.DateTimeFormat(lang, { dateStyle: 'long' });
      // Unreadable values are shown as given, empty ones not at all.
      const expected = (v?: string) => (!v ? '' : Number.isNaN(new Date(v).getTime()) ? v : intl.format(new Date(v)));
      const l = l10n(lang);
      const wrong = values.filter((v) => longDate(l, v) !== expected(v)).map((v) => `${v}: ${longDate(l, v)} ≠ ${expected(v)}`);
      expect(wrong.join('; ')).to.equal('');
    });

  for (const [lang, asOf, due, answered] of [
    ['de', 'Stand 12. März 2025: Beschlossen', 'Geplant bis: 3. Mai 2031', 'Stand 30. November 2024'],
    ['en', 'As of March 12, 2025: Beschlossen', 'Planned by: May 3, 2031', 'As of November 30, 2024'],
  ] as const)
    it(`a wall in ${lang} formats its cards without Intl.DateTimeFormat`, async () => {
      // `format` is a getter (it hands out a bound function): count each time a date is formatted through Intl.
      const proto = Intl.DateTimeFormat.prototype;
      const format = Object.getOwnPropertyDescriptor(proto, 'format')!;
      let calls = 0;
      Object.defineProperty(proto, 'format', {
        configurable: true,
        get(this: Intl.DateTimeFormat) {
          calls++;
          return format.get!.call(this);
        },
      });
      try {
        const data = {
          ideas: [
            {
              id: 'a',
              title: 'Bank am Markt',
              status: 'planned',
              due: '2031-05-03',
              timeline: [{ date: '2025-03-12', text: 'Beschlossen' }],
            },
            { id: 'b', title: 'Radweg', status: 'review', answer: { text: 'Wird geprüft.', date: '2024-11-30' } },
          ],
        };
        const el = await wall(html`<idea-wall eager lang=${lang} .data=${data}></idea-wall>`);
        const facts = $(el, '[data-id="a"] [part="facts"]')!.textContent!.replace(/\s+/g, ' ');
        expect(facts).to.contain(asOf).and.contain(due);
        expect($(el, '[data-id="b"] [part="facts"]')!.textContent).to.contain(answered);
        expect(calls, 'dates formatted through Intl.DateTimeFormat').to.equal(0);
      } finally {
        Object.defineProperty(proto, 'format', format);
      }
    });
});
