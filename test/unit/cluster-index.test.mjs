// The map's own cluster index against supercluster (a devDependency kept as the oracle): the
// same clusters (ids, counts, centres), expansion zooms and leaves, at every zoom, on
// generated point sets. A visitor sees exactly the clusters the library drew before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Supercluster from 'supercluster';
import { ClusterIndex } from '../../src/map/leaflet/cluster-index.ts';

// The options src/map/leaflet/map-view.ts uses (radius 66 = 1.5 markers of 44 px).
const OPTIONS = { radius: 66, extent: 256, maxZoom: 16 };

/** A small seeded generator: the same points on every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const germany = (n, rnd) => Array.from({ length: n }, () => ({ lat: 47.3 + rnd() * 7.7, lon: 5.9 + rnd() * 9.1 }));

/** Benches in towns: most points within a few hundred metres of 25 centres, some in between. */
function towns(n, rnd) {
  const centres = germany(25, rnd);
  return Array.from({ length: n }, (_, i) => {
    if (i % 10 === 0) return germany(1, rnd)[0];
    const c = centres[Math.floor(rnd() * centres.length)];
    const spread = rnd() < 0.5 ? 0.002 : 0.03;
    return { lat: c.lat + (rnd() - 0.5) * spread, lon: c.lon + (rnd() - 0.5) * spread };
  });
}

function oracle(points, options = OPTIONS) {
  return new Supercluster({ ...options, minPoints: 2 }).load(
    points.map((p, i) => ({ type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: {} })),
  );
}

const byId = (a, b) => a.id - b.id;
const fromOracle = (f) => ({
  id: f.properties.cluster ? f.properties.cluster_id : f.id,
  count: f.properties.cluster ? f.properties.point_count : 1,
  lon: f.geometry.coordinates[0],
  lat: f.geometry.coordinates[1],
});

/** Compares both indexes at every zoom on `bbox`; returns how many clusters were compared. */
function compare(points, bbox, options = OPTIONS) {
  const theirs = oracle(points, options);
  const ours = new ClusterIndex(points, options);
  let clusters = 0;
  for (let zoom = 0; zoom <= options.maxZoom + 2; zoom++) {
    const want = theirs.getClusters(bbox, zoom).map(fromOracle).sort(byId);
    const got = ours.query(bbox, zoom).sort(byId);
    assert.equal(got.length, want.length, `zoom ${zoom}: number of items`);
    for (let k = 0; k < want.length; k++) {
      const [g, w] = [got[k], want[k]];
      assert.equal(g.id, w.id, `zoom ${zoom}: id`);
      assert.equal(g.count, w.count, `zoom ${zoom}: count of ${w.id}`);
      if (w.count === 1) {
        // A point is drawn at its own place (the library gives it back through Mercator, which
        // clamps the poles to ±85.05°).
        assert.ok(g.lat === points[w.id].lat && g.lon === points[w.id].lon, `zoom ${zoom}: place of point ${w.id}`);
        continue;
      }
      assert.ok(Math.abs(g.lat - w.lat) < 1e-9 && Math.abs(g.lon - w.lon) < 1e-9, `zoom ${zoom}: centre of ${w.id}`);
      clusters++;
      assert.equal(ours.expansionZoom(w.id), theirs.getClusterExpansionZoom(w.id), `zoom ${zoom}: expansion zoom of ${w.id}`);
      const leaves = theirs
        .getLeaves(w.id, Infinity)
        .map((f) => f.id)
        .sort((a, b) => a - b);
      assert.deepEqual(
        ours.leaves(w.id).sort((a, b) => a - b),
        leaves,
        `zoom ${zoom}: leaves of ${w.id}`,
      );
    }
  }
  return clusters;
}

const WORLD = [-180, -85, 180, 85];
const GERMANY = [5.5, 47, 15.5, 55.2];

test('uniform points over Germany: the same clusters, expansion zooms and leaves at every zoom', () => {
  assert.ok(compare(germany(3000, random(1)), WORLD) > 100);
  assert.ok(compare(germany(3000, random(2)), [8, 49, 11, 51.5]) > 100);
});

test('dense towns with scattered points between them', () => {
  assert.ok(compare(towns(4000, random(3)), GERMANY) > 100);
});

test('duplicates (many benches on one spot) cluster to the end, as before', () => {
  const rnd = random(4);
  const spots = germany(40, rnd);
  const points = Array.from({ length: 1200 }, (_, i) => spots[i % spots.length]);
  assert.ok(compare(points, WORLD) > 40);
  // At the deepest clustered zoom, identical places are one cluster each; one zoom further
  // every point stands alone (the map then groups pins that would overlap itself).
  const index = new ClusterIndex(points, OPTIONS);
  const deepest = index.query(WORLD, 16);
  assert.equal(deepest.length, 40);
  assert.ok(deepest.every((c) => c.count === 30));
  assert.equal(index.query(WORLD, 17).length, 1200);
});

test('one point, two points and none', () => {
  assert.equal(compare([{ lat: 50.1, lon: 8.7 }], WORLD), 0);
  const one = new ClusterIndex([{ lat: 50.1, lon: 8.7 }], OPTIONS).query(WORLD, 3);
  assert.deepEqual(one, [{ id: 0, count: 1, lat: 50.1, lon: 8.7 }]);
  assert.ok(
    compare(
      [
        { lat: 50.1, lon: 8.7 },
        { lat: 50.1001, lon: 8.7001 },
      ],
      WORLD,
    ) > 0,
  );
  assert.deepEqual(new ClusterIndex([], OPTIONS).query(WORLD, 5), []);
});

test('points at the poles and on both sides of the antimeridian, and a view across it', () => {
  const rnd = random(5);
  const points = [
    ...Array.from({ length: 300 }, () => ({ lat: -89.99 + rnd() * 179.98, lon: -180 + rnd() * 360 })),
    ...Array.from({ length: 100 }, () => ({ lat: 60 + rnd() * 5, lon: rnd() < 0.5 ? 179.9 + rnd() * 0.1 : -180 + rnd() * 0.1 })),
    { lat: 90, lon: 0 },
    { lat: -90, lon: 180 },
    { lat: 89.999, lon: -180 },
  ];
  assert.ok(compare(points, WORLD) > 10);
  assert.ok(compare(points, [170, 50, -170, 70]) > 0);
  assert.ok(compare(points, [-200, -90, 200, 90]) > 0);
});

test('other radii and a shallower deepest zoom (a tile server that stops at zoom 12)', () => {
  const points = towns(1500, random(6));
  assert.ok(compare(points, GERMANY, { radius: 40, extent: 512, maxZoom: 11 }) > 50);
  assert.ok(compare(points, GERMANY, { radius: 120, extent: 256, maxZoom: 0 }) > 0);
});
