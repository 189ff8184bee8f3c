/**
 * Search folding: case- and accent-insensitive, German-aware ("strasse" finds "Straße",
 * "muller" and "mueller" find "Müller").
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([aou])e/g, '$1');
}

/** True when every word of the query occurs in the (already folded) haystack. */
export function matchesQuery(foldedHaystack: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return words.every((w) => foldedHaystack.includes(w));
}
