import { expect } from '@open-wc/testing';
import { fixture, html, settled, textOf } from '../helpers.js';
import '../../src/jugend-budget/jugend-budget.js';
import type { JugendBudget } from '../../src/jugend-budget/jugend-budget.component.js';

// Issue 18: a page's first Intl formatter loads ICU's locale data (the first DateTimeFormat cost
// the youth budget's first content 50–59 ms at 4× CPU). The demo feed's first screen, with its phase
// ranges, timeline dates and amounts, is written without making one, in German and in English.
const kinds = ['DateTimeFormat', 'NumberFormat', 'PluralRules'] as const;

/** Counts the Intl objects of each kind made until `done` settles. */
async function countIntl<T>(done: () => Promise<T>): Promise<[T, string]> {
  const real = kinds.map((k) => Intl[k]);
  const made: string[] = [];
  kinds.forEach((k, i) => {
    const Real = real[i] as new (...a: unknown[]) => object;
    (Intl as unknown as Record<string, unknown>)[k] = Object.assign(
      function (...args: unknown[]) {
        made.push(`${k}(${JSON.stringify(args)})`);
        return new Real(...args);
      },
      { prototype: Real.prototype, supportedLocalesOf: (Real as unknown as typeof Intl.DateTimeFormat).supportedLocalesOf },
    );
  });
  try {
    return [await done(), made.join(', ')];
  } finally {
    kinds.forEach((k, i) => ((Intl as unknown as Record<string, unknown>)[k] = real[i]));
  }
}

describe('<jugend-budget>: the first screen without Intl formatters', () => {
  for (const [lang, range, day, budget] of [
    ['de', '1. März – 31. Mai 2025', '14. Juni 2025', '5.000 €'],
    ['en', 'March 1 – May 31, 2025', 'June 14, 2025', '€5,000'],
  ] as const)
    it(`${lang}: the demo feed's phases, dates and amounts are on screen, no Intl formatter made`, async () => {
      const [text, made] = await countIntl(async () => {
        const el = await fixture<JugendBudget>(html`<jugend-budget eager lang=${lang} src="/demo/data/jugendbudget.json"></jugend-budget>`);
        await settled(el);
        await el.updateComplete;
        return textOf(el).replace(/\s+/g, ' '); // the no-break space in "5.000 €" too
      });
      expect(text).to.contain(range).and.contain(day).and.contain(budget);
      expect(made).to.equal('');
    });
});
