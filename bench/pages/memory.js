// Memory check: all four widgets are added (like a CMS tab being opened), used until loaded (the map
// with consent, so Leaflet runs too), and removed again, many times. Node reads the heap in between.
const feeds = {
  'idea-wall': '/demo/data/ideas.json',
  'mitfahrbank-map': '/demo/data/benches.json',
  'ehrenamt-card': '/demo/data/ehrenamt.json',
  'partner-logos': '/demo/data/partners.json',
};
const rendered = (el) => {
  const root = el.shadowRoot;
  if (!root || root.querySelector('[part="loading"]') || (root.textContent ?? '').trim().length < 20) return false;
  if (el.localName === 'mitfahrbank-map') return !!__deep(el, 'st-map', 'st-map-view', '.leaflet-marker-icon');
  return true;
};
/** Adds the four widgets (refresh polling on), waits until all show data; resolves with them. */
window.__mount = async (refresh = 0) => {
  const tab = document.createElement('section');
  for (const [tag, src] of Object.entries(feeds)) {
    const el = document.createElement(tag);
    el.setAttribute('src', src);
    el.setAttribute('eager', '');
    if (refresh) el.setAttribute('refresh', String(refresh));
    if (tag === 'mitfahrbank-map') {
      el.setAttribute('consent', 'granted');
      el.setAttribute('tile-url', '/bench/tiles/{z}/{x}/{y}.png');
    }
    tab.append(el);
  }
  document.getElementById('tabs').append(tab);
  await __waitFor('mounted', () => [...tab.children].every(rendered), 20000);
  return tab.children.length;
};
window.__unmount = () => {
  document.getElementById('tabs').replaceChildren();
};
window.__cycle = async (refresh = 0) => {
  await __mount(refresh);
  await new Promise((r) => setTimeout(r, 50));
  __unmount();
  await new Promise((r) => setTimeout(r, 20));
};
