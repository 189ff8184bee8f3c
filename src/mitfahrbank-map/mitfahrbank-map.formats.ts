/** What `<mitfahrbank-map>` recognises when `format` is absent (all of which it reads). */
import type { Detectors } from '../core/feed-types.js';
import { detectCsv } from '../csv/detect.js';
import { detectGeoJson, detectOverpass, detectUmap } from '../map/formats.js';

export const detectors: Detectors = { umap: detectUmap, geojson: detectGeoJson, overpass: detectOverpass, csv: detectCsv };
