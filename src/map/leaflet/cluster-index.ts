/**
 * The map's cluster index: greedy clustering per zoom level, from the deepest zoom up to zoom 0,
 * with the semantics supercluster 9 gives (test/unit/cluster-index.test.mjs holds it to that
 * library as the oracle): points in Web Mercator, coordinates as 30-bit integers, each level
 * walked in the order of the level below; an item not yet taken gathers every untaken item
 * within the radius into a cluster at their weighted centre; the cluster's id encodes the item
 * it started from and its zoom. Integer coordinates make the centres exact sums, so the order
 * in which neighbours are found does not matter.
 *
 * What differs is how neighbours are found: a spatial hash of cells one radius wide, built per
 * level with a counting sort (O(n), no sorting), instead of a new KD tree per level. Built once,
 * cold, before the first frame, this is where most of the map's main-thread time went.
 */

/** Coordinates in [0, 1] become integers: (c − 0.5) · 2^30, inside 31 bits. */
const SCALE = 2 ** 30;
const encode = (c: number): number => (c - 0.5) * SCALE;
const decode = (v: number): number => v / SCALE + 0.5;
const lngX = (lng: number): number => lng / 360 + 0.5;
function latY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}
const xLng = (x: number): number => (x - 0.5) * 360;
const yLat = (y: number): number => (360 * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180))) / Math.PI - 90;

export interface ClusterOptions {
  /** Cluster radius in pixels of a tile `extent` wide. */
  radius: number;
  extent: number;
  /** Deepest zoom at which points are clustered; above it every point stands alone. */
  maxZoom: number;
}

/** A point (`count` 1, `id` its index in the input) or a cluster (`id` for the methods below). */
export interface ClusterItem {
  id: number;
  count: number;
  lat: number;
  lon: number;
}

/** The items shown at one zoom level, in columns. */
interface Level {
  size: number;
  x: Int32Array;
  y: Int32Array;
  /** Points an item stands for. */
  num: Int32Array;
  /** Point index (num 1) or cluster id. */
  id: Int32Array;
  /** Id of the cluster the item went into one zoom further out, or −1. */
  parent: Int32Array;
  /** Items grouped by the index of the cluster they went into (built when first asked). */
  children?: { start: Int32Array; order: Int32Array };
}

export class ClusterIndex {
  private readonly levels: Level[] = [];
  private readonly n: number;

  constructor(
    private readonly points: readonly { lat: number; lon: number }[],
    private readonly options: ClusterOptions,
  ) {
    const n = (this.n = points.length);
    const maxZoom = Math.max(0, Math.min(options.maxZoom, 30));
    let level = newLevel(n);
    for (let i = 0; i < n; i++) {
      level.x[i] = encode(lngX(points[i].lon)); // Int32Array truncates, as the oracle does
      level.y[i] = encode(latY(points[i].lat));
      level.num[i] = 1;
      level.id[i] = i;
    }
    this.levels[maxZoom + 1] = level;
    const scratch = new Scratch(n);
    for (let z = maxZoom; z >= 0; z--) {
      level = this.levels[z] = clusterLevel(level, z, (options.radius / (options.extent * (1 << z))) * SCALE, n, scratch);
    }
  }

