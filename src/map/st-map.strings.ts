import { defineStrings } from '../core/i18n.js';

/** Strings of the shared map (`<st-map>` and `<st-map-view>`); a widget may override any via `strings`. */
export const mapStrings = defineStrings({
  de: {
    mapConsentTitle: 'Karte anzeigen?',
    mapConsentText:
      'Die Hintergrundkarte wird von {provider} geladen. Dabei wird Ihre IP-Adresse an diesen Anbieter übertragen. Ohne Karte funktioniert die Liste ebenso.',
    mapConsentLoad: 'Karte laden',
    mapConsentRemember: 'Entscheidung auf diesem Gerät merken',
    mapPrivacy: 'Datenschutzhinweise',
    mapLoading: 'Karte wird geladen …',
    mapFailed: 'Die Karte konnte nicht geladen werden. Die Liste funktioniert weiterhin.',
    mapDetails: 'Details',
    mapDetailsClose: 'Details schließen',
    osmAttribution: '© [OpenStreetMap-Mitwirkende](https://www.openstreetmap.org/copyright)',
  },
  en: {
    mapConsentTitle: 'Show the map?',
    mapConsentText:
      'The background map is loaded from {provider}. This sends your IP address to that provider. The list works just as well without the map.',
    mapConsentLoad: 'Load map',
    mapConsentRemember: 'Remember my choice on this device',
    mapPrivacy: 'Privacy notice',
    mapLoading: 'Loading map …',
    mapFailed: 'The map could not be loaded. The list still works.',
    mapDetails: 'Details',
    mapDetailsClose: 'Close details',
    osmAttribution: '© [OpenStreetMap contributors](https://www.openstreetmap.org/copyright)',
  },
});
