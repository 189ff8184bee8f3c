/** Events of the shared map (`<st-map>`) that widgets listen to; no Leaflet here. */

/** A marker was activated (`id`), or the details were closed (`id: null`). Not composed: the widget listens on `<st-map>`. */
export class StMapSelectEvent extends Event {
  static readonly eventName = 'st-map-select';
  readonly detail: { id: string | null };
  constructor(id: string | null) {
    super(StMapSelectEvent.eventName, { bubbles: false, composed: false });
    this.detail = { id };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'st-map-select': StMapSelectEvent;
  }
}
