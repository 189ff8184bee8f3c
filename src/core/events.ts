/** Events every widget fires. Both bubble and cross the shadow boundary: the host page is meant to hear them. */
export class StLoadEvent extends Event {
  static readonly eventName = 'st-load';
  readonly detail: { count: number };
  constructor(count: number) {
    super(StLoadEvent.eventName, { bubbles: true, composed: true });
    this.detail = { count };
  }
}

export class StErrorEvent extends Event {
  static readonly eventName = 'st-error';
  readonly detail: { message: string; status?: number; url?: string };
  constructor(detail: { message: string; status?: number; url?: string }) {
    super(StErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'st-load': StLoadEvent;
    'st-error': StErrorEvent;
  }
}
