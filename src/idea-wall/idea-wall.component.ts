import { html } from 'lit';
import { WidgetElement } from '../core/widget-element.js';

/**
 * Placeholder until its issue is done.
 *
 * @tag idea-wall
 */
export class IdeaWall extends WidgetElement {
  override render() {
    return html`<p class="state">&lt;idea-wall&gt;</p>`;
  }
}
