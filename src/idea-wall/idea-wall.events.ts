/** Events the host page hears from `<idea-wall>`. All bubble and cross the shadow boundary. */

/** A visitor opened an idea. */
export class StIdeaSelectEvent extends Event {
  static readonly eventName = 'st-idea-select';
  readonly detail: { id: string };
  constructor(id: string) {
    super(StIdeaSelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = { id };
  }
}

/** The server confirmed a support (or its withdrawal). */
export class StIdeaSupportEvent extends Event {
  static readonly eventName = 'st-idea-support';
  readonly detail: { id: string; supported: boolean; supporters: number; duplicate: boolean };
  constructor(detail: { id: string; supported: boolean; supporters: number; duplicate: boolean }) {
    super(StIdeaSupportEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

// The submit form's events live with it (a lazy chunk): the wall's first render does not carry them.
export type { IdeaSubmission, IdeaSubmitted, StIdeaSubmitEvent, StIdeaSubmittedEvent } from './idea-wall.submit-events.js';
import type { StIdeaSubmitEvent, StIdeaSubmittedEvent } from './idea-wall.submit-events.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'st-idea-select': StIdeaSelectEvent;
    'st-idea-support': StIdeaSupportEvent;
    'st-idea-submit': StIdeaSubmitEvent;
    'st-idea-submitted': StIdeaSubmittedEvent;
  }
}
