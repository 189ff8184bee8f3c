import type { MitfahrbankMap } from '../../src/mitfahrbank-map/mitfahrbank-map.component.js';
import { mapView } from './helpers.js';

/**
 * What each animation frame shows of a widget (read in requestAnimationFrame, i.e. what that
 * frame paints): its benches (toolbar and count) or the loading line, and whether markers are drawn.
 * Only changes are kept.
 */
export function framesOf() {
  const seen: string[] = [];
  let el: MitfahrbankMap | undefined;
  let on = true;
  const waiting: (() => void)[] = [];
  const sample = () => {
    if (!on) return;
    if (el) {
      const benches = el.shadowRoot?.querySelector('[part="base"]') ? 'benches' : 'loading';
      const markers = mapView(el)?.shadowRoot?.querySelector('.leaflet-marker-icon') ? 'markers' : 'no markers';
      const now = `${benches}, ${markers}`;
      if (seen.at(-1) !== now) seen.push(now);
    }
    waiting.splice(0).forEach((f) => f());
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  return {
    watch: (w: MitfahrbankMap) => void (el = w),
    next: () => new Promise<void>((r) => waiting.push(r)),
    stop: () => ((on = false), seen),
  };
}
