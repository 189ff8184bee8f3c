/** What `<jugend-budget>` recognises when `format` is absent: Pabulib and CSV it reads, the map formats it names. */
import type { Detectors, Probe } from '../core/feed-types.js';
import { detectCsv } from '../csv/detect.js';
import { detectGeoJson, detectOverpass, detectUmap } from '../map/formats.js';

/** A Pabulib `.pb` file: by its ending, or by its first section line `META`. */
export const detectPabulib = ({ path, text }: Probe): boolean => /\.pb$/i.test(path) || /^\uFEFF?\s*META\s*(\r?\n|$)/.test(text);

export const detectors: Detectors = {
  pabulib: detectPabulib,
  umap: detectUmap,
  geojson: detectGeoJson,
  overpass: detectOverpass,
  csv: detectCsv,
};