  /** Points and clusters at `zoom` inside [west, south, east, north] (across the antimeridian too). */
  query(bbox: readonly [number, number, number, number], zoom: number): ClusterItem[] {
    const [west, south, east, north] = bbox;
    let minLng = ((((west + 180) % 360) + 360) % 360) - 180;
    let maxLng = east === 180 ? 180 : ((((east + 180) % 360) + 360) % 360) - 180;
    const minLat = Math.max(-90, Math.min(90, south));
    const maxLat = Math.max(-90, Math.min(90, north));
    if (east - west >= 360) {
      minLng = -180;
      maxLng = 180;
    } else if (minLng > maxLng) {
      return [...this.query([minLng, minLat, 180, maxLat], zoom), ...this.query([-180, minLat, maxLng, maxLat], zoom)];
    }
    const level = this.levels[Math.max(0, Math.min(Math.floor(zoom), this.levels.length - 1))];
    const x0 = encode(lngX(minLng));
    const x1 = encode(lngX(maxLng));
    const y0 = encode(latY(maxLat));
    const y1 = encode(latY(minLat));
    const out: ClusterItem[] = [];
    const { x, y, num, id } = level;
    for (let k = 0; k < level.size; k++) {
      if (x[k] < x0 || x[k] > x1 || y[k] < y0 || y[k] > y1) continue;
      if (num[k] > 1) out.push({ id: id[k], count: num[k], lat: yLat(decode(y[k])), lon: xLng(decode(x[k])) });
      else out.push({ id: id[k], count: 1, lat: this.points[id[k]].lat, lon: this.points[id[k]].lon });
    }
    return out;
  }

  /** The zoom at which a cluster falls apart into more than one item. */
  expansionZoom(clusterId: number): number {
    let zoom = this.originZoom(clusterId) - 1;
    while (zoom <= this.options.maxZoom) {
      const [level, children] = this.children(clusterId);
      zoom++;
      if (children.length !== 1) break;
      clusterId = level.id[children[0]];
    }
    return zoom;
  }

  /** Indices of all the points in a cluster. */
  leaves(clusterId: number): number[] {
    const out: number[] = [];
    const stack = [clusterId];
    while (stack.length) {
      const [level, children] = this.children(stack.pop()!);
      for (const k of children) (level.num[k] > 1 ? stack : out).push(level.id[k]);
    }
    return out;
  }

  private originZoom(clusterId: number): number {
    return (clusterId - this.n) % 32;
  }

  /** The level a cluster was made from and the indices there of the items that went into it. */
  private children(clusterId: number): [Level, Int32Array] {
    const level = this.levels[this.originZoom(clusterId)];
    const origin = (clusterId - this.n) >> 5;
    if (!level || clusterId < this.n || origin >= level.size) return [level, new Int32Array(0)];
    if (!level.children) {
      // Group the level's items by the origin index of their cluster (a counting sort).
      const start = new Int32Array(level.size + 1);
      const order = new Int32Array(level.size);
      for (let k = 0; k < level.size; k++) if (level.parent[k] >= 0) start[((level.parent[k] - this.n) >> 5) + 1]++;
      for (let k = 0; k < level.size; k++) start[k + 1] += start[k];
      const pos = start.slice(0, level.size);
      for (let k = 0; k < level.size; k++) if (level.parent[k] >= 0) order[pos[(level.parent[k] - this.n) >> 5]++] = k;
      level.children = { start, order };
    }
    const { start, order } = level.children;
    return [level, order.subarray(start[origin], start[origin + 1])];
  }
}

function newLevel(size: number): Level {
  const parent = new Int32Array(size);
  parent.fill(-1);
  return { size, x: new Int32Array(size), y: new Int32Array(size), num: new Int32Array(size), id: new Int32Array(size), parent };
}

/** Work arrays shared by all levels (a level never has more items than there are points). */
class Scratch {
  cellX: Int32Array;
  cellY: Int32Array;
  slot: Int32Array;
  order: Int32Array;
  near: Int32Array;
  done: Uint8Array;
  start: Int32Array;
  pos: Int32Array;
  /** A level made for a zoom at which nothing merged (unused, all parents −1): the next one's. */
  spare?: Level;
  constructor(n: number) {
    this.cellX = new Int32Array(n);
    this.cellY = new Int32Array(n);
    this.slot = new Int32Array(n);
    this.order = new Int32Array(n);
    this.near = new Int32Array(n);
    this.done = new Uint8Array(n);
    const slots = tableSize(n);
    this.start = new Int32Array(slots + 1);
    this.pos = new Int32Array(slots);
  }
}

