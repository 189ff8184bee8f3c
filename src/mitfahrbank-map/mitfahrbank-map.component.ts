import { html } from 'lit';
import { WidgetElement } from '../core/widget-element.js';

/**
 * Placeholder until its issue is done.
 *
 * @tag mitfahrbank-map
 */
export class MitfahrbankMap extends WidgetElement {
  override render() {
    return html`<p class="state">&lt;mitfahrbank-map&gt;</p>`;
  }
}
