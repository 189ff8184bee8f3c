/** What `<idea-wall>` recognises when `format` is absent: the platforms and CSV it reads, the map formats it names. */
import type { Detectors } from '../core/feed-types.js';
import { detectCsv } from '../csv/detect.js';
import { detectGeoJson, detectOverpass, detectUmap } from '../map/formats.js';
import { detectConsul } from './adapters/consul.js';
import { detectDecidim } from './adapters/decidim.js';

export const detectors: Detectors = {
  decidim: detectDecidim,
  consul: detectConsul,
  umap: detectUmap,
  geojson: detectGeoJson,
  overpass: detectOverpass,
  csv: detectCsv,
};
