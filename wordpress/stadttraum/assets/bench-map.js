/*
 * The bench editor's map picker. The latitude and longitude fields stay the source: the map only
 * writes into them and follows them. Nothing is loaded from the tile server before the editor asks
 * for the map (tiles are third party: the request passes the editor's IP address); Leaflet itself
 * is the plugin's own copy (assets/vendor/leaflet.js, put there by `npm run package`).
 * Mouse: click the map or drag the marker. Keyboard: arrow keys pan the focused map, + and - zoom,
 * "Set the position to the map's centre" takes the centre; the focused marker moves with the
 * arrow keys (Shift: in smaller steps). All texts come from PHP (translated there).
 */
(function () {
  'use strict';
  var box = document.getElementById('st-bench-map');
  var lat = document.getElementById('st-st-lat');
  var lon = document.getElementById('st-st-lon');
  if (!box || !lat || !lon) return;
  var text = JSON.parse(box.getAttribute('data-texts'));
  var show = box.querySelector('.st-map-show');
  var status = box.querySelector('.st-map-status');
  var map;
  var marker;
  var L;

  function read() {
    var a = parseFloat(lat.value.replace(',', '.'));
    var b = parseFloat(lon.value.replace(',', '.'));
    return isFinite(a) && isFinite(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180 ? [a, b] : null;
  }

  function say(position) {
    status.textContent = position ? text.at.replace('%1$s', position[0].toFixed(5)).replace('%2$s', position[1].toFixed(5)) : text.none;
  }

  /** Writes a position into the fields (6 decimals: about 10 cm) as if typed, so other scripts see it. */
  function write(latlng) {
    var position = [Number(latlng.lat.toFixed(6)), Number(latlng.wrap().lng.toFixed(6))];
    lat.value = String(position[0]);
    lon.value = String(position[1]);
    [lat, lon].forEach(function (field) {
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    });
    place(position);
    say(position);
  }

  function place(position) {
    if (!position) {
      if (marker) marker.remove();
      marker = null;
      return;
    }
    if (marker) {
      marker.setLatLng(position);
      return;
    }
    marker = new L.Marker(position, {
      draggable: true,
      keyboard: true,
      title: text.marker,
      alt: text.marker,
      icon: new L.DivIcon({ className: 'st-bench-pin', iconSize: [28, 28], iconAnchor: [14, 28] }),
    }).addTo(map);
    marker.on('dragend', function () {
      write(marker.getLatLng());
    });
    var element = marker.getElement();
    element.setAttribute('aria-label', text.marker);
    element.addEventListener('keydown', function (event) {
      var step = event.shiftKey ? 1 : 10; // pixels at the present zoom
      var delta = { ArrowUp: [0, -step], ArrowDown: [0, step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] }[event.key];
      if (!delta) return;
      event.preventDefault();
      event.stopPropagation(); // the map would pan instead
      var point = map.latLngToContainerPoint(marker.getLatLng());
      write(map.containerPointToLatLng([point.x + delta[0], point.y + delta[1]]));
    });
  }

  function follow() {
    if (!map) return;
    var position = read();
    place(position);
    say(position);
    if (position && !map.getBounds().contains(position)) map.panTo(position);
  }

  show.addEventListener('click', function () {
    show.disabled = true;
    status.textContent = text.loading;
    import(box.getAttribute('data-leaflet'))
      .then(function (module) {
        L = module;
        var stage = box.querySelector('.st-map-stage');
        stage.hidden = false;
        box.querySelector('.st-map-consent').remove();
        var position = read();
        map = new L.Map(stage, {
          zoomControl: true,
          attributionControl: false,
          keyboard: true,
          maxZoom: Number(box.getAttribute('data-max-zoom')) || 19,
        });
        map.setView(position || JSON.parse(box.getAttribute('data-centre')), position ? 16 : Number(box.getAttribute('data-zoom')));
        new L.TileLayer(box.getAttribute('data-tiles'), { maxZoom: Number(box.getAttribute('data-max-zoom')) || 19 }).addTo(map);
        stage.setAttribute('role', 'application');
        stage.setAttribute('aria-label', text.map);
        stage.setAttribute('aria-describedby', 'st-bench-map-help');
        map.on('click', function (event) {
          write(event.latlng);
        });
        place(position);
        say(position);
        box.querySelector('.st-map-tools').hidden = false;
        // The button that was used is gone: the map takes the focus (never the page's body).
        stage.focus();
      })
      .catch(function (error) {
        console.warn('stadttraum: the map picker could not load Leaflet', error);
        show.disabled = false;
        status.textContent = text.failed;
      });
  });

  box.querySelector('.st-map-centre').addEventListener('click', function () {
    if (map) write(map.getCenter());
  });

  lat.addEventListener('input', follow);
  lon.addEventListener('input', follow);
})();
