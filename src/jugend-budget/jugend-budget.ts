import { define } from '../core/define.js';
import { JugendBudget } from './jugend-budget.component.js';

define('jugend-budget', JugendBudget);

declare global {
  interface HTMLElementTagNameMap {
    'jugend-budget': JugendBudget;
  }
}
