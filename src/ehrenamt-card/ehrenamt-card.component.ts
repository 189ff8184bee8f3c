import { html } from 'lit';
import { WidgetElement } from '../core/widget-element.js';

/**
 * Placeholder until its issue is done.
 *
 * @tag ehrenamt-card
 */
export class EhrenamtCard extends WidgetElement {
  override render() {
    return html`<p class="state">&lt;ehrenamt-card&gt;</p>`;
  }
}
