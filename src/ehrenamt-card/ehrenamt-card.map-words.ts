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
