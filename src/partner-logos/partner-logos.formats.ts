/** What `<partner-logos>` recognises when `format` is absent: CSV it reads, the map formats it names. */
import type { Detectors } from '../core/feed-types.js';
import { detectCsv } from '../csv/detect.js';
import { detectGeoJson, detectOverpass, detectUmap } from '../map/formats.js';

export const detectors: Detectors = { umap: detectUmap, geojson: detectGeoJson, overpass: detectOverpass, csv: detectCsv };
