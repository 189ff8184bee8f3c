// <mitfahrbank-map> with N generated benches (?n=…), consent given, local (empty) tiles.
const n = __params.get('n') ?? '1000';
const widget = document.createElement('mitfahrbank-map');
widget.setAttribute('src', `/bench/.data/benches-${n}.json`);
widget.setAttribute('eager', '');
widget.setAttribute('consent', 'granted');
widget.setAttribute('tile-url', '/bench/tiles/{z}/{x}/{y}.png');
addEventListener('DOMContentLoaded', () => document.body.append(widget));
const view = () => __deep(widget, 'st-map', 'st-map-view');
window.__ready = __waitFor('shown', () => view()?.shadowRoot?.querySelector('.leaflet-marker-icon'));
/** The element to drag on and the number of markers/clusters in the DOM. */
window.__mapInfo = () => {
  const host = view().shadowRoot.querySelector('.leaflet-container');
  const r = host.getBoundingClientRect();
  return {
    x: r.left + r.width / 2,
    y: r.top + r.height / 2,
    w: r.width,
    h: r.height,
    markers: view().shadowRoot.querySelectorAll('.leaflet-marker-icon').length,
  };
};
