import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Reflects `narrow` on the host while it is narrower than `em` ems: a container query in
 * JavaScript. CSS containment (`container-type`) would give the widget no intrinsic width,
 * so in a host page that makes every div a flex row it would shrink to nothing.
 */
export class WidthController implements ReactiveController {
  private observer?: ResizeObserver;
  private frame = 0;

  constructor(
    private readonly host: ReactiveElement,
    private readonly em: number,
  ) {
    host.addController(this);
  }

  /**
   * Measured once before the first render (the host styles are adopted in connectedCallback), so a
   * phone's first frame is already the narrow layout instead of the wide one jumping to it. A host
   * not laid out yet (0 px: hidden, detached) keeps the attribute as it is; the observer follows.
   * True when `narrow` flipped: the only thing the widgets render from their width.
   */
  private measure(): boolean {
    const host = this.host;
    const width = host.getBoundingClientRect().width;
    return (
      !!width &&
      host.hasAttribute('narrow') != host.toggleAttribute('narrow', width < this.em * (parseFloat(getComputedStyle(host).fontSize) || 16))
    );
  }

  hostUpdate(): void {
    if (!this.host.hasUpdated) this.measure();
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver(() => {
      // In the next frame: changing the layout inside the callback would loop the observer.
      cancelAnimationFrame(this.frame);
      // The observer also calls back once at the start and whenever the height changes (a wall
      // drawing its later cards): a whole re-render each time, for nothing (issue 18, measured:
      // two or three after the idea wall's and the card's first content).
      this.frame = requestAnimationFrame(() => {
        // A widget may render differently when narrow (filters behind a button): update it then
        // only, once a frame at most.
        if (this.measure()) this.host.requestUpdate();
      });
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
  }
}
