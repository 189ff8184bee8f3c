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
  /**
   * Whole numbers (truncated as the oracle's Int32Array does), held as doubles: the sums and
   * squares made of them outgrow 32 bits, which cost a deoptimisation each while they were
   * read from an Int32Array ("overflow").
   */
  x: Float64Array;
  y: Float64Array;
  /** Points an item stands for. */
  num: Int32Array;
  /** Point index (num 1) or cluster id. */
  id: Int32Array;
  /** Id of the cluster the item went into one zoom further out, or −1. */
  parent: Int32Array;
  /** Items grouped by the index of the cluster they went into (built when first asked). */
  children: { start: Int32Array; order: Int32Array } | undefined;
}

/** A level's columns, filled by clusterLevel before the level (with its size) is made of them. */
type Columns = Pick<Level, 'x' | 'y' | 'num' | 'id' | 'parent'>;

export class ClusterIndex {
  private readonly levels: Level[] = [];
  private readonly n: number;

  constructor(
    private readonly points: readonly { lat: number; lon: number }[],
    private readonly options: ClusterOptions,
  ) {
    const n = (this.n = points.length);
    const maxZoom = Math.max(0, Math.min(options.maxZoom, 30));
    let level = project(points);
    this.levels[maxZoom + 1] = level;
    const scratch = new Scratch(n);
    // Columns for the next level; kept for the one after when nothing merged at a zoom.
    let out = columns(n);
    for (let z = maxZoom; z >= 0; z--) {
      const size = clusterLevel(level, z, (options.radius / (options.extent * (1 << z))) * SCALE, n, scratch, out);
      if (size < level.size) {
        level = makeLevel(size, out);
        out = columns(size);
      }
      this.levels[z] = level;
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

/*
 * The index is built once, cold, before the first markers: the engine optimises its loops while
 * they run (on-stack replacement). Objects keep one shape and their fields are never rewritten
 * (a Level is made once its size is known), and the projection is a function of its own, because
 * each of these threw away the optimised code in the middle of the build (V8's --trace-deopt:
 * "dependent field type constness changed", "wrong map", "insufficient type feedback" after the
 * loop); one optimised compile of clusterLevel was aborted after 18 ms for that.
 */

function columns(size: number): Columns {
  const parent = new Int32Array(size);
  parent.fill(-1);
  return { x: new Float64Array(size), y: new Float64Array(size), num: new Int32Array(size), id: new Int32Array(size), parent };
}

function makeLevel(size: number, c: Columns): Level {
  return { size, x: c.x, y: c.y, num: c.num, id: c.id, parent: c.parent, children: undefined };
}

/** The points as the deepest level: Web Mercator in 30-bit integers. */
function project(points: readonly { lat: number; lon: number }[]): Level {
  const n = points.length;
  const level = makeLevel(n, columns(n));
  const { x, y, num, id } = level;
  num.fill(1);
  // encode(lngX(lon)) and encode(latY(lat)), the same operations in the same order, written out,
  // truncated (`| 0`) as the oracle's Int32Array does.
  for (let i = 0; i < n; i++) {
    const p = points[i];
    const sin = Math.sin((p.lat * Math.PI) / 180);
    const py = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
    x[i] = ((p.lon / 360 + 0.5 - 0.5) * SCALE) | 0;
    y[i] = (((py < 0 ? 0 : py > 1 ? 1 : py) - 0.5) * SCALE) | 0;
    id[i] = i;
  }
  return level;
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

/** Each item's cell and slot, and the number of items per slot (in start[slot + 1]). */
function findCells(src: Level, cell: number, mask: number, s: Scratch): void {
  const { x, y, size } = src;
  const { cellX, cellY, slot, start } = s;
  start.fill(0, 0, mask + 2);
  for (let k = 0; k < size; k++) {
    const cx = (cellX[k] = ((x[k] + OFFSET) / cell) | 0);
    const cy = (cellY[k] = ((y[k] + OFFSET) / cell) | 0);
    start[(slot[k] = (cx + cy * HASH_Y) & mask) + 1]++;
  }
}

/** Counts per slot become where each slot's items start in `order`. */
function sumCounts(start: Int32Array, slots: number): void {
  for (let h = 0; h < slots; h++) start[h + 1] += start[h];
}

/** Item indices grouped by slot (a counting sort; `pos` holds where each slot starts). */
function sortBySlot(m: number, s: Scratch): void {
  const { slot, pos, order } = s;
  for (let k = 0; k < m; k++) order[pos[slot[k]]++] = k;
}

/** A power of two at least twice the item count: few items share a slot. */
const tableSize = (m: number): number => 2 ** Math.max(1, Math.ceil(Math.log2(2 * Math.max(1, m))));

/*
 * The index is built once, cold: until the engine has optimised this code, every call of a
 * builtin (Math.floor, Math.imul) is a real call, and the deep levels make ~12 of them per item
 * (measured: the first build took 3-4x as long as a warm one). So the hot loops use operators only:
 * - cells are counted from the grid's corner, x + OFFSET >= 0, where `| 0` is Math.floor;
 * - a cell's slot is (cx + cy * HASH_Y) & mask, which stays a small integer for the zoom levels
 *   maps use; a slot shared by other cells only costs a look (the cell is compared).
 */
const OFFSET = 2 ** 29; // coordinates are (c - 0.5) * 2^30 with c in [0, 1]
const HASH_Y = 6361; // odd, and cy * HASH_Y < 2^30 for cells of zoom 16 (cy < 2^17)

/**
 * Clusters the items of `src` (the level one zoom deeper) for `zoom` into `out` and returns how
 * many items the new level has (src.size when nothing merged: `out` is then unused).
 */
function clusterLevel(src: Level, zoom: number, r: number, n: number, s: Scratch, out: Columns): number {
  const m = src.size;
  const { x, y, num, id, parent } = src;
  const { cellX, cellY, order, near, done, start } = s;
  // Cells a little more than two radii wide: the circle around an item then reaches at most one
  // neighbouring cell per axis, on the side the item lies nearer to (one to four cells to look in).
  const cell = 2 * Math.ceil(r) + 2;
  const r2 = r * r;
  const slots = tableSize(m);
  const mask = slots - 1;
  // One loop per function: code optimised while a loop runs (on-stack replacement) must not run
  // on into a loop that has not run yet (a deoptimisation on every level, --trace-deopt).
  findCells(src, cell, mask, s);
  sumCounts(start, slots);
  s.pos.set(start.subarray(0, slots));
  sortBySlot(m, s);
  done.fill(0, 0, m);

  const { x: outX, y: outY, num: outNum, id: outId } = out;
  let w = 0;
  for (let i = 0; i < m; i++) {
    if (done[i]) continue;
    done[i] = 1;
    const qx = x[i];
    const qy = y[i];
    const cx = cellX[i];
    const cy = cellY[i];
    // Where the circle leaves the item's cell (in the grid's frame, from its corner).
    const gx = qx + OFFSET - cx * cell;
    const gy = qy + OFFSET - cy * cell;
    const ox = gx < r ? -1 : gx + r >= cell ? 1 : 0;
    const oy = gy < r ? -1 : gy + r >= cell ? 1 : 0;
    let count = 0;
    for (let dy = 0, ny = oy ? 1 : 0; dy <= ny; dy++) {
      const ky = cy + dy * oy;
      for (let dx = 0, nx = ox ? 1 : 0; dx <= nx; dx++) {
        const kx = cx + dx * ox;
        const h = (kx + ky * HASH_Y) & mask;
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
      outX[w] = qx;
      outY[w] = qy;
      outNum[w] = num[i];
      outId[w] = id[i];
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
    outX[w] = (wx / total) | 0;
    outY[w] = (wy / total) | 0;
    outNum[w] = total;
    outId[w] = cluster;
    w++;
  }
  return w;
}
