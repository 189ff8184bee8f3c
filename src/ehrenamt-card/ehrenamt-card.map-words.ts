import type { StringOverrides } from '../core/i18n.js';
import type { StMap } from '../map/st-map.js';

/**
 * In German the card is the "Karte": next to "Hier lohnt sich die Karte" the shared map's own
 * words ("Karte laden") would mean something else. The card calls its map the "Stadtplan".
 * Overrides for <st-map>'s strings; a page's own `strings` still win.
 */
export const mapWordsDe: Record<string, string> = {
  mapConsentTitle: 'Stadtplan anzeigen?',
  mapConsentText:
    'Der Stadtplan wird von {provider} geladen. Dabei wird Ihre IP-Adresse an diesen Anbieter übertragen. Ohne Stadtplan funktioniert die Liste ebenso.',
  mapConsentLoad: 'Stadtplan laden',
  mapLoading: 'Stadtplan wird geladen …',
  mapFailed: 'Der Stadtplan konnte nicht geladen werden. Die Liste funktioniert weiterhin.',
  mapRegion: 'Stadtplan',
  mapKeys: 'Pfeiltasten verschieben den Stadtplan, Plus und Minus zoomen.',
  mapWithdraw: 'Stadtplan ausblenden',
  mapWithdrawLong: 'Stadtplan ausblenden und Zustimmung widerrufen',
  mapHintWheel: 'Zum Zoomen Strg drücken und scrollen – oder erst in den Stadtplan klicken.',
  mapHintWheelMac: 'Zum Zoomen ⌘ drücken und scrollen – oder erst in den Stadtplan klicken.',
  mapHintTouch: 'Zum Verschieben des Stadtplans zwei Finger verwenden.',
};

/** Per `strings` object, so <st-map> gets the same object on every render (none: `{}`). */
const merged = new WeakMap<object, StringOverrides>();
const none = {};

/**
 * The page's `strings` with these words under them, for <st-map>: a page's own still win. Lives in
 * this chunk (loaded with the map section), not in the card's first-render chunk.
 */
export function withMapWords(strings: StringOverrides | undefined): StringOverrides {
  const key = strings ?? none;
  let words = merged.get(key);
  if (!words) {
    const own = key as Record<string, unknown>;
    const ownDe = typeof own.de === 'object' && own.de ? (own.de as Record<string, string>) : {};
    const de = Object.fromEntries(Object.entries(mapWordsDe).filter(([k]) => typeof own[k] !== 'string'));
    words = { ...own, de: { ...de, ...ownDe } } as StringOverrides;
    merged.set(key, words);
  }
  return words;
}

/**
 * After a partner is picked or closed (`select` in the card), focus goes where the bench map puts it,
 * never to <body>. In this chunk: only the map section calls it. `rendered`: the card's update.
 */
export async function focusAfterSelect(
  map: StMap,
  root: ParentNode,
  rendered: Promise<unknown>,
  id: string | undefined,
  fromList: boolean,
  back: string | undefined,
  before: string | undefined,
): Promise<void> {
  await rendered;
  if (id) {
    // Picked from the list or on the map: its details, so a keyboard or screen-reader visitor hears
    // what they picked and Escape has a panel to close.
    if (fromList) map.scrollIntoView({ block: 'nearest' });
    await map.focusDetails();
  } else if (back) {
    // Closed after "Auf dem Stadtplan zeigen": back on that button in the list.
    const button = root.querySelector<HTMLElement>(`.partner [data-point="${CSS.escape(back)}"]`);
    if (button) button.focus();
    else void map.focusPoint(back);
  } else if (before) {
    // After the map has drawn the pin unselected (a new marker): focus on the old one would fall to <body>.
    await map.focusPoint(before);
  }
}
