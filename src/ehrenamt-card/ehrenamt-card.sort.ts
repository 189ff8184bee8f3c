/**
 * Partners sorted by name as `Intl.Collator('de', { sensitivity: 'base', numeric: true })` sorts
 * them, without creating the collator for the names most feeds have: creating ICU's collator in a
 * cold page costs 8–39 ms, more than the card's whole first render of a small feed.
 *
 * At the collator's first level (`base`) case, accents and umlauts do not count (ä = a, ß = ss)
 * and punctuation is not ignored: space, then `_-,;:!?.'"()/&+`, then letters, one weight each.
 * A name made only of such characters therefore sorts like its key: lower case, accents
 * removed, ß as ss, each punctuation mark replaced by a control character in that order (all below
 * the letters). Equal keys keep their order, as equal names do with the collator (`sort` is
 * stable). Names with digits (compared as numbers) or any other character go to the collator.
 */
const marks = ' _-,;:!?.\'"()/&+';
const plain = /^[a-z _\-,;:!?.'"()/&+]*$/;

let collator: Intl.Collator | undefined;
const byCollator = (a: string, b: string) => (collator ??= new Intl.Collator('de', { sensitivity: 'base', numeric: true })).compare(a, b);

function key(name: string): string | undefined {
  const k = name
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return plain.test(k) ? k.replace(/[^a-z]/g, (c) => String.fromCharCode(1 + marks.indexOf(c))) : undefined;
}

export function sortByName<T extends { name: string }>(list: T[]): T[] {
  const keys = new Map<T, string>();
  for (const item of list) {
    const k = key(item.name);
    if (k === undefined) return list.sort((a, b) => byCollator(a.name, b.name));
    keys.set(item, k);
  }
  return list.sort((a, b) => {
    const x = keys.get(a)!;
    const y = keys.get(b)!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
