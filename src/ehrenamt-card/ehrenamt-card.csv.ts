/**
 * `partners-format="csv"`: the Ehrenamtskarte app's import file for accepting stores, read as it is.
 * Loaded lazily, only when a page uses it.
 */
import { FeedError } from '../core/feed-error.js';
import type { FeedAdapter } from '../core/feed-controller.js';
import { CsvError, readCsvRecords, type CsvRecord } from './csv.js';

/** The app's columns; the first nine must be there, the others may be missing. */
export const csvColumns = ['name', 'street', 'houseNumber', 'postalCode', 'location', 'latitude', 'longitude', 'discountDE', 'categoryId', 'telephone', 'email', 'homepage', 'discountEN'] as const;
const required = csvColumns.slice(0, 9);

interface Decoded {
  records: CsvRecord[];
  skipped: string[];
}

const coordinate = (s: string | undefined) => {
  if (!s) return undefined;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : NaN;
};

const website = (s: string | undefined) => (s && /^www\.|^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(s) && !/^[a-z][a-z0-9+.-]*:/i.test(s) ? `https://${s}` : s || undefined);

const adapter: FeedAdapter = {
  decode(text): Decoded {
    const skipped: string[] = [];
    try {
      const records = readCsvRecords(text, { required, skip: (line, why) => skipped.push(`CSV Zeile ${line}: ${why} – übersprungen`) });
      return { records, skipped };
    } catch (error) {
      if (error instanceof CsvError) throw new FeedError('shape', `CSV ${error.message}`);
      throw error;
    }
  },
  map(raw, ctx) {
    const { records, skipped } = raw as Decoded;
    skipped.forEach((m) => ctx.warn(m));
    const partners = records.flatMap(({ line, values: r }) => {
      if (!r.name) {
        ctx.warn(`CSV Zeile ${line}: kein Name – übersprungen`);
        return [];
      }
      let lat = coordinate(r.latitude);
      let lng = coordinate(r.longitude);
      if (Number.isNaN(lat) || Number.isNaN(lng) || (lat !== undefined && Math.abs(lat) > 90) || (lng !== undefined && Math.abs(lng) > 180)) {
        ctx.warn(`CSV Zeile ${line} („${r.name.slice(0, 40)}“): Koordinaten „${r.latitude}“, „${r.longitude}“ unlesbar – ohne Position`);
        lat = lng = undefined;
      }
      const de = r.discountDE || r.discountEN;
      return [
        {
          id: `csv-${line}`,
          name: r.name,
          category: r.categoryId || '9',
          benefit: de ? { de, en: r.discountEN || undefined } : undefined,
          locations: [
            {
              street: [r.street, r.houseNumber].filter(Boolean).join(' ') || undefined,
              postalCode: r.postalCode || undefined,
              city: r.location || undefined,
              lat,
              lng,
            },
          ],
          website: website(r.homepage),
          phone: r.telephone || undefined,
          email: r.email || undefined,
        },
      ];
    });
    if (records.length && !partners.length) throw new FeedError('no-valid-item', `Keine der ${records.length} CSV-Zeilen enthält einen Partner mit Namen.`);
    return { partners };
  },
};

export default adapter;
