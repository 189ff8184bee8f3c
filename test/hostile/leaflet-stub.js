// Stands in for an older Leaflet (1.9.4) that the host page put on window.L, when the real one
// is not vendored (bench/.vendor/, fetched by `npm run bench`). A foreign global with the same
// name and shape that our map must neither use nor replace.
(function () {
  function Map(id) {
    this.id = id;
  }
  Map.prototype.setView = function () {
    return this;
  };
  window.L = {
    version: '1.9.4',
    Map: Map,
    map: function (id) {
      return new Map(id);
    },
    Marker: function () {},
    DivIcon: function () {},
    noConflict: function () {
      return window.L;
    },
  };
})();
