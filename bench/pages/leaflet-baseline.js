// The comparison: the usual hand-written page. Same feed, one L.marker per bench in a
// markerClusterGroup (default options), fit to all points, no tiles.
const n = __params.get('n') ?? '1000';
const map = L.map('map').setView([51.16, 10.45], 6);
L.tileLayer('/bench/tiles/{z}/{x}/{y}.png', { maxZoom: 19 }).addTo(map);
window.__ready = __waitFor('shown', () => document.querySelector('#map .leaflet-marker-icon'));
fetch(`/bench/.data/benches-${n}.json`)
  .then((r) => r.json())
  .then((feed) => {
    const group = L.markerClusterGroup();
    const markers = feed.benches.map((b) => L.marker([b.position.lat, b.position.lon], { title: b.name }));
    group.addLayers(markers);
    map.addLayer(group);
    map.fitBounds(group.getBounds(), { padding: [40, 40], maxZoom: 15 });
  });
window.__mapInfo = () => {
  const r = document.getElementById('map').getBoundingClientRect();
  return {
    x: r.left + r.width / 2,
    y: r.top + r.height / 2,
    w: r.width,
    h: r.height,
    markers: document.querySelectorAll('#map .leaflet-marker-icon').length,
  };
};
