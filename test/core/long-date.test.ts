import { expect } from '@open-wc/testing';
import { LocalizeController } from '../../src/core/i18n.js';
import { covered, mismatches } from './long-date-cases.js';

// Issue 18: long dates and the youth budget's phase ranges without a page's first Intl.DateTimeFormat
// (ICU's locale data: ~12 ms at normal speed, 50–59 ms at 4× CPU). Engines' ICU can differ, so the
// text is compared with this engine's Intl, not only Node's (test/unit/long-date.test.mjs). Chromium 156,
// Firefox 153 and WebKitGTK 2.50 agree everywhere, plain spaces around a range's dash included (Node's
// ICU writes thin ones there): the browsers' form is the one written.
const l10n = (lang: 'de' | 'en') => Object.assign(new LocalizeController({ addController() {} } as never, { de: {}, en: {} }), { lang });

/** Counts Intl.DateTimeFormat objects made while `run` runs. */
function countFormatters(run: () => void): number {
  const Real = Intl.DateTimeFormat;
  let made = 0;
  Intl.DateTimeFormat = function (this: unknown, ...args: ConstructorParameters<typeof Real>) {
    made++;
    return new Real(...args);
  } as unknown as typeof Real;
  try {
    run();
  } finally {
    Intl.DateTimeFormat = Real;
  }
  return made;
}

describe('core: long dates without Intl', () => {
  for (const lang of ['de', 'en'] as const) {
    it(`${lang}: dates and ranges (same day, month, year, across years) read as this engine's Intl writes them`, () => {
      expect(mismatches(lang).slice(0, 5).join('\n')).to.equal('');
      expect(covered(lang)).to.be.greaterThan(8000);
    });
  }

  it('l10n.date and l10n.dateRange make no Intl formatter for long dates in either language', () => {
    const texts: string[] = [];
    const made = countFormatters(() => {
      for (const lang of ['de', 'en'] as const) {
        const l = l10n(lang);
        texts.push(l.date('2025-03-12'), l.dateRange(new Date('2025-03-01'), new Date('2025-05-31')));
      }
    });
    expect(texts.join(' | ')).to.equal('12. März 2025 | 1. März – 31. Mai 2025 | March 12, 2025 | March 1 – May 31, 2025');
    expect(made).to.equal(0);
  });

  it('other options, years before 1000 and unreadable values still go through Intl or stay as given', () => {
    const l = l10n('de');
    const intl = new Intl.DateTimeFormat('de', { dateStyle: 'long' });
    expect(l.date('2025-03-12', { month: 'short', day: 'numeric' })).to.equal(
      new Intl.DateTimeFormat('de', { month: 'short', day: 'numeric' }).format(new Date('2025-03-12')),
    );
    expect(l.date('0999-12-31')).to.equal(intl.format(new Date('0999-12-31')));
    expect(l.dateRange(new Date('0999-12-01'), new Date('2025-01-01'))).to.equal(
      intl.formatRange(new Date('0999-12-01'), new Date('2025-01-01')),
    );
    expect(l.date('bald')).to.equal('bald');
    expect(l.date(undefined)).to.equal('');
  });
});
