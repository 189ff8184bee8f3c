// `stadttraum/stadttraum.js` (the script-tag loader) has types: the tags it loads and window.stadttraum.
// Each @ts-expect-error fails the check if the types got looser (e.g. the import lost its types).
import 'stadttraum/stadttraum.js';
import type { ConsentApi } from 'stadttraum/stadttraum.js';

const wall = document.querySelector('idea-wall');
if (wall) {
  const theme: 'light' | 'dark' | 'auto' = wall.theme;
  void theme;
  // @ts-expect-error a typo in a property name is caught
  wall.srcc = '/ideas.json';
}
const map: HTMLElementTagNameMap['mitfahrbank-map'] | null = document.querySelector('mitfahrbank-map');
const logos = document.createElement('partner-logos');
const card = document.createElement('ehrenamt-card');
void map;
void logos.src;
void card.src;

const api: ConsentApi | undefined = window.stadttraum?.consent;
api?.grant('map');
// @ts-expect-error grant() needs a purpose
api?.grant();
window.addEventListener('st-consent-change', (e) => {
  const granted: boolean = e.detail.granted;
  void granted;
});