/** A power of two at least twice the item count: few items share a slot. */
const tableSize = (m: number): number => 2 ** Math.max(1, Math.ceil(Math.log2(2 * Math.max(1, m))));

// A cell's slot: multiplicative hashing, keeping the well mixed high bits. Written out where it is
// used: the index is built once, in code not yet optimised, where every call costs.
const HASH_X = 0x27d4eb2d;
const HASH = 0x9e3779b1;

/** Clusters the items of `src` (the level one zoom deeper) for `zoom`; the same level when nothing merges. */
function clusterLevel(src: Level, zoom: number, r: number, n: number, s: Scratch): Level {
  const m = src.size;
  const { x, y, num, id, parent } = src;
  const { cellX, cellY, slot, order, near, done, start, pos } = s;
  // Cells a little more than two radii wide: the circle around an item then reaches at most one
  // neighbouring cell per axis, on the side the item lies nearer to (one to four cells to look in).
  const cell = 2 * Math.ceil(r) + 2;
  const r2 = r * r;
  const slots = tableSize(m);
  const shift = 32 - Math.log2(slots);
  start.fill(0, 0, slots + 1);
  for (let k = 0; k < m; k++) {
    const cx = (cellX[k] = Math.floor(x[k] / cell));
    const cy = (cellY[k] = Math.floor(y[k] / cell));
    start[(slot[k] = Math.imul(Math.imul(cx, HASH_X) ^ cy, HASH) >>> shift) + 1]++;
  }
  for (let h = 0; h < slots; h++) start[h + 1] += start[h];
  pos.set(start.subarray(0, slots));
  for (let k = 0; k < m; k++) order[pos[slot[k]]++] = k;
  done.fill(0, 0, m);

  const out = s.spare ?? newLevel(m);
  s.spare = undefined;
  let w = 0;
  for (let i = 0; i < m; i++) {
    if (done[i]) continue;
    done[i] = 1;
    const qx = x[i];
    const qy = y[i];
    const cx = cellX[i];
    const cy = cellY[i];
    const ox = qx - r < cx * cell ? -1 : qx + r >= (cx + 1) * cell ? 1 : 0;
    const oy = qy - r < cy * cell ? -1 : qy + r >= (cy + 1) * cell ? 1 : 0;
    let count = 0;
    for (let dy = 0, ny = oy ? 1 : 0; dy <= ny; dy++) {
      const ky = cy + dy * oy;
      for (let dx = 0, nx = ox ? 1 : 0; dx <= nx; dx++) {
        const kx = cx + dx * ox;
        const h = Math.imul(Math.imul(kx, HASH_X) ^ ky, HASH) >>> shift;
        for (let t = start[h], end = start[h + 1]; t < end; t++) {
          const j = order[t];
          // Other cells can share the slot (and the cells looked in a slot): the cell must match.
          if (done[j] || cellX[j] !== kx || cellY[j] !== ky) continue;
          const ex = x[j] - qx;
          const ey = y[j] - qy;
          if (ex * ex + ey * ey <= r2) near[count++] = j;
        }
      }
    }
    if (count === 0) {
      out.x[w] = qx;
      out.y[w] = qy;
      out.num[w] = num[i];
      out.id[w] = id[i];
      w++;
      continue;
    }
    // Encodes where the cluster started (its index here) and this level's zoom.
    const cluster = (i << 5) + (zoom + 1) + n;
    let total = num[i];
    let wx = qx * total;
    let wy = qy * total;
    for (let c = 0; c < count; c++) {
      const j = near[c];
      done[j] = 1;
      total += num[j];
      wx += x[j] * num[j];
      wy += y[j] * num[j];
      parent[j] = cluster;
    }
    parent[i] = cluster;
    out.x[w] = wx / total;
    out.y[w] = wy / total;
    out.num[w] = total;
    out.id[w] = cluster;
    w++;
  }
  if (w === m) {
    s.spare = out;
    return src;
  }
  out.size = w;
  return out;
}
