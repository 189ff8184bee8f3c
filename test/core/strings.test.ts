// String tables are typed: this file holds two lines that must NOT compile. `npm run typecheck`
// fails when either compiles (an unused @ts-expect-error is an error), i.e. when a missing or
// misspelt key would again reach the screen as the bare key.
import { expect } from '@open-wc/testing';
import { defineStrings, type LocalizeController } from '../../src/core/i18n.js';

describe('typed string tables', () => {
  it('a key missing in one language, or misspelt in t(), is a compile error', () => {
    // @ts-expect-error 'b' is missing in the English table
    const table = defineStrings({ de: { a: 'A', b: 'B' }, en: { a: 'A' } });
    const label = (l10n: LocalizeController<'a' | 'b'>) =>
      // @ts-expect-error 'c' is not a key of the table (nor of the core's)
      l10n.t('c');
    expect(Object.keys(table.de)).to.deep.equal(['a', 'b']);
    expect(label.length).to.equal(1);
  });
});
