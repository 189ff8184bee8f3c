/**
 * Format detection when a feed names no `format` and the widget's native reading failed.
 * Loaded lazily (only on that path; rollup.config.mjs keeps it out of the core chunk). Each format brings
 * its own detector (`src/csv/detect.ts`, `src/map/formats.ts`, the platform adapters); the
 * widget lists the detectors of what it reads and of what it only recognises.
 */
import { FeedError } from './feed-error.js';
import type { Detectors, Probe } from './feed-types.js';
import type { Lang } from './i18n.js';
import type { FeedResponse } from './request.js';

const names: Record<string, string> = {
  csv: 'CSV',
  geojson: 'GeoJSON',
  overpass: 'Overpass-API-JSON (OpenStreetMap)',
  umap: 'uMap',
  decidim: 'Decidim (GraphQL)',
  consul: 'CONSUL (GraphQL)',
};

export const formatName = (format: string): string => (Object.hasOwn(names, format) ? names[format] : format);

/**
 * The probe of a response: its JSON parsed once, undefined when it is not JSON. A `raw` key, even
 * undefined, is the feed controller's parse (undefined: not JSON): a big text is not parsed twice.
 */
export function probeOf(res: Pick<FeedResponse, 'contentType' | 'url' | 'text' | 'raw'>): Probe {
  let json = res.raw;
  if (!('raw' in res)) {
    try {
      json = JSON.parse(res.text.replace(/^\uFEFF/, ''));
    } catch {
      json = undefined;
    }
  }
  let path = res.url;
  try {
    const u = new URL(res.url);
    path = u.pathname + u.search;
  } catch {
    // not a URL (inline data): the text decides
  }
  return { contentType: res.contentType, path, text: res.text, json };
}

/** The first format whose detector accepts the probe, in the widget's order. */
export function detectFormat(probe: Probe, detectors: Detectors): string | undefined {
  for (const [format, detect] of Object.entries(detectors)) {
    try {
      if (detect(probe)) return format;
    } catch {
      // a detector must never break loading; the next one decides
    }
  }
  return undefined;
}

/**
 * The format to read a response with after its native reading failed with `failure` (or, with
 * `shownNothing`, read but showed nothing: undefined then keeps that reading when no other
 * format is recognised): a detected format the widget reads, or a FeedError
 * that names the detected format and what to set, or the original error with the list of
 * formats to choose from.
 */
export function chooseFormat(
  res: Pick<FeedResponse, 'contentType' | 'url' | 'text' | 'status' | 'raw'>,
  detectors: Detectors,
  readable: readonly string[],
  tag: string,
  lang: Lang,
  failure: unknown,
  shownNothing = false,
): string | undefined {
  const en = lang === 'en';
  const format = detectFormat(probeOf(res), detectors);
  const choices = ['native', ...readable].map((f) => `format="${f}"`).join(', ');
  if (format && readable.includes(format)) return format;
  if (format && !readable.includes(format)) {
    throw new FeedError(
      'shape',
      en
        ? `The file is ${formatName(format)}, which <${tag}> cannot read. It reads: ${choices}.`
        : `Die Datei ist ${formatName(format)}; das kann <${tag}> nicht lesen. Lesbar sind: ${choices}.`,
      res.status,
      res.status ? res.url : undefined, // data set by property has no address (status 0)
    );
  }
  if (shownNothing) return undefined;
  // An error page (HTML) or a broken file of the widget's own kind: the original message says more.
  if (!(failure instanceof FeedError) || !(failure.kind === 'shape' || failure.kind === 'not-json') || /^\s*</.test(res.text))
    throw explain(failure, res, lang);
  const failed = explain(failure, res, lang) as FeedError;
  const hint = en
    ? ` If the file is in another format, set one of: ${choices}.`
    : ` Ist die Datei in einem anderen Format, eines davon setzen: ${choices}.`;
  throw new FeedError(failed.kind, failed.message + hint, failed.status, failed.url);
}

/** Gives a response that is not JSON its message: an error page (HTML) or the text's start. */
export function explain(error: unknown, res: Pick<FeedResponse, 'text'>, lang: Lang): unknown {
  if (!(error instanceof FeedError) || error.kind !== 'not-json' || error.message) return error;
  const text = res.text.trim();
  const start = text.slice(0, 60).replace(/\s+/g, ' ');
  const html = /^<(!doctype|html|head|body)/i.test(text);
  const en = lang === 'en';
  const message = html
    ? en
      ? `Received HTML instead of JSON (an error page?): “${start}…”`
      : `HTML statt JSON erhalten (eine Fehlerseite?): „${start}…“`
    : en
      ? `Not valid JSON: “${start}…”`
      : `Kein gültiges JSON: „${start}…“`;
  return new FeedError('not-json', message, error.status, error.url);
}

/** `format` names nothing the widget reads. */
export function unknownFormat(format: string, readable: readonly string[], tag: string, lang: Lang): FeedError {
  const choices = ['native', ...readable].join(', ');
  if (format === 'csv')
    return new FeedError('shape', lang === 'en' ? `<${tag}> cannot read CSV files.` : `<${tag}> kann keine CSV-Dateien lesen.`);
  return new FeedError(
    'shape',
    lang === 'en' ? `Unknown format “${format}”. Possible: ${choices}.` : `Unbekanntes Format „${format}“. Möglich: ${choices}.`,
  );
}
