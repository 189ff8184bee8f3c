import { define } from '../core/define.js';
import { MitfahrbankMap } from './mitfahrbank-map.component.js';

define('mitfahrbank-map', MitfahrbankMap);

declare global {
  interface HTMLElementTagNameMap {
    'mitfahrbank-map': MitfahrbankMap;
  }
}
