/** The snippet builder's output: script tag (with SRI), the widget tag, the CSP header, the WordPress shortcode. */
import { defaultTiles } from '../map/tiles.js';
import type { WidgetInfo } from './widgets.js';

export interface BuilderState {
  tag: string;
  src: string;
  /** `csv` when the widget would not detect the spreadsheet itself. */
  format: string;
  lang: string;
  theme: string;
  /** Widget-specific select options (layout, view …). */
  options: Record<string, string>;
  sections: string[];
  consent: boolean;
  tileUrl: string;
  tileAttribution: string;
  scriptUrl: string;
  /** `sha384-…` or empty. */
  integrity: string;
  /** Origins of images in the checked data. */
  imageOrigins: string[];
}

export const OSM_TILES = defaultTiles.url;

/**
 * A URL as the widget would use it: http(s) or relative, else empty. Embed code never carries
 * `javascript:`, `data:` or `file:` links, whatever the checker's address says.
 */
export function safeHref(u: string): string {
  const t = u.trim();
  if (!t) return '';
  try {
    return /^https?:$/.test(new URL(t, location.href).protocol) ? t : '';
  } catch {
    return '';
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The widget's attributes in a stable order; defaults are left out. */
export function attributes(info: WidgetInfo, s: BuilderState): [string, string][] {
  const out: [string, string][] = [];
  if (safeHref(s.src)) out.push(['src', safeHref(s.src)]);
  if (s.format) out.push(['format', s.format]);
  if (s.lang) out.push(['lang', s.lang]);
  if (s.theme) out.push(['theme', s.theme]);
  for (const o of info.options) if (s.options[o.attr]) out.push([o.attr, s.options[o.attr]]);
  if (info.sections) {
    const chosen = info.sections.map(([id]) => id).filter((id) => s.sections.includes(id));
    if (chosen.join(' ') !== 'card check partners') out.push(['sections', chosen.join(' ')]);
  }
  if (usesMap(info, s)) {
    if (s.consent) out.push(['consent', 'granted']);
    if (safeHref(s.tileUrl) && s.tileUrl.trim() !== OSM_TILES) {
      out.push(['tile-url', s.tileUrl.trim()]);
      if (s.tileAttribution.trim()) out.push(['tile-attribution', s.tileAttribution.trim()]);
    }
  }
  return out;
}

export const usesMap = (info: WidgetInfo, s: Pick<BuilderState, 'sections'>) =>
  !!info.map && (!info.sections || s.sections.includes('map'));

export function snippet(info: WidgetInfo, s: BuilderState, fallback: string): string {
  const script = `<script type="module" async src="${esc(safeHref(s.scriptUrl))}"${s.integrity ? ` integrity="${s.integrity}" crossorigin="anonymous"` : ''}></script>`;
  const attrs = attributes(info, s)
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join('');
  const inner = safeHref(s.src) ? `\n  <a href="${esc(safeHref(s.src))}">${esc(fallback)}</a>\n` : '';
  // The optional stylesheet next to the loader keeps the page still while the widget loads.
  const style = /\.js(\?|$)/.test(s.scriptUrl)
    ? `<link rel="stylesheet" href="${esc(s.scriptUrl.replace(/\.js(\?|$)/, '.css$1'))}">\n`
    : '';
  return `${style}${script}\n\n<${info.tag}${attrs}>${inner}</${info.tag}>`;
}

/** The http(s) origin of a URL (a tile template's {s} filled in); none for other schemes. */
const originOf = (u: string, base: string): string | undefined => {
  try {
    const url = new URL(u.replace(/\{[a-z]\}/g, 'a'), base);
    return /^https?:$/.test(url.protocol) ? url.origin : undefined;
  } catch {
    return undefined;
  }
};

/** The Content-Security-Policy a strict site needs for this snippet ('self' = the site itself). */
export function csp(info: WidgetInfo, s: BuilderState, site: string): string {
  const self = originOf(site || location.href, location.href);
  const list = (...urls: (string | undefined)[]) => {
    const set = new Set<string>(["'self'"]);
    for (const u of urls) {
      const o = u && originOf(u, location.href);
      if (o && o !== self && o !== 'null') set.add(o);
    }
    return [...set].join(' ');
  };
  const tiles = usesMap(info, s) ? s.tileUrl.trim() || OSM_TILES : undefined;
  return [
    "default-src 'self'",
    `script-src ${list(s.scriptUrl)}`,
    "style-src 'self'",
    // No data: — the map cancels tile requests without Leaflet's data: GIF.
    `img-src ${list(...s.imageOrigins.filter((o) => /^https?:\/\//.test(o)), tiles)}`,
    `connect-src ${list(safeHref(s.src) || undefined)}`,
    "require-trusted-types-for 'script'",
    "trusted-types lit-html 'allow-duplicates'",
  ].join('; ');
}

/** The WordPress plugin's shortcode; tile server and map consent are plugin settings there. */
export function shortcode(info: WidgetInfo, s: BuilderState): string {
  const allowed = new Set(['src', 'format', 'lang', 'theme', 'layout', 'view', 'sections']);
  const attrs = attributes(info, s)
    .filter(([k]) => allowed.has(k))
    .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;').replace(/\]/g, '%5D')}"`)
    .join('');
  return `[${info.shortcode}${attrs}]`;
}

/** Subresource Integrity of a file: `sha384-…` over its bytes. */
export async function sri(bytes: ArrayBuffer): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  let bin = '';
  hash.forEach((b) => (bin += String.fromCharCode(b)));
  return `sha384-${btoa(bin)}`;
}
