import type { WidgetElement } from '../core/widget-element.js';

/**
 * What the wall's lazily loaded parts (the submit form, the support controller) need from the
 * `<idea-wall>` element. Declared apart from the component so those parts and the component do
 * not import each other (no cycle, type imports included).
 */
export interface IdeaWallHost extends WidgetElement {
  supportEndpoint?: string;
  submitEndpoint?: string;
  privacyUrl?: string;
  headingLevel: number;
}
