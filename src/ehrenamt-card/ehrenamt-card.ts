import { define } from '../core/define.js';
import { EhrenamtCard } from './ehrenamt-card.component.js';

define('ehrenamt-card', EhrenamtCard);

declare global {
  interface HTMLElementTagNameMap {
    'ehrenamt-card': EhrenamtCard;
  }
}
