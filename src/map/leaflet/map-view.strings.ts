import { defineStrings } from '../../core/i18n.js';

/** Strings of the Leaflet part of the shared map; a widget may override any via `strings`. */
export const viewStrings = defineStrings({
  de: {
    mapRegion: 'Karte',
    mapKeys: 'Pfeiltasten verschieben die Karte, Plus und Minus zoomen.',
    mapZoomIn: 'Vergrößern',
    mapZoomOut: 'Verkleinern',
    mapShowAll: 'Alle zeigen',
    mapWithdraw: 'Karte ausblenden',
    mapWithdrawLong: 'Karte ausblenden und Zustimmung widerrufen',
    mapHintWheel: 'Zum Zoomen Strg drücken und scrollen – oder erst in die Karte klicken.',
    mapHintWheelMac: 'Zum Zoomen ⌘ drücken und scrollen – oder erst in die Karte klicken.',
    mapHintTouch: 'Zum Verschieben der Karte zwei Finger verwenden.',
    mapTilesFailed: 'Die Hintergrundkarte ist gerade nicht verfügbar. Alle Einträge und die Liste funktionieren weiter.',
    mapCluster_one: '{count} Ort – heranzoomen',
    mapCluster_other: '{count} Orte – heranzoomen',
    mapHere: 'Ihr Standort',
    mapAttribution: 'Kartendaten',
  },
  en: {
    mapRegion: 'Map',
    mapKeys: 'Arrow keys move the map, plus and minus zoom.',
    mapZoomIn: 'Zoom in',
    mapZoomOut: 'Zoom out',
    mapShowAll: 'Show all',
    mapWithdraw: 'Hide map',
    mapWithdrawLong: 'Hide the map and withdraw consent',
    mapHintWheel: 'To zoom, hold Ctrl while scrolling – or click into the map first.',
    mapHintWheelMac: 'To zoom, hold ⌘ while scrolling – or click into the map first.',
    mapHintTouch: 'Use two fingers to move the map.',
    mapTilesFailed: 'The background map is unavailable right now. All entries and the list keep working.',
    mapCluster_one: '{count} place – zoom in',
    mapCluster_other: '{count} places – zoom in',
    mapHere: 'Your location',
    mapAttribution: 'Map data',
  },
});
