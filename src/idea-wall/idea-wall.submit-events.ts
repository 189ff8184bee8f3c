/** Events of the submit form (its own chunk, with the form); the map entries are in idea-wall.events.ts. */

export interface IdeaSubmission {
  title: string;
  description: string;
  category: string;
  name: string;
}

/**
 * A visitor sends the submit form. Cancelable: `preventDefault()` stops the widget from
 * posting, so the host page can handle the idea itself.
 */
export class StIdeaSubmitEvent extends Event {
  static readonly eventName = 'st-idea-submit';
  readonly detail: { idea: IdeaSubmission };
  constructor(idea: IdeaSubmission) {
    super(StIdeaSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = { idea };
  }
}

/** What the server said about an accepted idea. */
export interface IdeaSubmitted {
  /** The idea's id on the server, when it says one. */
  id?: string;
  /** `pending` until an editor publishes it. */
  status: string;
  /** The visitor's receipt code, when the server gives one (the same text the confirmation shows). */
  receipt?: string;
}

/** The server accepted a submitted idea (it is published after review). */
export class StIdeaSubmittedEvent extends Event {
  static readonly eventName = 'st-idea-submitted';
  readonly detail: IdeaSubmitted;
  constructor(detail: IdeaSubmitted) {
    super(StIdeaSubmittedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}
