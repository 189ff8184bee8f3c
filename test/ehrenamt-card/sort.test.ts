import { expect } from '@open-wc/testing';
import { sortByName } from '../../src/ehrenamt-card/ehrenamt-card.sort.js';

// The partner list's order without the collator must be the collator's, in each engine's own ICU.
const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });
const byCollator = <T extends { name: string }>(list: T[]) => list.slice().sort((a, b) => collator.compare(a.name, b.name));

/** A small seeded generator: the same names on every run. */
function names(alphabet: string, count: number, seed: number): { name: string; n: number }[] {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8) / 2 ** 24;
  return Array.from({ length: count }, (_, n) => {
    const length = 1 + Math.floor(next() * 8);
    let name = '';
    for (let i = 0; i < length; i++) name += alphabet[Math.floor(next() * alphabet.length)];
    return { name, n };
  });
}

const ids = (list: { n: number }[]) => list.map((x) => x.n).join();

describe('ehrenamt-card: partners sorted by name', () => {
  it('orders letters, umlauts, ß, accents, case and punctuation exactly as the German collator', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const list = names('abAäÄoöOuüsßeéE _-,;:!?.\'"()/&+', 60, seed);
      expect(ids(sortByName(list.slice()))).to.equal(ids(byCollator(list)), `seed ${seed}`);
    }
  });

  it('orders the partners of a real feed as the collator does', () => {
    const list = [
      'Volkshochschule, Außenstelle Harzstedt',
      'Fahrradladen Speiche & Kette',
      'Bäckerei Sonnenschein',
      'Bad am Markt',
      'Café Zeitlos',
      "Anna's Laden",
      'Hallenbad & Sauna Selkeheim',
      'bäckerei sonnenschein',
    ].map((name, n) => ({ name, n }));
    expect(sortByName(list.slice()).map((x) => x.name)).to.deep.equal(byCollator(list).map((x) => x.name));
  });

  it('leaves names with digits or other characters to the collator (numbers compared as numbers)', () => {
    const list = ['Laden 10', 'Laden 9', 'Ærø Reisen', 'Laden 1'].map((name, n) => ({ name, n }));
    expect(sortByName(list.slice()).map((x) => x.name)).to.deep.equal(['Ærø Reisen', 'Laden 1', 'Laden 9', 'Laden 10']);
    for (let seed = 1; seed <= 10; seed++) {
      const mixed = names('aäB1 20-&øæ', 40, seed);
      expect(ids(sortByName(mixed.slice()))).to.equal(ids(byCollator(mixed)), `seed ${seed}`);
    }
  });
});
