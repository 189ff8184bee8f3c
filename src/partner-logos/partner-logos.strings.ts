import { defineStrings } from '../core/i18n.js';

export const strings = defineStrings({
  de: {
    errorTitle: 'Die Partner können gerade nicht angezeigt werden.',
    empty: 'Noch keine Partner eingetragen.',
    newTab: '(öffnet in neuem Tab)',
    pause: 'Laufband anhalten',
  },
  en: {
    errorTitle: 'The partners cannot be shown right now.',
    empty: 'No partners listed yet.',
    newTab: '(opens in a new tab)',
    pause: 'Pause scrolling',
  },
});
